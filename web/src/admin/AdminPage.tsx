// Administration (#/administration, admin role): find an account, change its roles, suspend or reinstate it, hand over
// a password link; open an account for someone (they choose their password through the link); read the outbox, where
// the platform's e-mails wait when no mail server is configured. The cluster dashboard and API reference are linked here.

import { useEffect, useRef, useState } from "preact/hooks";
import { formErrors, noFormErrors, type FormErrors } from "../auth/formErrors";
import { isEmail } from "../auth/forms";
import { problemMessage } from "../auth/problem";
import { Field, FormAlert, focusFirstError } from "../components/Field";
import { ShareLink } from "../components/ShareLink";
import { useT } from "../i18n";
import { useLanguage, useMessages } from "../i18n/language";
import { manageMessages } from "../i18n/manage";
import { ROLE_VALUES, UI_LANGUAGE_VALUES, USER_REGION_VALUES, type Account, type IssuedLink, type NewAccount, type OutboxMessage, type Role } from "../wire/contract";
import { fetchOutbox, issueResetLink, openAccount, searchAccounts, setRoles, setSuspended } from "./adminApi";

/** Typing pauses this long before the list is asked again. */
const SEARCH_PAUSE_MS = 250;

export function AdminPage() {
  const m = useMessages(manageMessages).admin;
  const [outboxVersion, setOutboxVersion] = useState(0);
  const [accountsVersion, setAccountsVersion] = useState(0);
  const changed = () => {
    setOutboxVersion((v) => v + 1);
    setAccountsVersion((v) => v + 1);
  };
  return (
    <div class="stack">
      <section class="panel" aria-labelledby="page-title">
        <h2 id="page-title">{m.title}</h2>
        <p class="muted">{m.intro}</p>
        <nav aria-label={m.tools}>
          <p class="actions">
            <a class="button" href="/scalar">
              {m.apiReference}
            </a>
            <a class="button" href="/dashboard/">
              {m.dashboard}
            </a>
          </p>
        </nav>
      </section>
      <OpenAccountForm onOpened={changed} />
      <Accounts version={accountsVersion} onLinkIssued={() => setOutboxVersion((v) => v + 1)} />
      <Outbox version={outboxVersion} />
    </div>
  );
}

function Accounts({ version, onLinkIssued }: { readonly version: number; readonly onLinkIssued: () => void }) {
  const m = useMessages(manageMessages).admin;
  const [query, setQuery] = useState("");
  const [accounts, setAccounts] = useState<readonly Account[] | null>(null);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [link, setLink] = useState<{ readonly email: string; readonly issued: IssuedLink } | null>(null);

  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      void searchAccounts(query.trim()).then((result) => {
        if (!live) return;
        if (result.ok) {
          setAccounts(result.value.items);
          setTotal(result.value.total);
          setError(null);
        } else setError(problemMessage(result.problem));
      });
    }, SEARCH_PAUSE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, version]);

  const replace = (account: Account) => setAccounts((list) => list?.map((a) => (a.email === account.email ? account : a)) ?? null);
  const act = async (run: () => Promise<{ ok: true; value: Account } | { ok: false; problem: Parameters<typeof problemMessage>[0] }>) => {
    const result = await run();
    if (result.ok) {
      replace(result.value);
      setError(null);
    } else setError(problemMessage(result.problem));
  };
  const issue = async (email: string) => {
    const result = await issueResetLink(email);
    if (result.ok) {
      setLink({ email, issued: result.value });
      setError(null);
      onLinkIssued();
    } else setError(problemMessage(result.problem));
  };

  return (
    <section class="panel" aria-labelledby="accounts-title">
      <h3 id="accounts-title">{m.accountsTitle}</h3>
      <Field id="admin-search" label={m.search} hint={m.searchHint}>
        {(control) => <input {...control} type="search" value={query} onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)} />}
      </Field>
      <FormAlert messages={error === null ? [] : [error]} />
      {link !== null && (
        <div class="note note--info">
          <p>
            <strong>{m.linkFor(link.email)}</strong> {link.issued.mailed ? m.linkMailed : m.linkNotMailed}
          </p>
          <ShareLink id="admin-reset" link={link.issued.link} title={m.linkFor(link.email)} />
        </div>
      )}
      {accounts !== null && (
        <>
          <p class="muted" role="status">
            {accounts.length === 0 ? m.none : m.total(total)}
          </p>
          <ul class="admin-accounts">
            {accounts.map((account) => (
              <AccountRow
                key={account.email}
                account={account}
                onRoles={(roles) => void act(() => setRoles(account.email, roles))}
                onSuspend={(suspended) => void act(() => setSuspended(account.email, suspended))}
                onIssue={() => void issue(account.email)}
              />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

interface AccountRowProps {
  readonly account: Account;
  readonly onRoles: (roles: readonly Role[]) => void;
  readonly onSuspend: (suspended: boolean) => void;
  readonly onIssue: () => void;
}

function AccountRow({ account, onRoles, onSuspend, onIssue }: AccountRowProps) {
  const m = useMessages(manageMessages).admin;
  const name = account.displayName === "" ? account.email : account.displayName;
  const toggle = (role: Role, on: boolean) => onRoles(on ? [...account.roles, role] : account.roles.filter((r) => r !== role));
  return (
    <li class="admin-account">
      <p class="admin-account__who">
        <strong>{name}</strong> <span>{account.email}</span>
        {account.organisation !== "" && <span class="muted"> · {account.organisation}</span>}
      </p>
      <p class="muted">
        {account.verified ? m.verified : m.unverified} · {account.suspended ? m.suspended : m.active}
      </p>
      <fieldset class="admin-account__roles">
        <legend>{m.roles}</legend>
        {ROLE_VALUES.map((role) => (
          <label key={role} class="checkbox">
            <input
              type="checkbox"
              checked={account.roles.includes(role)}
              aria-label={m.roleOf(m.roleNames[role], name)}
              onChange={(e) => toggle(role, (e.currentTarget as HTMLInputElement).checked)}
            />
            <span aria-hidden="true">{m.roleNames[role]}</span>
          </label>
        ))}
      </fieldset>
      <p class="actions">
        <button type="button" class="button" aria-label={account.suspended ? m.unsuspend(name) : m.suspend(name)} onClick={() => onSuspend(!account.suspended)}>
          {account.suspended ? m.unsuspendShort : m.suspendShort}
        </button>
        <button type="button" class="button" aria-label={m.resetLink(name)} onClick={onIssue}>
          {m.resetLinkShort}
        </button>
      </p>
    </li>
  );
}

const NEW_ACCOUNT_FIELDS = ["email", "displayName", "organisation", "region", "language", "roles"] as const;
type NewAccountField = (typeof NEW_ACCOUNT_FIELDS)[number];

function OpenAccountForm({ onOpened }: { readonly onOpened: () => void }) {
  const t = useT();
  const m = useMessages(manageMessages).admin;
  const language = useLanguage();
  const blank = (): NewAccount => ({ email: "", displayName: "", organisation: "", region: "kaolack", language, roles: ["member"] });
  const [values, setValues] = useState<NewAccount>(blank);
  const [errors, setErrors] = useState<FormErrors<NewAccountField>>(noFormErrors);
  const [busy, setBusy] = useState(false);
  const [opened, setOpened] = useState<{ readonly email: string; readonly issued: IssuedLink } | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const set = (field: "email" | "displayName" | "organisation" | "region" | "language") => (event: Event) =>
    setValues((v) => ({ ...v, [field]: (event.currentTarget as HTMLInputElement).value }));

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const request: NewAccount = { ...values, email: values.email.trim(), displayName: values.displayName.trim(), organisation: values.organisation.trim() };
    const local: Partial<Record<NewAccountField, string>> = {};
    if (!isEmail(request.email)) local.email = request.email === "" ? t.form.fieldRequired : t.form.emailInvalid;
    if (request.displayName === "") local.displayName = t.form.fieldRequired;
    if (Object.keys(local).length > 0) {
      setErrors({ fields: local, general: [] });
      focusFirstError("new-account", NEW_ACCOUNT_FIELDS, local);
      return;
    }
    setBusy(true);
    setErrors(noFormErrors);
    const result = await openAccount(request);
    setBusy(false);
    if (result.ok) {
      setOpened({ email: request.email, issued: result.value.link });
      setValues(blank());
      onOpened();
      return;
    }
    const shown = formErrors(result.problem, NEW_ACCOUNT_FIELDS);
    setErrors(shown.general.length === 0 && Object.keys(shown.fields).length === 0 ? { fields: {}, general: [problemMessage(result.problem)] } : shown);
    if (!focusFirstError("new-account", NEW_ACCOUNT_FIELDS, shown.fields)) alertRef.current?.focus();
  };

  return (
    <section class="panel" aria-labelledby="new-account-title">
      <h3 id="new-account-title">{m.newTitle}</h3>
      <p class="muted">{m.newIntro}</p>
      {opened !== null && (
        <div class="note note--success">
          <p role="status">
            {m.opened(opened.email)} {opened.issued.mailed ? m.linkMailed : m.linkNotMailed}
          </p>
          <ShareLink id="new-account-share" link={opened.issued.link} title={m.linkFor(opened.email)} />
        </div>
      )}
      <form class="form" noValidate onSubmit={(e) => void submit(e)} aria-busy={busy}>
        <FormAlert messages={errors.general} alertRef={alertRef} />
        <Field id="new-account-email" label={m.email} error={errors.fields.email} required>
          {(control) => <input {...control} type="email" autocomplete="off" value={values.email} onInput={set("email")} />}
        </Field>
        <Field id="new-account-displayName" label={m.displayName} error={errors.fields.displayName} required>
          {(control) => <input {...control} type="text" autocomplete="off" value={values.displayName} onInput={set("displayName")} />}
        </Field>
        <Field id="new-account-organisation" label={m.organisation} error={errors.fields.organisation}>
          {(control) => <input {...control} type="text" autocomplete="off" value={values.organisation} onInput={set("organisation")} />}
        </Field>
        <div class="form__row">
          <Field id="new-account-region" label={m.region} error={errors.fields.region} required>
            {(control) => (
              <select {...control} value={values.region} onChange={set("region")}>
                {USER_REGION_VALUES.map((region) => (
                  <option key={region} value={region}>
                    {t.register.regions[region]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="new-account-language" label={m.language} error={errors.fields.language} required>
            {(control) => (
              <select {...control} value={values.language} onChange={set("language")}>
                {UI_LANGUAGE_VALUES.map((l) => (
                  <option key={l} value={l} lang={l}>
                    {t.register.languages[l]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <fieldset class="admin-account__roles" aria-describedby={errors.fields.roles === undefined ? undefined : "new-account-roles-error"}>
          <legend>{m.roles}</legend>
          {errors.fields.roles !== undefined && (
            <p class="field__error" id="new-account-roles-error">
              {errors.fields.roles}
            </p>
          )}
          {ROLE_VALUES.map((role) => (
            <label key={role} class="checkbox">
              <input
                type="checkbox"
                id={`new-account-role-${role}`}
                checked={values.roles.includes(role)}
                onChange={(e) => {
                  const on = (e.currentTarget as HTMLInputElement).checked;
                  setValues((v) => ({ ...v, roles: on ? [...v.roles, role] : v.roles.filter((r) => r !== role) }));
                }}
              />{" "}
              {m.roleNames[role]}
            </label>
          ))}
        </fieldset>
        <button type="submit" class="button button--primary" disabled={busy}>
          {busy ? m.opening : m.open}
        </button>
      </form>
    </section>
  );
}

function Outbox({ version }: { readonly version: number }) {
  const m = useMessages(manageMessages).admin;
  const language = useLanguage();
  const [messages, setMessages] = useState<readonly OutboxMessage[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void fetchOutbox().then((result) => {
      if (!live) return;
      if (result.ok) setMessages(result.value);
      else setError(problemMessage(result.problem));
    });
    return () => {
      live = false;
    };
  }, [version]);
  const when = new Intl.DateTimeFormat(language === "fr" ? "fr-FR" : "en-GB", { dateStyle: "medium", timeStyle: "short" });
  return (
    <section class="panel" aria-labelledby="outbox-title">
      <h3 id="outbox-title">{m.outboxTitle}</h3>
      <p class="muted">{m.outboxIntro}</p>
      <FormAlert messages={error === null ? [] : [error]} />
      {messages !== null && messages.length === 0 && <p>{m.outboxEmpty}</p>}
      {messages !== null && messages.length > 0 && (
        <ol class="admin-outbox">
          {messages.map((message) => (
            <li key={message.number} class="admin-outbox__message">
              <p>
                <strong lang={message.language}>{message.subject}</strong>
              </p>
              <p class="muted">
                {m.kinds[message.kind]} · {m.outboxTo(message.to)} · <time dateTime={message.at}>{when.format(new Date(message.at))}</time>
              </p>
              {message.link !== "" && (
                <p>
                  <a href={message.link}>{message.link}</a>
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
