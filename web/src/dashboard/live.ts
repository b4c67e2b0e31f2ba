// Pure logic of the live dashboards: applying pushes of "dashboard:programme" and
// "dashboard:project:{slug}" to what the page shows. No I/O here.

import type { LiveEvent } from "../types";
import type { ProgrammeDashboard, ProjectSummary } from "./types";

const collator = new Intl.Collator("fr", { sensitivity: "base", numeric: true });

/** The programme's rows in the server's order: by title, then slug. */
export function sortRows(rows: readonly ProjectSummary[]): ProjectSummary[] {
  return [...rows].sort((a, b) => collator.compare(a.title, b.title) || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
}

function isDashboard(data: unknown): data is ProgrammeDashboard {
  if (typeof data !== "object" || data === null) return false;
  const d = data as Record<string, unknown>;
  return typeof d["version"] === "number" && typeof d["indicators"] === "object" && Array.isArray(d["projects"]) && Array.isArray(d["series"]);
}

export type ProgrammeUpdate =
  /** Applied: show `dashboard`. */
  | { readonly kind: "applied"; readonly dashboard: ProgrammeDashboard }
  /** Already shown (an older or repeated push): nothing changes. */
  | { readonly kind: "stale" }
  /** A push is missing in between (or nothing is shown yet): ask the server for what was missed. */
  | { readonly kind: "gap" };

/**
 * Applies one push of "dashboard:programme" to the unfiltered dashboard shown. A snapshot replaces it;
 * an update (the next version) brings the indicators and series recomputed over everything, the rows
 * changed since the previous push and the slugs of projects removed.
 */
export function applyProgrammeEvent(current: ProgrammeDashboard | null, event: LiveEvent): ProgrammeUpdate {
  const data = event.data;
  if (!isDashboard(data)) return { kind: "stale" };
  if (event.change === "snapshot") {
    return current !== null && data.version < current.version
      ? { kind: "stale" }
      : { kind: "applied", dashboard: { ...data, projects: sortRows(data.projects), removed: [] } };
  }
  if (current === null) return { kind: "gap" };
  if (data.version <= current.version) return { kind: "stale" };
  if (data.version !== current.version + 1) return { kind: "gap" };
  const changed = new Map(data.projects.map((p) => [p.slug, p]));
  const gone = new Set(data.removed);
  const kept = current.projects.filter((p) => !gone.has(p.slug) && !changed.has(p.slug));
  return {
    kind: "applied",
    dashboard: { ...data, projects: sortRows([...kept, ...changed.values()]), removed: [] },
  };
}

/**
 * Whether a push of "dashboard:programme" carries the programme's numbers for this reader. Those who see only their own
 * projects get their rows without indicators (counted over every project, they would tell about hidden ones): the page
 * reads the dashboard again, which counts over what the reader sees.
 */
export function carriesProgrammeNumbers(event: LiveEvent): boolean {
  return isDashboard(event.data) && event.data.wholeProgramme;
}

function isSummary(data: unknown): data is ProjectSummary {
  if (typeof data !== "object" || data === null) return false;
  const d = data as Record<string, unknown>;
  return typeof d["slug"] === "string" && typeof d["version"] === "number" && typeof d["tasks"] === "object";
}

/** What the project status page shows: the summary, that it was deleted while shown, or that there is none. */
export type SummaryState =
  | { readonly kind: "loading" }
  | { readonly kind: "shown"; readonly summary: ProjectSummary }
  | { readonly kind: "gone" }
  | { readonly kind: "missing" };

/** Every push of "dashboard:project:{slug}" is the whole summary (null data once the project is deleted or for none). */
export function applySummaryEvent(current: SummaryState, event: LiveEvent): SummaryState {
  if (event.data === null) {
    if (current.kind === "shown") return { kind: "gone" };
    return current.kind === "loading" ? { kind: "missing" } : current;
  }
  if (!isSummary(event.data)) return current;
  if (current.kind === "shown" && event.data.version < current.summary.version) return current;
  return { kind: "shown", summary: event.data };
}
