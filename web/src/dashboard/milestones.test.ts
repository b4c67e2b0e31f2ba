import { describe, expect, it } from "vitest";
import type { PlanEntity } from "../plan/types";
import { milestoneRows } from "./milestones";

const milestone = (id: string, order: string, fields: Record<string, string>): PlanEntity => ({ kind: "milestone", id, order, fields });

describe("milestones of the status page", () => {
  it("lists milestones in plan order, judged done, late or on track on the summary's day", () => {
    const rows = milestoneRows(
      {
        sections: [],
        tasks: [],
        milestones: [
          milestone("m3", "a2", { title: "Salon de l'ESS", dueDate: "2026-10-01" }),
          milestone("m1", "a0", { title: "Mission à Taourirt", dueDate: "2026-03-01", status: "done" }),
          milestone("m2", "a1", { title: "Guide des bonnes pratiques", dueDate: "2026-05-30", status: "in-progress" }),
          milestone("m4", "a3", { title: "Bilan", dueDate: "bientôt" }),
        ],
      },
      "2026-05-31",
    );
    expect(rows).toEqual([
      { id: "m1", title: "Mission à Taourirt", dueDate: "2026-03-01", state: "done" },
      { id: "m2", title: "Guide des bonnes pratiques", dueDate: "2026-05-30", state: "late" },
      { id: "m3", title: "Salon de l'ESS", dueDate: "2026-10-01", state: "on-track" },
      { id: "m4", title: "Bilan", dueDate: null, state: "on-track" },
    ]);
  });
});
