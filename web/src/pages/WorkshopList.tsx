// The workshops list, the coach's creation form, and joining by code (members and guests).

import { useEffect, useRef, useState } from "preact/hooks";
import { problemMessage, type ProblemDetails } from "../auth/problem";
import { session, useSession } from "../auth/session";
import { Field, FormAlert } from "../components/Field";
import { parseIsoDate, timeInBothZones } from "../format";
import { useT } from "../i18n";
import { useWorkshopT } from "../i18n/workshop";
import { PageLoading } from "../lazy";
import { showNotice } from "../notice";
import { navigate, routeHref, routePath } from "../router";
import { createWorkshop, fetchTemplates, fetchWorkshops, joinWorkshop } from "../workshop/api";
import { dakarInputToIso, normalizeCode, plannedMinutes } from "../workshop/logic";
import type { AgendaItem, WorkshopListing, WorkshopTemplate } from "../workshop/types";
import { WORKSHOP_LIMITS } from "../wire/contract";

/** Coaches and admins prepare workshops. */
export function canCreateWorkshops(roles: readonly string[]): boolean {
  return roles.includes("coach") || roles.includes("admin");
}

/** Every problem's messages, field ones included, for a form without per-field mapping. */
function allMessages(problem: ProblemDetails): string[] {
  const fields = Object.values(problem.errors).flat();
  return fields.length > 0 ? fields : [problemMessage(problem)];
}

export function WorkshopsPage() {
  const t = useT();
  const w = useWorkshopT();
  const state = useSession();
  const [items, setItems] = useState<WorkshopListing[] | null>(null);
  const [failed, setFailed] = useState<ProblemDetails | null>(null);
  const now = Date.now();

  useEffect(() => {
    let live = true;
    void fetchWorkshops().then((result) => {
      if (!live) return;
      if (result.ok) setItems(result.value);
      else setFailed(result.problem);
    });
    return () => {
      live = false;
    };
  }, []);

  const coach = state.status === "signedIn" && canCreateWorkshops(state.user.roles);
  return (
    <section class="panel workshops" aria-labelledby="page-title">
      <div class="section__head">
        <h2 id="page-title">{w.list.title}</h2>
        <div class="actions">
          <a class="button" href={routeHref({ name: "workshopJoin", code: null })}>
            {w.list.joinByCode}
          </a>
          {coach && (
            <a class="button button--primary" href={routeHref({ name: "workshopNew" })}>
              {w.list.create}
            </a>
          )}
        </div>
      </div>
      <p class="muted">{w.list.intro}</p>
      {failed !== null ? (
        <p class="note note--error" role="alert">
          {w.list.loadError} {problemMessage(failed)}
        </p>
      ) : items === null ? (
        <PageLoading />
      ) : items.length === 0 ? (
        <p class="muted">{w.list.empty}</p>
      ) : (
        <ul class="workshop-list">
          {items.map((item) => (
            <li key={item.id} class="card">
              <div class="card__head">
                <h3 class="card__title">
                  <a class="card__link" href={routeHref({ name: "workshop", id: item.id })} aria-label={w.list.open(item.title)}>
                    {item.title}
                  </a>
                </h3>
                <span class={`phase phase--${item.phase}`}>{w.phases[item.phase]}</span>
              </div>
              <p class="card__meta">
                {timeInBothZones(item.startsAt, now)} · {w.list.minutes(item.durationMinutes)}
              </p>
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href={routeHref({ name: "home" })}>{t.nav.backHome}</a>
      </p>
    </section>
  );
}

interface Draft {
  readonly title: string;
  readonly description: string;
  readonly projectSlug: string;
  readonly startsAt: string;
  readonly durationMinutes: string;
  readonly agenda: readonly { readonly title: string; readonly minutes: string }[];
  readonly anonymous: boolean;
  readonly templateId: string;
}

/** Tomorrow at 10:00 in Dakar, as a date-time field value. */
function defaultStart(now: number): string {
  const tomorrow = new Date(now + 24 * 3600 * 1000).toISOString().slice(0, 10);
  return `${tomorrow}T10:00`;
}

export function WorkshopNewPage() {
  const w = useWorkshopT();
  const [draft, setDraft] = useState<Draft>(() => ({
    title: "",
    description: "",
    projectSlug: "",
    startsAt: defaultStart(Date.now()),
    durationMinutes: "90",
    agenda: [{ title: "", minutes: "15" }],
    anonymous: false,
    templateId: "",
  }));
  const [templates, setTemplates] = useState<readonly WorkshopTemplate[]>([]);
  const [templatesFailed, setTemplatesFailed] = useState(false);
  useEffect(() => {
    let live = true;
    void fetchTemplates().then((result) => {
      if (!live) return;
      if (result.ok) setTemplates(result.value);
      else setTemplatesFailed(true);
    });
    return () => {
      live = false;
    };
  }, []);
  // A template fills the form (agenda, duration, anonymity); the coach then dates and names the session.
  const pickTemplate = (templateId: string) => {
    const template = templates.find((t) => t.id === templateId);
    setDraft((d) =>
      template === undefined
        ? { ...d, templateId }
        : {
            ...d,
            templateId,
            title: d.title === "" ? template.outline.title : d.title,
            description: d.description === "" ? template.outline.description : d.description,
            durationMinutes: String(template.outline.durationMinutes),
            anonymous: template.outline.anonymous,
            agenda: template.outline.agenda.length === 0 ? d.agenda : template.outline.agenda.map((item) => ({ title: item.title, minutes: String(item.plannedMinutes) })),
          },
    );
  };
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);
  const set = (field: "title" | "description" | "projectSlug" | "startsAt" | "durationMinutes") => (event: Event) =>
    setDraft((d) => ({ ...d, [field]: (event.currentTarget as HTMLInputElement).value }));
  const setItem = (index: number, field: "title" | "minutes", value: string) =>
    setDraft((d) => ({ ...d, agenda: d.agenda.map((item, i) => (i === index ? { ...item, [field]: value } : item)) }));

  const startsAt = dakarInputToIso(draft.startsAt);
  const agenda: AgendaItem[] = draft.agenda
    .filter((item) => item.title.trim() !== "")
    .map((item) => ({ title: item.title.trim(), plannedMinutes: Number.parseInt(item.minutes, 10) || 0 }));
  const duration = Number.parseInt(draft.durationMinutes, 10) || 0;

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setErrors([]);
    const result = await createWorkshop({
      title: draft.title.trim(),
      description: draft.description.trim(),
      projectSlug: draft.projectSlug.trim() === "" ? null : draft.projectSlug.trim(),
      startsAt: startsAt ?? draft.startsAt,
      durationMinutes: duration,
      agenda,
      coaches: [],
      anonymous: draft.anonymous,
    }, draft.templateId === "" ? null : draft.templateId);
    setBusy(false);
    if (!result.ok) {
      setErrors(allMessages(result.problem));
      alertRef.current?.focus();
      return;
    }
    const route = { name: "workshop", id: result.value.meta.slug } as const;
    showNotice(w.create.created, route);
    navigate(route);
  };

  return (
    <section class="panel" aria-labelledby="page-title">
      <h2 id="page-title">{w.create.title}</h2>
      <form class="form" noValidate onSubmit={(e) => void submit(e)} aria-busy={busy}>
        <FormAlert messages={errors} alertRef={alertRef} />
        {templates.length > 0 && (
          <Field id="workshop-template" label={w.create.template}>
            {(control) => (
              <select {...control} value={draft.templateId} onChange={(e) => pickTemplate(e.currentTarget.value)}>
                <option value="">{w.create.noTemplate}</option>
                {templates.map((template) => (
                  <option key={template.id} value={template.id}>
                    {template.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        {templatesFailed && <p class="muted">{w.create.templatesFailed}</p>}
        <Field id="workshop-title" label={w.create.name} required>
          {(control) => <input {...control} type="text" maxLength={WORKSHOP_LIMITS.titleLength} value={draft.title} onInput={set("title")} />}
        </Field>
        <Field id="workshop-description" label={w.create.description}>
          {(control) => <textarea {...control} rows={3} maxLength={WORKSHOP_LIMITS.descriptionLength} value={draft.description} onInput={set("description")} />}
        </Field>
        <Field id="workshop-project" label={w.create.project} hint={w.create.projectHint}>
          {(control) => <input {...control} type="text" spellcheck={false} autoCapitalize="none" value={draft.projectSlug} onInput={set("projectSlug")} />}
        </Field>
        <div class="form__grid">
          <Field id="workshop-startsAt" label={w.create.startsAt} hint={w.create.startsAtHint} required>
            {(control) => <input {...control} type="datetime-local" value={draft.startsAt} onInput={set("startsAt")} />}
          </Field>
          <Field id="workshop-duration" label={w.create.duration} required>
            {(control) => <input {...control} type="number" min={5} max={600} inputMode="numeric" value={draft.durationMinutes} onInput={set("durationMinutes")} />}
          </Field>
        </div>
        {startsAt !== null && (
          <p class="note note--info" aria-live="polite">
            {w.create.startsAtPreview(timeInBothZones(startsAt, parseIsoDate(startsAt)))}
          </p>
        )}
        <label class="check">
          <input type="checkbox" checked={draft.anonymous} onChange={(e) => setDraft((d) => ({ ...d, anonymous: e.currentTarget.checked }))} aria-describedby="workshop-anonymous-hint" />
          {w.create.anonymous}
        </label>
        <p class="muted" id="workshop-anonymous-hint">
          {w.create.anonymousHint}
        </p>
        <fieldset class="agenda-editor">
          <legend>{w.create.agenda}</legend>
          <ol>
            {draft.agenda.map((item, index) => (
              <li key={index} class="agenda-editor__item">
                <label class="visually-hidden" for={`agenda-title-${index}`}>
                  {w.create.agendaTitle(index + 1)}
                </label>
                <input
                  id={`agenda-title-${index}`}
                  type="text"
                  maxLength={WORKSHOP_LIMITS.titleLength}
                  placeholder={w.create.agendaItem(index + 1)}
                  value={item.title}
                  onInput={(e) => setItem(index, "title", e.currentTarget.value)}
                />
                <label class="visually-hidden" for={`agenda-minutes-${index}`}>
                  {w.create.agendaMinutes(index + 1)}
                </label>
                <input
                  id={`agenda-minutes-${index}`}
                  class="agenda-editor__minutes"
                  type="number"
                  min={1}
                  max={600}
                  inputMode="numeric"
                  value={item.minutes}
                  onInput={(e) => setItem(index, "minutes", e.currentTarget.value)}
                />
                <button
                  type="button"
                  class="button button--quiet"
                  aria-label={w.create.removeItem(index + 1)}
                  disabled={draft.agenda.length === 1}
                  onClick={() => setDraft((d) => ({ ...d, agenda: d.agenda.filter((_, i) => i !== index) }))}
                >
                  <span aria-hidden="true">×</span>
                </button>
              </li>
            ))}
          </ol>
          <button type="button" class="button" onClick={() => setDraft((d) => ({ ...d, agenda: [...d.agenda, { title: "", minutes: "15" }] }))}>
            {w.create.addItem}
          </button>
          <p class="muted">{w.create.plannedTotal(plannedMinutes(agenda), duration)}</p>
        </fieldset>
        <div class="actions">
          <button type="submit" class="button button--primary" disabled={busy}>
            {busy ? w.create.submitting : w.create.submit}
          </button>
          <a class="button button--quiet" href={routeHref({ name: "workshops" })}>
            {w.create.cancel}
          </a>
        </div>
      </form>
    </section>
  );
}

export function WorkshopJoinPage({ code }: { readonly code: string | null }) {
  const w = useWorkshopT();
  const state = useSession();
  const [values, setValues] = useState({ code: code ?? "", displayName: "" });
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);
  const member = state.status === "signedIn" ? state.user : null;

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setErrors([]);
    const result = await joinWorkshop(normalizeCode(values.code), member === null ? values.displayName.trim() : null);
    setBusy(false);
    if (!result.ok) {
      const problem = result.problem;
      setErrors(problem.status === 404 ? [w.join.unknownCode] : problem.status === 422 ? [w.join.ended] : allMessages(problem));
      alertRef.current?.focus();
      return;
    }
    if (result.value.guestId !== null) {
      session.joinedAsGuest({ workshopId: result.value.workshopId, displayName: result.value.displayName ?? values.displayName.trim() });
    }
    navigate({ name: "workshop", id: result.value.workshopId });
  };

  const here = routePath({ name: "workshopJoin", code: values.code.trim() === "" ? null : normalizeCode(values.code) });
  return (
    <section class="panel auth" aria-labelledby="page-title">
      <h2 id="page-title">{w.join.title}</h2>
      <p class="auth__intro">{member === null ? w.join.intro : w.join.asMember(member.displayName)}</p>
      <form class="form" noValidate onSubmit={(e) => void submit(e)} aria-busy={busy}>
        <FormAlert messages={errors} alertRef={alertRef} />
        <Field id="join-code" label={w.join.code} hint={w.join.codeHint} required>
          {(control) => (
            <input
              {...control}
              class="code-input"
              type="text"
              autocomplete="off"
              autoCapitalize="characters"
              spellcheck={false}
              // Room for the spaces or dashes people type between the characters.
              maxLength={WORKSHOP_LIMITS.joinCodeLength * 2}
              value={values.code}
              onInput={(e) => setValues((v) => ({ ...v, code: e.currentTarget.value }))}
            />
          )}
        </Field>
        {member === null && (
          <Field id="join-displayName" label={w.join.displayName} hint={w.join.displayNameHint} required>
            {(control) => (
              <input
                {...control}
                type="text"
                autocomplete="name"
                maxLength={WORKSHOP_LIMITS.displayNameLength}
                value={values.displayName}
                onInput={(e) => setValues((v) => ({ ...v, displayName: e.currentTarget.value }))}
              />
            )}
          </Field>
        )}
        <button type="submit" class="button button--primary" disabled={busy}>
          {busy ? w.join.submitting : w.join.submit}
        </button>
      </form>
      {member === null && (
        <p class="auth__switch">
          {w.join.haveAccount} <a href={routeHref({ name: "signIn", returnTo: here, email: null })}>{w.join.signIn}</a>
        </p>
      )}
    </section>
  );
}
