// A project's settings tab, for its owners: the status (the server's rule said in words when it refuses), the charter
// (title, summary, SDG tags, dates typed day first, budget) saved with the version read, and the partners picked from
// the directory. Every change reaches the other open workspaces through the live connection.

import { useRef, useState } from "preact/hooks";
import { formErrors, noFormErrors, type FormErrors } from "../auth/formErrors";
import { problemMessage } from "../auth/problem";
import { Field, FormAlert, focusFirstError } from "../components/Field";
import { PartnerPicker } from "../components/PartnerPicker";
import { DATE_PLACEHOLDER, formatDateInput, parseDateInput } from "../dates";
import { useT } from "../i18n";
import { useLanguage, useMessages } from "../i18n/language";
import { manageMessages } from "../i18n/manage";
import { CURRENCY_VALUES, PROJECT_STATUS_VALUES, type Currency, type JointProject, type ProjectCharter, type ProjectStatus } from "../wire/contract";
import { addPartner, changeStatus, removePartner, updateCharter } from "./manageApi";

export function Settings({ project }: { readonly project: JointProject }) {
  return (
    <div class="stack">
      <StatusForm project={project} />
      <CharterForm key={project.meta.version} project={project} />
      <Partners project={project} />
    </div>
  );
}

function StatusForm({ project }: { readonly project: JointProject }) {
  const common = useT();
  const m = useMessages(manageMessages).settings;
  const [status, setStatus] = useState<ProjectStatus>(project.status);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy || status === project.status) return;
    setBusy(true);
    const result = await changeStatus(project.meta.slug, status);
    setBusy(false);
    if (result.ok) {
      setError(null);
      return;
    }
    setError(problemMessage(result.problem));
    alertRef.current?.focus();
  };

  return (
    <section class="panel" aria-labelledby="status-title">
      <h3 id="status-title">{m.statusTitle}</h3>
      <p class="muted">{m.statusNow(common.status[project.status])}</p>
      <form class="form" noValidate onSubmit={(e) => void submit(e)} aria-busy={busy}>
        <FormAlert messages={error === null ? [] : [error]} alertRef={alertRef} />
        <Field id="settings-status" label={m.status}>
          {(control) => (
            <select {...control} value={status} onChange={(e) => setStatus((e.currentTarget as HTMLSelectElement).value as ProjectStatus)}>
              {PROJECT_STATUS_VALUES.map((s) => (
                <option key={s} value={s}>
                  {common.status[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" class="button button--primary" disabled={busy || status === project.status}>
          {m.changeStatus}
        </button>
      </form>
    </section>
  );
}

const CHARTER_FIELDS = ["title", "summary", "sdgTags", "startDate", "endDate", "budget", "valueChains"] as const;
type CharterField = (typeof CHARTER_FIELDS)[number];
type CharterForm = Record<Exclude<CharterField, "budget">, string> & { readonly budget: string; readonly currency: Currency };

const numbers = (text: string): number[] | null => {
  const parts = text.split(/[\s,;]+/).filter((s) => s !== "");
  return parts.every((p) => /^\d{1,2}$/.test(p)) ? parts.map(Number) : null;
};

function CharterForm({ project }: { readonly project: JointProject }) {
  const t = useT();
  const m = useMessages(manageMessages).settings;
  const dates = useMessages(manageMessages).create;
  const language = useLanguage();
  const charter = project.charter;
  const [values, setValues] = useState<CharterForm>({
    title: charter.title,
    summary: charter.summary,
    sdgTags: charter.sdgTags.join(", "),
    startDate: formatDateInput(charter.startDate ?? ""),
    endDate: formatDateInput(charter.endDate ?? ""),
    budget: charter.budget === null ? "" : String(charter.budget.amount),
    currency: charter.budget?.currency ?? "XOF",
    valueChains: charter.valueChains.join("\n"),
  });
  const [errors, setErrors] = useState<FormErrors<CharterField>>(noFormErrors);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);
  const set = (field: keyof CharterForm) => (event: Event) => {
    setSaved(false);
    setValues((v) => ({ ...v, [field]: (event.currentTarget as HTMLInputElement).value }));
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const local: Partial<Record<CharterField, string>> = {};
    const start = parseDateInput(values.startDate);
    const end = parseDateInput(values.endDate);
    const sdgs = numbers(values.sdgTags);
    const budget = values.budget.trim();
    if (values.title.trim() === "") local.title = t.form.fieldRequired;
    if (sdgs === null) local.sdgTags = m.sdgInvalid;
    if (!start.ok) local.startDate = dates.dateInvalid(DATE_PLACEHOLDER[language]);
    if (!end.ok) local.endDate = dates.dateInvalid(DATE_PLACEHOLDER[language]);
    if (budget !== "" && !/^\d+$/.test(budget)) local.budget = t.form.wholeNumber;
    if (Object.keys(local).length > 0 || sdgs === null || !start.ok || !end.ok) {
      setErrors({ fields: local, general: [] });
      focusFirstError("settings", CHARTER_FIELDS, local);
      return;
    }
    const next: ProjectCharter = {
      title: values.title.trim(),
      summary: values.summary.trim(),
      sdgTags: sdgs,
      startDate: start.iso,
      endDate: end.iso,
      budget: budget === "" ? null : { amount: Number(budget), currency: values.currency },
      valueChains: values.valueChains.split(/[\n,]/).map((s) => s.trim()).filter((s) => s !== ""),
    };
    setBusy(true);
    setErrors(noFormErrors);
    const result = await updateCharter(project.meta.slug, next, project.meta.version);
    setBusy(false);
    if (result.ok) {
      setSaved(true);
      return;
    }
    const shown = formErrors(result.problem, CHARTER_FIELDS);
    setErrors(shown.general.length === 0 && Object.keys(shown.fields).length === 0 ? { fields: {}, general: [result.problem.status === 412 ? m.conflict : problemMessage(result.problem)] } : shown);
    if (!focusFirstError("settings", CHARTER_FIELDS, shown.fields)) alertRef.current?.focus();
  };

  return (
    <section class="panel" aria-labelledby="charter-title">
      <h3 id="charter-title">{m.charterTitle}</h3>
      <form class="form" noValidate onSubmit={(e) => void submit(e)} aria-busy={busy}>
        <FormAlert messages={errors.general} alertRef={alertRef} />
        <Field id="settings-title" label={dates.project.name} error={errors.fields.title} required>
          {(control) => <input {...control} type="text" value={values.title} onInput={set("title")} />}
        </Field>
        <Field id="settings-summary" label={dates.project.summary} error={errors.fields.summary}>
          {(control) => <textarea {...control} rows={4} value={values.summary} onInput={set("summary")} />}
        </Field>
        <Field id="settings-valueChains" label={t.profile.valueChains} hint={t.edit.listHint} error={errors.fields.valueChains}>
          {(control) => <textarea {...control} rows={2} value={values.valueChains} onInput={set("valueChains")} />}
        </Field>
        <Field id="settings-sdgTags" label={m.sdgTags} hint={m.sdgHint} error={errors.fields.sdgTags}>
          {(control) => <input {...control} type="text" inputMode="numeric" value={values.sdgTags} onInput={set("sdgTags")} />}
        </Field>
        <div class="form__row">
          <Field id="settings-startDate" label={dates.project.startDate} hint={DATE_PLACEHOLDER[language]} error={errors.fields.startDate}>
            {(control) => <input {...control} type="text" inputMode="numeric" placeholder={DATE_PLACEHOLDER[language]} value={values.startDate} onInput={set("startDate")} />}
          </Field>
          <Field id="settings-endDate" label={dates.project.endDate} hint={DATE_PLACEHOLDER[language]} error={errors.fields.endDate}>
            {(control) => <input {...control} type="text" inputMode="numeric" placeholder={DATE_PLACEHOLDER[language]} value={values.endDate} onInput={set("endDate")} />}
          </Field>
        </div>
        <div class="form__row">
          <Field id="settings-budget" label={m.budget} error={errors.fields.budget}>
            {(control) => <input {...control} type="text" inputMode="numeric" value={values.budget} onInput={set("budget")} />}
          </Field>
          <Field id="settings-currency" label={m.currency}>
            {(control) => (
              <select {...control} value={values.currency} onChange={set("currency")}>
                {CURRENCY_VALUES.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        {saved && (
          <p class="note note--success" role="status">
            {m.saved}
          </p>
        )}
        <button type="submit" class="button button--primary" disabled={busy}>
          {m.save}
        </button>
      </form>
    </section>
  );
}

function Partners({ project }: { readonly project: JointProject }) {
  const m = useMessages(manageMessages).settings;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const slug = project.meta.slug;
  const run = async (call: () => Promise<{ readonly ok: boolean; readonly problem?: Parameters<typeof problemMessage>[0] }>) => {
    setBusy(true);
    const result = await call();
    setBusy(false);
    setError(!result.ok && result.problem !== undefined ? problemMessage(result.problem) : null);
  };
  return (
    <section class="panel" aria-labelledby="partners-title">
      <h3 id="partners-title">{m.partnersTitle}</h3>
      <FormAlert messages={error === null ? [] : [error]} />
      <PartnerPicker
        id="settings-partners"
        disabled={busy}
        chosen={project.partners.map((p) => ({ kind: p.kind, slug: p.slug, name: p.name, regions: [p.region] }))}
        onAdd={(entry) => void run(() => addPartner(slug, { kind: entry.kind, slug: entry.slug }))}
        onRemove={(partner) => void run(() => removePartner(slug, { kind: partner.kind, slug: partner.slug }))}
      />
    </section>
  );
}
