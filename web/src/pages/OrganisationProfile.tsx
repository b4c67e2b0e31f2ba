// A cooperative's, diaspora group's or other organisation's page: the public profile, and for its members the profile
// edited in place. A save carries the version read; when someone saved in between, nothing is
// overwritten: both versions of the changed fields are shown side by side to review and retry.

import type { ComponentChildren, Ref } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { formErrors } from "../auth/formErrors";
import { problemMessage, type ProblemDetails } from "../auth/problem";
import { session, useSession } from "../auth/session";
import { Field, FormAlert, focusFirstError } from "../components/Field";
import { timeInBothZones } from "../format";
import { useT, type Messages } from "../i18n";
import { conflictRows, formProblems, fromForm, rebase, toForm, type FieldSpec, type ProfileForm } from "../profile/profileForm";
import { fetchOrganisation, saveOrganisation, type OrganisationPath } from "../profile/profileApi";
import { liveClient } from "../live/liveClient";
import { routeHref } from "../router";
import type { CurrentUser, Organisation } from "../types";

interface Props<P> {
  readonly path: OrganisationPath;
  readonly slug: string;
  readonly kindLabel: (t: Messages) => string;
  readonly fields: readonly FieldSpec<P>[];
  readonly nameOf: (profile: P) => string;
  /** The public profile, read-only. */
  readonly view: (profile: P, t: Messages) => ComponentChildren;
  /** Shown under the profile (partner suggestions of a cooperative). */
  readonly below?: ComponentChildren;
}

type Load<P> =
  | { readonly status: "loading" }
  | { readonly status: "failed"; readonly problem: ProblemDetails }
  | { readonly status: "loaded"; readonly organisation: Organisation<P> };

interface Editing<P> {
  /** The version the edit started from (or was last rebased on). */
  readonly base: Organisation<P>;
  readonly values: ProfileForm;
  /** Set when a save was refused because someone saved first. */
  readonly conflict: Organisation<P> | null;
}

const topicKind: Readonly<Record<OrganisationPath, string>> = {
  cooperatives: "cooperative",
  "diaspora-groups": "diaspora-group",
  organisations: "organisation",
};

const mayEdit = (user: CurrentUser | null, members: readonly string[]): boolean =>
  user !== null &&
  (user.roles.includes("admin") ||
    (!user.roles.includes("partner") && members.some((m) => m.toLocaleLowerCase() === user.email.toLocaleLowerCase())));

/** The server names nested fields with dots ("contact.email"); the form's keys have none. */
const dotless = (problem: ProblemDetails): ProblemDetails => ({
  ...problem,
  errors: Object.fromEntries(Object.entries(problem.errors).map(([key, list]) => [key.replace(/\./g, ""), list])),
});

export function OrganisationProfilePage<P>({ path, slug, kindLabel, fields, nameOf, view, below }: Props<P>) {
  const t = useT();
  const state = useSession();
  const user = state.status === "signedIn" ? state.user : null;
  const [load, setLoad] = useState<Load<P>>({ status: "loading" });
  const [editing, setEditing] = useState<Editing<P> | null>(null);
  const [errors, setErrors] = useState<{ fields: Record<string, string>; general: readonly string[] }>({ fields: {}, general: [] });
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);
  const conflictRef = useRef<HTMLDivElement>(null);
  const keys = fields.map((f) => f.key);
  const prefix = `profile`;

  useEffect(() => {
    let live = true;
    void fetchOrganisation<P>(path, slug).then((result) => {
      if (!live) return;
      setLoad(result.ok ? { status: "loaded", organisation: result.value } : { status: "failed", problem: result.problem });
    });
    return () => {
      live = false;
    };
  }, [path, slug]);

  // Changes saved by others show at once while reading (an open edit keeps its base: saving it then
  // meets the conflict check, which shows both versions).
  const editingRef = useRef(editing);
  editingRef.current = editing;
  useEffect(
    () =>
      liveClient().subscribe(`${topicKind[path]}:${slug}`, {
        sinceVersion: () => null,
        onSubscribed: () => undefined,
        onEvent: (event) => {
          const data = event.data as Partial<Organisation<P>> | null;
          if (event.change !== "updated" || editingRef.current !== null || !data?.meta || !data.profile) return;
          const { meta, profile } = data;
          setLoad((current) =>
            current.status === "loaded" && meta.version > current.organisation.meta.version
              ? { status: "loaded", organisation: { ...current.organisation, meta, profile } }
              : current,
          );
        },
      }),
    [path, slug],
  );

  useEffect(() => {
    if (editing?.conflict) conflictRef.current?.focus();
  }, [editing?.conflict]);

  if (load.status === "loading") {
    return (
      <section class="panel" aria-labelledby="page-title" aria-busy="true">
        <h2 id="page-title">{kindLabel(t)}</h2>
        <p role="status">{t.profile.loading}</p>
      </section>
    );
  }
  if (load.status === "failed") {
    return (
      <section class="panel" aria-labelledby="page-title">
        <h2 id="page-title">{kindLabel(t)}</h2>
        <p class="note note--error" role="alert">
          {load.problem.status === 404 ? t.profile.notFound : `${t.profile.loadError} ${problemMessage(load.problem)}`}
        </p>
        <p>
          <a href={routeHref({ name: "home" })}>{t.profile.backToDirectory}</a>
        </p>
      </section>
    );
  }

  const organisation = load.organisation;
  const canEdit = mayEdit(user, organisation.members);

  const startEditing = () => {
    setSaved(false);
    setErrors({ fields: {}, general: [] });
    setEditing({ base: organisation, values: toForm(fields, organisation.profile), conflict: null });
  };

  const save = async (edit: Editing<P>) => {
    if (busy) return;
    const local = formProblems(fields, edit.values, t);
    if (Object.keys(local).length > 0) {
      setErrors({ fields: local, general: [] });
      focusFirstError(prefix, keys, local);
      return;
    }
    setBusy(true);
    setErrors({ fields: {}, general: [] });
    const profile = fromForm(fields, edit.values, edit.base.profile);
    const result = await saveOrganisation(path, slug, profile, edit.base.meta.version);
    if (result.ok) {
      setBusy(false);
      setLoad({ status: "loaded", organisation: result.value });
      setEditing(null);
      setSaved(true);
      return;
    }
    const problem = result.problem;
    if (problem.status === 412) {
      // Someone saved first: fetch their version and let the editor compare.
      const latest = await fetchOrganisation<P>(path, slug);
      setBusy(false);
      if (latest.ok) {
        setEditing({ ...edit, conflict: latest.value });
        return;
      }
      setErrors({ fields: {}, general: [problemMessage(latest.problem)] });
      return;
    }
    setBusy(false);
    if (problem.status === 401) session.expired();
    const shown = formErrors(dotless(problem), keys);
    setErrors({ fields: shown.fields as Record<string, string>, general: shown.general });
    if (!focusFirstError(prefix, keys, shown.fields)) alertRef.current?.focus();
  };

  const name = nameOf(organisation.profile);

  return (
    <article class="profile" aria-labelledby="page-title">
      <p class="profile__back">
        <a href={routeHref({ name: "home" })}>← {t.profile.backToDirectory}</a>
      </p>
      <header class="panel profile__head">
        <p class="profile__kind">{kindLabel(t)}</p>
        <h2 id="page-title">{name}</h2>
        <p class="muted">
          <time dateTime={organisation.meta.updatedAt}>{t.profile.updated(timeInBothZones(organisation.meta.updatedAt, Date.now()))}</time>
        </p>
        {saved && (
          <p class="note note--success" role="status">
            {t.edit.saved}
          </p>
        )}
        {canEdit && editing === null && (
          <div class="actions">
            <button type="button" class="button button--primary" onClick={startEditing}>
              {t.edit.edit}
            </button>
          </div>
        )}
      </header>

      {editing === null ? (
        <div class="panel profile__body">{view(organisation.profile, t)}</div>
      ) : (
        <section class="panel profile__edit" aria-labelledby="edit-title">
          <h3 id="edit-title">{t.edit.title}</h3>
          {editing.conflict !== null && (
            <Conflict
              fields={fields}
              edit={editing}
              conflict={editing.conflict}
              busy={busy}
              conflictRef={conflictRef}
              onRetry={(theirs) => {
                const rebased: Editing<P> = {
                  base: theirs,
                  values: rebase(fields, toForm(fields, editing.base.profile), editing.values, toForm(fields, theirs.profile)),
                  conflict: null,
                };
                setEditing(rebased);
                void save(rebased);
              }}
              onTakeTheirs={(theirs) => {
                setLoad({ status: "loaded", organisation: theirs });
                setEditing({ base: theirs, values: toForm(fields, theirs.profile), conflict: null });
              }}
            />
          )}
          <form
            class="form"
            noValidate
            aria-busy={busy}
            onSubmit={(e) => {
              e.preventDefault();
              void save(editing);
            }}
          >
            <FormAlert messages={errors.general} alertRef={alertRef} />
            <div class="form__grid">
              {fields.map((f) => (
                <FormField
                  key={f.key}
                  spec={f}
                  id={`${prefix}-${f.key}`}
                  t={t}
                  value={editing.values[f.key] ?? ""}
                  error={errors.fields[f.key]}
                  onChange={(value) => setEditing({ ...editing, values: { ...editing.values, [f.key]: value } })}
                />
              ))}
            </div>
            <div class="actions">
              <button type="submit" class="button button--primary" disabled={busy || editing.conflict !== null}>
                {busy ? t.edit.saving : t.edit.save}
              </button>
              <button type="button" class="button" disabled={busy} onClick={() => setEditing(null)}>
                {t.edit.cancel}
              </button>
            </div>
          </form>
        </section>
      )}
      {below}
    </article>
  );
}

/** One field of a profile form, drawn from its spec (the edit form here and the creation form share it). */
export function FormField<P>({
  spec,
  id,
  t,
  value,
  error,
  onChange,
}: {
  readonly spec: FieldSpec<P>;
  readonly id: string;
  readonly t: Messages;
  readonly value: string;
  readonly error: string | undefined;
  readonly onChange: (value: string) => void;
}) {
  const wide = spec.kind === "list" || spec.kind === "textarea";
  const set = (e: Event) => onChange((e.currentTarget as HTMLInputElement).value);
  return (
    <div class={wide ? "form__wide" : ""}>
      <Field id={id} label={spec.label(t)} hint={spec.kind === "list" ? t.edit.listHint : undefined} error={error} required={spec.required ?? false}>
        {(control) =>
          spec.kind === "select" ? (
            <select {...control} value={value} onChange={set}>
              {(spec.options?.(t) ?? []).map(([v, label]) => (
                <option key={v} value={v}>
                  {label}
                </option>
              ))}
            </select>
          ) : wide ? (
            <textarea {...control} rows={spec.kind === "list" ? 4 : 5} value={value} onInput={set} />
          ) : (
            <input
              {...control}
              type={(spec.kind === "number" ? "text" : spec.kind) as "text"}
              inputMode={spec.kind === "number" ? "numeric" : undefined}
              value={value}
              onInput={set}
            />
          )
        }
      </Field>
    </div>
  );
}

function Conflict<P>({
  fields,
  edit,
  conflict,
  busy,
  conflictRef,
  onRetry,
  onTakeTheirs,
}: {
  readonly fields: readonly FieldSpec<P>[];
  readonly edit: Editing<P>;
  readonly conflict: Organisation<P>;
  readonly busy: boolean;
  readonly conflictRef: Ref<HTMLDivElement>;
  readonly onRetry: (theirs: Organisation<P>) => void;
  readonly onTakeTheirs: (theirs: Organisation<P>) => void;
}) {
  const t = useT();
  const rows = conflictRows(fields, toForm(fields, edit.base.profile), edit.values, toForm(fields, conflict.profile));
  const label = (key: string) => fields.find((f) => f.key === key)?.label(t) ?? key;
  const shown = (text: string) => (text.trim() === "" ? <em class="muted">{t.edit.empty}</em> : text);
  return (
    <div class="conflict note note--warn" role="alert" tabIndex={-1} ref={conflictRef}>
      <p class="conflict__title">
        <strong>{t.edit.conflictTitle}</strong>
      </p>
      {rows.length === 0 ? (
        <p>{t.edit.conflictNoOverlap}</p>
      ) : (
        <>
          <p>{t.edit.conflictIntro}</p>
          <div class="conflict__table-wrap">
            <table class="conflict__table">
              <thead>
                <tr>
                  <th scope="col">{t.edit.conflictField}</th>
                  <th scope="col">{t.edit.conflictTheirs}</th>
                  <th scope="col">{t.edit.conflictYours}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.key}>
                    <th scope="row">{label(row.key)}</th>
                    <td class={row.theyChanged ? "conflict__changed" : ""} data-label={t.edit.conflictTheirs}>
                      {shown(row.theirs)}
                    </td>
                    <td class={row.youChanged ? "conflict__changed" : ""} data-label={t.edit.conflictYours}>
                      {shown(row.yours)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <div class="actions">
        <button type="button" class="button button--primary" disabled={busy} onClick={() => onRetry(conflict)}>
          {t.edit.conflictRetry}
        </button>
        <button type="button" class="button" disabled={busy} onClick={() => onTakeTheirs(conflict)}>
          {t.edit.conflictTakeTheirs}
        </button>
      </div>
    </div>
  );
}
