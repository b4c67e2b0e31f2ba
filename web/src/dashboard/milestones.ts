// The milestones list of the project status page, read from the plan (GET /api/projects/{slug}/plan):
// titles, due dates and whether each is done, late or on track, judged like the server's summary
// (late: not done and due before the day of the summary).

import type { PlanDocument } from "../plan/types";

export type MilestoneState = "done" | "late" | "on-track";

export interface MilestoneRow {
  readonly id: string;
  readonly title: string;
  /** "2026-05-31" or null. */
  readonly dueDate: string | null;
  readonly state: MilestoneState;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The plan's milestones in plan order (fractional index, then id), judged on `asOf` ("2026-05-31"). */
export function milestoneRows(document: PlanDocument, asOf: string): MilestoneRow[] {
  return [...document.milestones]
    .sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((m) => {
      const due = m.fields["dueDate"] ?? "";
      const dueDate = DATE.test(due) ? due : null;
      const state: MilestoneState =
        m.fields["status"] === "done" ? "done" : dueDate !== null && dueDate < asOf ? "late" : "on-track";
      return { id: m.id, title: m.fields["title"] ?? "", dueDate, state };
    });
}
