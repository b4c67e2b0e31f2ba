// Bringing something new to the programme: a cooperative (#/cooperatives/nouvelle), a diaspora group (#/diaspora/nouveau)
// or a joint project with its partners picked from the directory (#/projets/nouveau). The creator becomes its first
// member (owner of a project); the server's problem details are shown next to the fields; done, the new page opens.

import { useEffect, useRef, useState } from "preact/hooks";
import { fetchDirectory } from "../api";
import { json, ok, send, type Result } from "../auth/authApi";
import { formErrors, noFormErrors, type FormErrors } from "../auth/formErrors";
import { problemMessage } from "../auth/problem";
import { reportUnauthorized } from "../auth/session";
import { Field, FormAlert, focusFirstError } from "../components/Field";
import { DATE_PLACEHOLDER, parseDateInput } from "../dates";
import { useT } from "../i18n";
import { useLanguage, useMessages } from "../i18n/language";
import { manageMessages } from "../i18n/manage";
import { COOPERATIVE_FIELDS, DIASPORA_GROUP_FIELDS, formProblems, fromForm, toForm, type FieldSpec, type ProfileForm } from "../profile/profileForm";
import type { OrganisationPath } from "../profile/profileApi";
import { navigate, type Route } from "../router";
import type { CooperativeProfile, DiasporaGroupProfile, DirectoryEntry, PartnerRef, ProjectCharter } from "../wire/contract";
import { FormField } from "./OrganisationProfile";

const noContact = { person: null, email: null, phone: null } as const;

const BLANK_COOPERATIVE: CooperativeProfile = {
  name: "",
  region: "kaolack",
  commune: "",
  legalForm: "cooperative",
  valueChains: [],
  products: [],
  memberCount: 0,
  womenSharePercent: 0,
  youthSharePercent: 0,
  contact: noContact,
  languages: [],
  capacityNeeds: [],
  fairParticipations: [],
  description: "",
};

const BLANK_DIASPORA_GROUP: DiasporaGroupProfile = {
  name: "",
  originRegion: "kaolack",
  country: "",
  city: "",
  memberCount: 0,
  skills: [],
  interestAreas: [],
  pledges: [],
  contact: noContact,
  description: "",
};

/** POST and read the created thing's slug (meta.slug of the server's JSON). */
async function create(url: string, body: unknown): Promise<Result<string>> {
  const result = await send("POST", url, body);
  if (!result.ok) {
    if (result.problem.status === 401) reportUnauthorized();
    return result;
  }
  const created = (await json(result.value)) as { readonly meta?: { readonly slug?: unknown } } | null;
  const slug = created?.meta?.slug;
  return ok(typeof slug === "string" ? slug : "");
}

export const NewCooperativePage = () => (
  <NewOrganisationPage path="cooperatives" fields={COOPERATIVE_FIELDS} blank={BLANK_COOPERATIVE} route={(slug) => ({ name: "cooperative", slug })} kind="cooperative" />
);

export const NewDiasporaGroupPage = () => (
  <NewOrganisationPage path="diaspora-groups" fields={DIASPORA_GROUP_FIELDS} blank={BLANK_DIASPORA_GROUP} route={(slug) => ({ name: "diasporaGroup", slug })} kind="diasporaGroup" />
);

interface NewOrganisationProps<P> {
  readonly path: OrganisationPath;
  readonly fields: readonly FieldSpec<P>[];
  readonly blank: P;
  readonly route: (slug: string) => Route;
  readonly kind: "cooperative" | "diasporaGroup";
}

function NewOrganisationPage<P>({ path, fields, blank, route, kind }: NewOrganisationProps<P>) {
  const t = useT();
  const m = useMessages(manageMessages).create;
  const [values, setValues] = useState<ProfileForm>(() => toForm(fields, blank));
  const [errors, setErrors] = useState<FormErrors<string>>(noFormErrors);
  const [busy, setBusy] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);
  const keys = fields.map((f) => f.key);
  const prefix = `new-${path}`;

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const local = formProblems(fields, values, t);
    if (Object.keys(local).length > 0) {
      setErrors({ fields: local, general: [] });
      focusFirstError(prefix, keys, local);
      return;
    }
    setBusy(true);
    setErrors(noFormErrors);
    const result = await create(`/api/${path}`, fromForm(fields, values, blank));
    setBusy(false);
    if (result.ok) {
      navigate(route(result.value));
      return;
    }
    const shown = formErrors(result.problem, keys);
    setErrors(shown.general.length === 0 && Object.keys(shown.fields).length === 0 ? { fields: {}, general: [problemMessage(result.problem)] } : shown);
    if (!focusFirstError(prefix, keys, shown.fields)) alertRef.current?.focus();
  };

  return (
    <section class="panel" aria-labelledby="page-title">
      <h2 id="page-title">{m[kind].title}</h2>
      <p class="muted">{m[kind].intro}</p>
      <form class="form" noValidate onSubmit={(e) => void submit(e)} aria-busy={busy}>
        <FormAlert messages={errors.general} alertRef={alertRef} />
        <div class="form__grid">
          {fields.map((f) => (
            <FormField
              key={f.key}
              spec={f}
              id={`${prefix}-${f.key}`}
              t={t}
              value={values[f.key] ?? ""}
              error={errors.fields[f.key]}
              onChange={(value) => setValues((v) => ({ ...v, [f.key]: value }))}
            />
          ))}
        </div>
        <button type="submit" class="button button--primary" disabled={busy}>
          {busy ? m.creating : m[kind].submit}
        </button>
      </form>
    </section>
  );
}

const PROJECT_FIELDS = ["title", "summary", "valueChains", "startDate", "endDate", "partners"] as const;
type ProjectField = (typeof PROJECT_FIELDS)[number];

/** Lines or commas of a list field, trimmed, without blanks. */
const listOf = (text: string): string[] =>
  text
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter((s) => s !== "");

export function NewProjectPage() {
  const t = useT();
  const m = useMessages(manageMessages).create;
  const language = useLanguage();
  const [values, setValues] = useState<Record<Exclude<ProjectField, "partners">, string>>({ title: "", summary: "", valueChains: "", startDate: "", endDate: "" });
  const [partners, setPartners] = useState<readonly DirectoryEntry[]>([]);
  const [errors, setErrors] = useState<FormErrors<ProjectField>>(noFormErrors);
  const [busy, setBusy] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);
  const set = (field: Exclude<ProjectField, "partners">) => (event: Event) => setValues((v) => ({ ...v, [field]: (event.currentTarget as HTMLInputElement).value }));

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const local: Partial<Record<ProjectField, string>> = {};
    if (values.title.trim() === "") local.title = t.form.fieldRequired;
    const start = parseDateInput(values.startDate);
    const end = parseDateInput(values.endDate);
    if (!start.ok) local.startDate = m.dateInvalid(DATE_PLACEHOLDER[language]);
    if (!end.ok) local.endDate = m.dateInvalid(DATE_PLACEHOLDER[language]);
    if (Object.keys(local).length > 0 || !start.ok || !end.ok) {
      setErrors({ fields: local, general: [] });
      focusFirstError("new-project", PROJECT_FIELDS, local);
      return;
    }
    const charter: ProjectCharter = {
      title: values.title.trim(),
      summary: values.summary.trim(),
      sdgTags: [],
      startDate: start.iso,
      endDate: end.iso,
      budget: null,
      valueChains: listOf(values.valueChains),
    };
    setBusy(true);
    setErrors(noFormErrors);
    const created = await create("/api/projects", charter);
    if (!created.ok) {
      setBusy(false);
      const shown = formErrors(created.problem, PROJECT_FIELDS);
      setErrors(shown.general.length === 0 && Object.keys(shown.fields).length === 0 ? { fields: {}, general: [problemMessage(created.problem)] } : shown);
      if (!focusFirstError("new-project", PROJECT_FIELDS, shown.fields)) alertRef.current?.focus();
      return;
    }
    // The project exists: its partners join one by one; a refusal is said on the workspace, where partners are managed.
    const slug = created.value;
    const refused: string[] = [];
    for (const partner of partners) {
      const ref: PartnerRef = { kind: partner.kind, slug: partner.slug };
      const added = await send("POST", `/api/projects/${encodeURIComponent(slug)}/partners`, ref);
      if (!added.ok) refused.push(`${partner.name} : ${problemMessage(added.problem)}`);
    }
    setBusy(false);
    if (refused.length > 0) {
      setErrors({ fields: {}, general: [m.partnersRefused, ...refused] });
      alertRef.current?.focus();
      return;
    }
    navigate({ name: "project", slug });
  };

  return (
    <section class="panel" aria-labelledby="page-title">
      <h2 id="page-title">{m.project.title}</h2>
      <p class="muted">{m.project.intro}</p>
      <form class="form" noValidate onSubmit={(e) => void submit(e)} aria-busy={busy}>
        <FormAlert messages={errors.general} alertRef={alertRef} />
        <Field id="new-project-title" label={m.project.name} error={errors.fields.title} required>
          {(control) => <input {...control} type="text" value={values.title} onInput={set("title")} />}
        </Field>
        <Field id="new-project-summary" label={m.project.summary} error={errors.fields.summary}>
          {(control) => <textarea {...control} rows={4} value={values.summary} onInput={set("summary")} />}
        </Field>
        <Field id="new-project-valueChains" label={t.profile.valueChains} hint={t.edit.listHint} error={errors.fields.valueChains}>
          {(control) => <textarea {...control} rows={2} value={values.valueChains} onInput={set("valueChains")} />}
        </Field>
        <div class="form__row">
          <Field id="new-project-startDate" label={m.project.startDate} hint={DATE_PLACEHOLDER[language]} error={errors.fields.startDate}>
            {(control) => <input {...control} type="text" inputMode="numeric" placeholder={DATE_PLACEHOLDER[language]} value={values.startDate} onInput={set("startDate")} />}
          </Field>
          <Field id="new-project-endDate" label={m.project.endDate} hint={DATE_PLACEHOLDER[language]} error={errors.fields.endDate}>
            {(control) => <input {...control} type="text" inputMode="numeric" placeholder={DATE_PLACEHOLDER[language]} value={values.endDate} onInput={set("endDate")} />}
          </Field>
        </div>
        <PartnerPicker chosen={partners} onChange={setPartners} error={errors.fields.partners} />
        <button type="submit" class="button button--primary" disabled={busy}>
          {busy ? m.creating : m.project.submit}
        </button>
      </form>
    </section>
  );
}

/** Typing pauses this long before the directory is searched. */
const SEARCH_PAUSE_MS = 250;

/** Partners picked from the directory as one types (cooperatives and diaspora groups), shown as a removable list. */
function PartnerPicker({ chosen, onChange, error }: { readonly chosen: readonly DirectoryEntry[]; readonly onChange: (partners: readonly DirectoryEntry[]) => void; readonly error: string | undefined }) {
  const t = useT();
  const m = useMessages(manageMessages).create;
  const [query, setQuery] = useState("");
  const [found, setFound] = useState<readonly DirectoryEntry[]>([]);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const q = query.trim();
    if (q === "") {
      setFound([]);
      return;
    }
    const abort = new AbortController();
    const timer = setTimeout(() => {
      Promise.all([fetchDirectory("cooperatives", { q, pageSize: 8 }, abort.signal), fetchDirectory("diaspora-groups", { q, pageSize: 8 }, abort.signal)])
        .then(([cooperatives, groups]) => {
          setFound([...cooperatives.items, ...groups.items]);
          setFailed(false);
        })
        .catch(() => !abort.signal.aborted && setFailed(true));
    }, SEARCH_PAUSE_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [query]);

  const isChosen = (entry: DirectoryEntry) => chosen.some((c) => c.kind === entry.kind && c.slug === entry.slug);
  const shown = found.filter((entry) => !isChosen(entry));
  const region = (entry: DirectoryEntry) => entry.regions.map((r) => t.regions[r]).join(", ");

  return (
    <fieldset class="partner-picker">
      <legend>{m.project.partners}</legend>
      <p class="field__hint">{m.project.partnersHint}</p>
      {error !== undefined && <p class="field__error">{error}</p>}
      {chosen.length > 0 && (
        <ul class="partner-picker__chosen" aria-label={m.project.chosen}>
          {chosen.map((entry) => (
            <li key={`${entry.kind}/${entry.slug}`}>
              <span>
                {entry.name} <span class="muted">({region(entry)})</span>
              </span>{" "}
              <button type="button" class="button button--quiet" aria-label={m.project.remove(entry.name)} onClick={() => onChange(chosen.filter((c) => c !== entry))}>
                {m.project.removeShort}
              </button>
            </li>
          ))}
        </ul>
      )}
      <Field id="new-project-partners" label={m.project.search}>
        {(control) => <input {...control} type="search" autocomplete="off" value={query} onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)} />}
      </Field>
      <p class="muted" role="status">
        {failed ? m.project.searchFailed : query.trim() !== "" && shown.length === 0 ? m.project.noMatch : ""}
      </p>
      {shown.length > 0 && (
        <ul class="partner-picker__found" aria-label={m.project.found}>
          {shown.map((entry) => (
            <li key={`${entry.kind}/${entry.slug}`}>
              <button type="button" class="button" onClick={() => onChange([...chosen, entry])}>
                {m.project.add(entry.name, region(entry))}
              </button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
