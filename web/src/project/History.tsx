// "Historique" of one entity of the plan: a disclosure listing who changed what, when (Dakar and
// Oujda time), newest first, older pages on demand.

import { useEffect, useRef, useState } from "preact/hooks";
import { useLanguage, useMessages } from "../i18n/language";
import { projectMessages, type ProjectMessages } from "../i18n/project";
import type { PlanEntity } from "../plan/types";
import { entityLabel } from "./entityTitle";
import { DAKAR, OUJDA, zonedTime } from "./time";
import { entityHistory, type PlanHistoryEntry } from "./versionsApi";

/** A value as people read it: labels for statuses and regions, titles for milestones. */
function shownValue(t: ProjectMessages, entry: PlanHistoryEntry, milestones: ReadonlyMap<string, string>): string | null {
  const value = entry.value;
  if (value === null) return null;
  if (entry.field === "status") {
    const labels: Readonly<Record<string, string>> = entry.kind === "milestone" ? t.plan.milestoneStatus : t.plan.taskStatus;
    return labels[value] ?? value;
  }
  if (entry.field === "ownerRegion") return (t.regions as Readonly<Record<string, string>>)[value] ?? value;
  if (entry.field === "milestoneId") return milestones.get(value) ?? value;
  return value;
}

export function describeChange(t: ProjectMessages, entry: PlanHistoryEntry, milestones: ReadonlyMap<string, string>): string {
  const who = entry.displayName || entry.userId;
  const field = entry.field === null ? "" : (t.history.fields[entry.field] ?? entry.field);
  switch (entry.change) {
    case "add":
      return t.history.change.add(who);
    case "delete":
      return t.history.change.delete(who);
    case "move":
      return t.history.change.move(who);
    case "set":
      return t.history.change.set(who, field, shownValue(t, entry, milestones));
    case "text":
      return t.history.change.text(who, field);
  }
}

export function HistoryButton({ slug, entity, milestones }: { slug: string; entity: PlanEntity; milestones: ReadonlyMap<string, string> }) {
  const t = useMessages(projectMessages);
  const language = useLanguage();
  const [open, setOpen] = useState(false);
  const [entries, setEntries] = useState<readonly PlanHistoryEntry[] | null>(null);
  const [nextBefore, setNextBefore] = useState<number | null>(null);
  const [failed, setFailed] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = `history-${entity.kind}-${entity.id}`;

  const load = async (before: number | null) => {
    const result = await entityHistory(slug, entity.id, before);
    if (!result.ok) {
      setFailed(true);
      return;
    }
    setFailed(false);
    setEntries((previous) => (before === null ? result.value.entries : [...(previous ?? []), ...result.value.entries]));
    setNextBefore(result.value.nextBefore);
  };

  useEffect(() => {
    if (!open) return;
    void load(null);
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        setOpen(false);
        button.current?.focus();
      }
    };
    const onPointer = (event: Event) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
    };
  }, [open]);

  const label = t.history.label(entityLabel(entity, t));
  return (
    <div class="history" ref={root}>
      <button
        type="button"
        class="notes-toggle"
        ref={button}
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={label}
        title={label}
        onClick={() => setOpen(!open)}
      >
        {t.history.button}
      </button>
      {open && (
        <div class="history__panel" id={panelId} role="region" aria-label={label}>
          {failed ? (
            <p>{t.history.failed}</p>
          ) : entries === null ? (
            <p class="muted">{t.history.loading}</p>
          ) : entries.length === 0 ? (
            <p class="muted">{t.history.empty}</p>
          ) : (
            <ol class="history__list">
              {entries.map((entry) => (
                <li key={entry.version}>
                  <span>{describeChange(t, entry, milestones)}</span>
                  <span class="history__time">
                    <time dateTime={entry.at}>{t.activity.at(zonedTime(entry.at, DAKAR, language), zonedTime(entry.at, OUJDA, language))}</time>
                  </span>
                </li>
              ))}
            </ol>
          )}
          {nextBefore !== null && !failed && (
            <button type="button" class="button" onClick={() => void load(nextBefore)}>
              {t.history.more}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
