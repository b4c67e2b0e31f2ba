import { describe, expect, it } from "vitest";
import type { LiveEvent } from "../types";
import { applyProgrammeEvent, applySummaryEvent, carriesProgrammeNumbers, type SummaryState } from "./live";
import type { ProgrammeDashboard, ProgrammeIndicators, ProjectSummary } from "./types";

const topic = "dashboard:programme";

function row(slug: string, title: string, tasksDone = 0, version = 1): ProjectSummary {
  return {
    slug,
    version,
    title,
    status: "active",
    valueChains: [],
    startDate: null,
    endDate: null,
    regionPair: "kaolack-oriental",
    partners: [],
    kaolackPartners: 1,
    orientalPartners: 1,
    milestones: { done: 0, onTrack: 0, late: 0, total: 0 },
    tasks: { done: tasksDone, total: 2 },
    nextMilestone: null,
    budget: [],
    pledges: [],
    pledgesInKind: { received: 0, total: 0 },
    lastActivityAt: null,
    asOf: "2026-05-31",
    projectVersion: 1,
    planVersion: 1,
  };
}

const indicators = (tasksDone: number) => ({ projects: 2, tasks: { done: tasksDone, total: 4 } }) as unknown as ProgrammeIndicators;

function dashboard(version: number, projects: ProjectSummary[], removed: string[] = [], tasksDone = 0): ProgrammeDashboard {
  return { version, asOf: "2026-05-31", indicators: indicators(tasksDone), series: [], projects, removed, wholeProgramme: true };
}

const ev = (change: LiveEvent["change"], data: ProgrammeDashboard): LiveEvent => ({ topic, version: data.version, change, at: "2026-05-31T10:00:00Z", data });

describe("live programme dashboard", () => {
  const shown = dashboard(10, [row("miel", "Miel"), row("arachide", "Arachide")]);

  it("applies the next update: changed rows replaced, new ones added in title order, removed ones dropped, indicators replaced", () => {
    const update = applyProgrammeEvent(shown, ev("updated", dashboard(11, [row("miel", "Miel", 1, 2), row("couscous", "Couscous")], ["arachide"], 1)));
    expect(update.kind).toBe("applied");
    if (update.kind !== "applied") return;
    expect(update.dashboard.projects.map((p) => [p.slug, p.tasks.done])).toEqual([
      ["couscous", 0],
      ["miel", 1],
    ]);
    expect(update.dashboard.indicators.tasks.done).toBe(1);
    expect(update.dashboard.version).toBe(11);
    expect(update.dashboard.removed).toEqual([]);
  });

  it("tells the pushes that carry the programme's numbers from those a reader of their own projects gets", () => {
    expect(carriesProgrammeNumbers(ev("updated", dashboard(11, [])))).toBe(true);
    expect(carriesProgrammeNumbers(ev("snapshot", { ...dashboard(11, []), wholeProgramme: false }))).toBe(false);
  });

  it("ignores pushes already shown and asks again when one is missing", () => {
    expect(applyProgrammeEvent(shown, ev("updated", dashboard(10, [])))).toEqual({ kind: "stale" });
    expect(applyProgrammeEvent(shown, ev("updated", dashboard(12, [])))).toEqual({ kind: "gap" });
    expect(applyProgrammeEvent(null, ev("updated", dashboard(12, [])))).toEqual({ kind: "gap" });
    expect(applyProgrammeEvent(shown, { topic, version: 11, change: "updated", at: "", data: null })).toEqual({ kind: "stale" });
  });

  it("replaces everything with a snapshot, sorted by title", () => {
    const update = applyProgrammeEvent(null, ev("snapshot", dashboard(20, [row("miel", "Miel"), row("arachide", "Arachide")])));
    expect(update.kind === "applied" && update.dashboard.projects.map((p) => p.slug)).toEqual(["arachide", "miel"]);
    expect(applyProgrammeEvent(shown, ev("snapshot", dashboard(9, [])))).toEqual({ kind: "stale" });
  });
});

describe("live project summary", () => {
  const summaryEvent = (data: ProjectSummary | null): LiveEvent => ({ topic: "dashboard:project:miel", version: data?.version ?? 0, change: "snapshot", at: "", data });

  it("shows each pushed summary unless it is older than the one shown", () => {
    let state: SummaryState = { kind: "loading" };
    state = applySummaryEvent(state, summaryEvent(row("miel", "Miel", 0, 5)));
    state = applySummaryEvent(state, summaryEvent(row("miel", "Miel", 1, 6)));
    expect(state.kind === "shown" && state.summary.tasks.done).toBe(1);
    expect(applySummaryEvent(state, summaryEvent(row("miel", "Miel", 0, 4)))).toBe(state);
  });

  it("tells a project deleted while shown from one that never existed", () => {
    expect(applySummaryEvent({ kind: "shown", summary: row("miel", "Miel") }, summaryEvent(null))).toEqual({ kind: "gone" });
    expect(applySummaryEvent({ kind: "loading" }, summaryEvent(null))).toEqual({ kind: "missing" });
  });
});
