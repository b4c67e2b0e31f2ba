import { describe, expect, it } from "vitest";
import { chartData, engagementTable, moneyLines, moneyTable, percent, progressTable, statusTable } from "./tables";
import type { ProgrammeIndicators, ProgressPoint } from "./types";

const statusLabels = { proposed: "Proposé", active: "En cours", "at-risk": "À risque", completed: "Terminé", cancelled: "Annulé" };

const indicators: ProgrammeIndicators = {
  projects: 3,
  byStatus: [
    { status: "active", count: 2 },
    { status: "at-risk", count: 1 },
  ],
  byRegionPair: [],
  byValueChain: [],
  milestones: { done: 1, onTrack: 2, late: 1, total: 4 },
  tasks: { done: 3, total: 10 },
  engaged: [{ region: "oriental", cooperatives: 4, diasporaGroups: 2 }],
  fairParticipations: [],
  capacityNeeds: [],
  budget: [
    { currency: "EUR", expected: 85000, received: 0 },
    { currency: "XOF", expected: 24000000, received: 3000000 },
  ],
  pledges: [{ currency: "EUR", expected: 5000, received: 2500 }],
  pledgesInKind: { received: 0, total: 1 },
};

function point(date: string, tasksDone: number): ProgressPoint {
  return { date, activeProjects: 2, milestonesDone: 1, milestonesTotal: 4, lateMilestones: 1, tasksDone, tasksTotal: 10 };
}

describe("chart tables", () => {
  it("lists every status in life order, zeros included", () => {
    const table = statusTable(indicators, statusLabels, "Projets");
    expect(table.columns).toEqual(["Projets"]);
    expect(table.rows.map((r) => [r.key, r.label, r.values[0]])).toEqual([
      ["proposed", "Proposé", 0],
      ["active", "En cours", 2],
      ["at-risk", "À risque", 1],
      ["completed", "Terminé", 0],
      ["cancelled", "Annulé", 0],
    ]);
  });

  it("gives the chart exactly the table's numbers: one label per row, one dataset per column", () => {
    const table = engagementTable(indicators, { kaolack: "Kaolack", oriental: "Oriental" }, { cooperatives: "Coopératives", diasporaGroups: "Diaspora" });
    expect(chartData(table)).toEqual({
      labels: ["Kaolack", "Oriental"],
      datasets: [
        { label: "Coopératives", data: [0, 4] },
        { label: "Diaspora", data: [0, 2] },
      ],
    });
  });

  it("shows the latest days of the progress series, oldest first", () => {
    const series = [point("2026-05-03", 3), point("2026-05-01", 1), point("2026-05-02", 2)];
    const columns = { tasksDone: "Faites", tasksTotal: "Prévues", milestonesDone: "Jalons", lateMilestones: "Retard" };
    const table = progressTable(series, (d) => `le ${d}`, columns, 2);
    expect(table.rows.map((r) => r.key)).toEqual(["2026-05-02", "2026-05-03"]);
    expect(table.rows[1]).toEqual({ key: "2026-05-03", label: "le 2026-05-03", values: [3, 10, 1, 1] });
    expect(chartData(table).datasets.map((d) => d.label)).toEqual(["Faites", "Prévues", "Jalons", "Retard"]);
    expect(progressTable([], String, columns).rows).toEqual([]);
  });

  it("puts budget and pledges side by side per currency, never adding currencies", () => {
    const lines = moneyLines(indicators.budget, indicators.pledges);
    expect(lines).toEqual([
      { currency: "XOF", budget: 24000000, received: 3000000, pledged: 0, pledgesReceived: 0 },
      { currency: "EUR", budget: 85000, received: 0, pledged: 5000, pledgesReceived: 2500 },
    ]);
    const table = moneyTable(lines, { budget: "Budget", pledges: "Promesses" });
    expect(table.rows.map((r) => [r.label, ...r.values])).toEqual([
      ["XOF", 13, 0],
      ["EUR", 0, 50],
    ]);
  });

  it("rounds percentages, caps them at 100 and counts nothing expected as 0", () => {
    expect(percent(1, 3)).toBe(33);
    expect(percent(150, 100)).toBe(100);
    expect(percent(5, 0)).toBe(0);
  });
});
