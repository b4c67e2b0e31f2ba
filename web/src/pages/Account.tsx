// "My account" (#/compte): name, organisation, region and language (stored on the account: the interface's language on
// every device, and the language of the e-mails it receives), the password, and signing out everywhere.

import { useRef, useState } from "preact/hooks";
import { changePassword, updateMe } from "../auth/accountApi";
import { formErrors, noFormErrors, type FormErrors } from "../auth/formErrors";
import { problemMessage } from "../auth/problem";
import { session } from "../auth/session";
import { Field, FormAlert, PasswordField, focusFirstError } from "../components/Field";
import { useT } from "../i18n";
import { useMessages } from "../i18n/language";
import { manageMessages } from "../i18n/manage";
import type { AccountProfile, CurrentUser } from "../types";
import { ACCOUNT_LIMITS, UI_LANGUAGE_VALUES, USER_REGION_VALUES } from "../wire/contract";

const PROFILE_FIELDS = ["displayName", "organisation", "region", "language"] as const;
const PASSWORD_FIELDS = ["currentPassword", "newPassword"] as const;

export function AccountPage({ user }: { readonly user: CurrentUser }) {
  const m = useMessages(manageMessages).account;
  return (
    <div class="stack">
      <section class="panel" aria-labelledby="page-title">
        <h2 id="page-title">{m.page.title}</h2>
        <p class="muted">{m.page.signedInAs(user.email)}</p>
        <ProfileForm user={user} />
      </section>
      <PasswordForm />
      <SignOutEverywhere />
    </div>
  );
}

function ProfileForm({ user }: { readonly user: CurrentUser }) {
  const t = useT();
  const m = useMessages(manageMessages).account;
  const [values, setValues] = useState<AccountProfile>({
    displayName: user.displayName,
    organisation: user.organisation,
    region: user.region,
    language: user.language,
  });
  const [errors, setErrors] = useState<FormErrors<(typeof PROFILE_FIELDS)[number]>>(noFormErrors);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);
  const set = (field: keyof AccountProfile) => (event: Event) => {
    setSaved(false);
    setValues((v) => ({ ...v, [field]: (event.currentTarget as HTMLInputElement).value }));
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    if (values.displayName.trim() === "") {
      setErrors({ fields: { displayName: t.form.fieldRequired }, general: [] });
      focusFirstError("account", PROFILE_FIELDS, { displayName: "" });
      return;
    }
    setBusy(true);
    setErrors(noFormErrors);
    const result = await updateMe({ ...values, displayName: values.displayName.trim(), organisation: values.organisation.trim() });
    setBusy(false);
    if (result.ok) {
      session.signedIn(result.value);
      setSaved(true);
      return;
    }
    if (result.problem.status === 401) session.expired();
    const shown = formErrors(result.problem, PROFILE_FIELDS);
    setErrors(shown);
    if (!focusFirstError("account", PROFILE_FIELDS, shown.fields)) alertRef.current?.focus();
  };

  return (
    <form class="form" noValidate onSubmit={(e) => void submit(e)} aria-busy={busy}>
      <FormAlert messages={errors.general} alertRef={alertRef} />
      <Field id="account-displayName" label={t.register.displayName} hint={t.register.displayNameHint} error={errors.fields.displayName} required>
        {(control) => <input {...control} type="text" autocomplete="name" value={values.displayName} onInput={set("displayName")} />}
      </Field>
      <Field id="account-organisation" label={t.register.organisation} hint={t.register.organisationHint} error={errors.fields.organisation}>
        {(control) => <input {...control} type="text" autocomplete="organization" value={values.organisation} onInput={set("organisation")} />}
      </Field>
      <div class="form__row">
        <Field id="account-region" label={t.register.region} error={errors.fields.region} required>
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
        <Field id="account-language" label={t.register.language} hint={m.page.languageHint} error={errors.fields.language} required>
          {(control) => (
            <select {...control} value={values.language} onChange={set("language")}>
              {UI_LANGUAGE_VALUES.map((language) => (
                <option key={language} value={language} lang={language}>
                  {t.register.languages[language]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {saved && (
        <p class="note note--success" role="status">
          {m.page.saved}
        </p>
      )}
      <button type="submit" class="button button--primary" disabled={busy}>
        {busy ? m.page.saving : m.page.save}
      </button>
    </form>
  );
}

function PasswordForm() {
  const t = useT();
  const m = useMessages(manageMessages).account;
  const [values, setValues] = useState({ currentPassword: "", newPassword: "" });
  const [errors, setErrors] = useState<FormErrors<(typeof PASSWORD_FIELDS)[number]>>(noFormErrors);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const local: Partial<Record<(typeof PASSWORD_FIELDS)[number], string>> = {};
    if (values.currentPassword === "") local.currentPassword = t.form.fieldRequired;
    if (values.newPassword.length < ACCOUNT_LIMITS.passwordMinLength) local.newPassword = t.form.passwordTooShort(ACCOUNT_LIMITS.passwordMinLength);
    if (Object.keys(local).length > 0) {
      setErrors({ fields: local, general: [] });
      focusFirstError("password", PASSWORD_FIELDS, local);
      return;
    }
    setBusy(true);
    setErrors(noFormErrors);
    const result = await changePassword(values.currentPassword, values.newPassword);
    setBusy(false);
    if (result.ok) {
      setValues({ currentPassword: "", newPassword: "" });
      setDone(true);
      return;
    }
    const shown = formErrors(result.problem, PASSWORD_FIELDS);
    setErrors(shown);
    if (!focusFirstError("password", PASSWORD_FIELDS, shown.fields)) alertRef.current?.focus();
  };

  return (
    <section class="panel" aria-labelledby="password-title">
      <h3 id="password-title">{m.page.passwordTitle}</h3>
      <p class="muted">{m.page.passwordIntro}</p>
      <form class="form" noValidate onSubmit={(e) => void submit(e)} aria-busy={busy}>
        <FormAlert messages={errors.general} alertRef={alertRef} />
        <PasswordField id="password-currentPassword" label={m.page.currentPassword} error={errors.fields.currentPassword}
          autocomplete="current-password" value={values.currentPassword}
          onInput={(e) => setValues((v) => ({ ...v, currentPassword: (e.currentTarget as HTMLInputElement).value }))} />
        <PasswordField id="password-newPassword" label={m.page.newPassword} hint={m.passwordHint(ACCOUNT_LIMITS.passwordMinLength)}
          error={errors.fields.newPassword} autocomplete="new-password" minLength={ACCOUNT_LIMITS.passwordMinLength} value={values.newPassword}
          onInput={(e) => setValues((v) => ({ ...v, newPassword: (e.currentTarget as HTMLInputElement).value }))} />
        {done && (
          <p class="note note--success" role="status">
            {m.page.passwordChanged}
          </p>
        )}
        <button type="submit" class="button button--primary" disabled={busy}>
          {busy ? m.page.saving : m.page.changePassword}
        </button>
      </form>
    </section>
  );
}

function SignOutEverywhere() {
  const m = useMessages(manageMessages).account;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const go = async () => {
    setBusy(true);
    const result = await session.signOutEverywhere();
    if (!result.ok) {
      setBusy(false);
      setError(problemMessage(result.problem));
    }
  };
  return (
    <section class="panel" aria-labelledby="everywhere-title">
      <h3 id="everywhere-title">{m.page.everywhereTitle}</h3>
      <p class="muted">{m.page.everywhereIntro}</p>
      <FormAlert messages={error === null ? [] : [error]} />
      <button type="button" class="button" disabled={busy} onClick={() => void go()}>
        {m.page.everywhere}
      </button>
    </section>
  );
}
