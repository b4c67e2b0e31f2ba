// Named versions of the plan: save the plan under a name, list them (author, time in Dakar and
// Oujda), look at one read-only, restore one (a new edit everyone receives live).

import { useEffect, useState } from "preact/hooks";
import { useLanguage, useMessages } from "../i18n/language";
import { projectMessages, type ProjectMessages } from "../i18n/project";
import { PLAN_LIMITS, type PlanDocument } from "../plan/types";
import { entityTitle } from "./entityTitle";
import { DAKAR, OUJDA, zonedTime } from "./time";
import { listVersions, restoreVersion, saveVersion, viewVersion, type PlanVersionInfo } from "./versionsApi";

type Status = { readonly kind: "success" | "error"; readonly text: string } | null;

export function VersionsPanel({ slug, canEdit }: { slug: string; canEdit: boolean }) {
  const t = useMessages(projectMessages);
  const language = useLanguage();
  const [versions, setVersions] = useState<readonly PlanVersionInfo[] | null>(null);
  const [name, setName] = useState("");
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>(null);
  const [preview, setPreview] = useState<{ info: PlanVersionInfo; document: PlanDocument } | null>(null);
  const [confirming, setConfirming] = useState<PlanVersionInfo | null>(null);

  const refresh = async () => {
    const result = await listVersions(slug);
    if (result.ok) setVersions(result.value);
    else setStatus({ kind: "error", text: t.versions.failed });
  };
  useEffect(() => void refresh(), [slug]);

  const save = async (event: Event) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (trimmed === "" || busy) return;
    setBusy(true);
    const result = await saveVersion(slug, trimmed);
    setBusy(false);
    if (result.ok) {
      setName("");
      setStatus({ kind: "success", text: t.versions.saved(result.value.name) });
      await refresh();
    } else {
      setStatus({ kind: "error", text: result.problem.status === 409 ? t.versions.duplicate : t.versions.failed });
    }
  };

  const view = async (info: PlanVersionInfo) => {
    const result = await viewVersion(slug, info.id);
    if (result.ok) setPreview(result.value);
    else setStatus({ kind: "error", text: t.versions.failed });
  };

  const restore = async (info: PlanVersionInfo) => {
    setBusy(true);
    const result = await restoreVersion(slug, info.id);
    setBusy(false);
    setConfirming(null);
    setStatus(result.ok ? { kind: "success", text: t.versions.restored(info.name) } : { kind: "error", text: t.versions.failed });
  };

  return (
    <section class="versions" aria-labelledby="versions-title">
      <h3 id="versions-title" class="plan__title">
        {t.versions.title}
      </h3>
      <p class="muted">{t.versions.intro}</p>
      {canEdit && (
        <form class="versions__save" onSubmit={(e) => void save(e)}>
          <label for="version-name">{t.versions.name}</label>
          <div class="versions__row">
            <input id="version-name" type="text" maxLength={PLAN_LIMITS.versionNameLength} value={name} placeholder={t.versions.namePlaceholder} onInput={(e) => setName(e.currentTarget.value)} />
            <button type="submit" class="button button--primary" disabled={busy || name.trim() === ""}>
              {busy ? t.versions.saving : t.versions.save}
            </button>
          </div>
        </form>
      )}
      <div role="status" aria-live="polite">
        {status !== null && <p class={`note note--${status.kind === "success" ? "success" : "warn"}`}>{status.text}</p>}
      </div>
      {versions === null ? null : versions.length === 0 ? (
        <p class="muted">{t.versions.empty}</p>
      ) : (
        <ol class="versions__list" reversed>
          {[...versions].reverse().map((info) => (
            <li key={info.id} class="versions__item">
              <div class="versions__info">
                <strong>{info.name}</strong>
                <span class="muted">
                  {t.versions.by(info.displayName)} · {t.versions.planVersion(info.version)}
                </span>
                <span class="muted versions__time">
                  <time dateTime={info.at}>{t.activity.at(zonedTime(info.at, DAKAR, language), zonedTime(info.at, OUJDA, language))}</time>
                </span>
              </div>
              <div class="versions__actions">
                <button type="button" class="button" onClick={() => void view(info)}>
                  {t.versions.view(info.name)}
                </button>
                {canEdit && (
                  <button type="button" class="button" onClick={() => setConfirming(info)}>
                    {t.versions.restore(info.name)}
                  </button>
                )}
              </div>
              {confirming?.id === info.id && (
                <div class="note note--warn versions__confirm" role="alertdialog" aria-label={t.versions.restore(info.name)}>
                  <p>{t.versions.confirmRestore(info.name)}</p>
                  <p class="actions">
                    <button type="button" class="button button--primary" disabled={busy} onClick={() => void restore(info)}>
                      {t.versions.confirm}
                    </button>
                    <button type="button" class="button" onClick={() => setConfirming(null)}>
                      {t.versions.cancel}
                    </button>
                  </p>
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
      {preview !== null && <VersionPreview t={t} info={preview.info} document={preview.document} onClose={() => setPreview(null)} />}
    </section>
  );
}

function VersionPreview({ t, info, document, onClose }: { t: ProjectMessages; info: PlanVersionInfo; document: PlanDocument; onClose: () => void }) {
  const milestones = new Map(document.milestones.map((m) => [m.id, entityTitle(m, t)]));
  return (
    <section class="version-preview" aria-labelledby="version-preview-title">
      <div class="version-preview__head">
        <h4 id="version-preview-title">{t.versions.preview(info.name)}</h4>
        <button type="button" class="button" onClick={onClose}>
          {t.versions.hide}
        </button>
      </div>
      {document.sections.map((s) => (
        <article key={s.id} class="version-preview__section">
          <h5>{entityTitle(s, t)}</h5>
          <p class="version-preview__text">{s.fields["body"] ?? ""}</p>
        </article>
      ))}
      {document.milestones.length > 0 && (
        <>
          <h5>{t.plan.milestones}</h5>
          <ul>
            {document.milestones.map((m) => (
              <li key={m.id}>
                {entityTitle(m, t)}
                {m.fields["dueDate"] ? ` — ${m.fields["dueDate"]}` : ""}
                {m.fields["status"] ? ` — ${t.plan.milestoneStatus[m.fields["status"] as keyof ProjectMessages["plan"]["milestoneStatus"]] ?? m.fields["status"]}` : ""}
              </li>
            ))}
          </ul>
        </>
      )}
      {document.tasks.length > 0 && (
        <>
          <h5>{t.plan.tasks}</h5>
          <ul>
            {document.tasks.map((task) => (
              <li key={task.id}>
                {entityTitle(task, t)}
                {task.fields["assignee"] ? ` — ${task.fields["assignee"]}` : ""}
                {task.fields["status"] ? ` — ${t.plan.taskStatus[task.fields["status"] as keyof ProjectMessages["plan"]["taskStatus"]] ?? task.fields["status"]}` : ""}
                {task.fields["milestoneId"] && milestones.has(task.fields["milestoneId"]) ? ` — ${milestones.get(task.fields["milestoneId"])}` : ""}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
