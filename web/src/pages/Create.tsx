// Bringing something new to the programme: a cooperative (#/cooperatives/nouvelle), a diaspora group (#/diaspora/nouveau)
// or a joint project with its partners picked from the directory (#/projets/nouveau). The creator becomes its first
// member (owner of a project); the server's problem details are shown next to the fields; done, the new page opens.

import { useRef, useState } from "preact/hooks";
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
import type { CooperativeProfile, DiasporaGroupProfile, DirectoryEntry, ProjectCharter } from "../wire/contract";
import { FormField } from "./OrganisationProfile";
import { PartnerPicker } from "../components/PartnerPicker";
import { addPartner } from "../project/manageApi";

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
  // Counts start empty, to be typed: a blank profile's zeros are not answers (and the server wants at least one member).
  const [values, setValues] = useState<ProfileForm>(() => ({
    ...toForm(fields, blank),
    ...Object.fromEntries(fields.filter((f) => f.kind === "number").map((f) => [f.key, ""])),
  }));
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
      const added = await addPartner(slug, { kind: partner.kind, slug: partner.slug });
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
        <PartnerPicker
          id="new-project-partners"
          chosen={partners}
          onAdd={(entry) => setPartners((list) => [...list, entry])}
          onRemove={(partner) => setPartners((list) => list.filter((p) => p !== partner))}
          error={errors.fields.partners}
        />
        <button type="submit" class="button button--primary" disabled={busy}>
          {busy ? m.creating : m.project.submit}
        </button>
      </form>
    </section>
  );
}
