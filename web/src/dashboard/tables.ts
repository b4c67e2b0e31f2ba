// The numbers behind each chart, shaped once as a table: the chart draws its rows and columns and the
// accessible <table> under it shows the very same values, so what a screen reader hears is what the
// chart shows. Pure functions of the wire data; labels come from the caller (the language shown).

import type { Currency, ProjectStatus, Region } from "../types";
import type { MoneyProgress, ProgrammeIndicators, ProgressPoint } from "./types";
import { PROJECT_STATUS_VALUES, REGION_VALUES } from "../wire/contract";

export interface TableRow {
  /** Stable key of the row (a status, a date, a region…). */
  readonly key: string;
  readonly label: string;
  readonly values: readonly number[];
}

export interface DataTable {
  /** Labels of the value columns (one dataset of the chart each). */
  readonly columns: readonly string[];
  readonly rows: readonly TableRow[];
}

/** Chart.js data of a table: one label per row, one dataset per column. */
export interface ChartData {
  readonly labels: string[];
  readonly datasets: { label: string; data: number[] }[];
}

export function chartData(table: DataTable): ChartData {
  return {
    labels: table.rows.map((row) => row.label),
    datasets: table.columns.map((label, column) => ({ label, data: table.rows.map((row) => row.values[column] ?? 0) })),
  };
}

/** Projects per status, every status listed (zeros too) in the order of a project's life. */
export function statusTable(indicators: ProgrammeIndicators, labels: Readonly<Record<ProjectStatus, string>>, column: string): DataTable {
  const counts = new Map(indicators.byStatus.map((s) => [s.status, s.count]));
  return {
    columns: [column],
    rows: PROJECT_STATUS_VALUES.map((status) => ({ key: status, label: labels[status], values: [counts.get(status) ?? 0] })),
  };
}

/** Cooperatives and diaspora groups engaged in projects, per region (zeros for a region without any). */
export function engagementTable(
  indicators: ProgrammeIndicators,
  labels: Readonly<Record<Region, string>>,
  columns: { readonly cooperatives: string; readonly diasporaGroups: string },
): DataTable {
  const byRegion = new Map(indicators.engaged.map((e) => [e.region, e]));
  return {
    columns: [columns.cooperatives, columns.diasporaGroups],
    rows: REGION_VALUES.map((region) => {
      const engaged = byRegion.get(region);
      return { key: region, label: labels[region], values: [engaged?.cooperatives ?? 0, engaged?.diasporaGroups ?? 0] };
    }),
  };
}

export interface ProgressColumns {
  readonly tasksDone: string;
  readonly tasksTotal: string;
  readonly milestonesDone: string;
  readonly lateMilestones: string;
}

/** How many of the latest days the progress chart and table show. */
export const PROGRESS_DAYS = 30;

/** The latest `days` points of the progress series, oldest first, one row per day. */
export function progressTable(
  series: readonly ProgressPoint[],
  formatDay: (date: string) => string,
  columns: ProgressColumns,
  days: number = PROGRESS_DAYS,
): DataTable {
  const points = [...series].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)).slice(-days);
  return {
    columns: [columns.tasksDone, columns.tasksTotal, columns.milestonesDone, columns.lateMilestones],
    rows: points.map((p) => ({ key: p.date, label: formatDay(p.date), values: [p.tasksDone, p.tasksTotal, p.milestonesDone, p.lateMilestones] })),
  };
}

/** Whole percent of `part` in `whole` (0 when nothing is expected), capped at 100 for the chart's scale. */
export function percent(part: number, whole: number): number {
  if (!(whole > 0)) return 0;
  return Math.min(100, Math.round((part / whole) * 100));
}

const CURRENCY_ORDER: readonly Currency[] = ["XOF", "MAD", "EUR"];

/** One line per currency with an amount expected: what was received of the budget and of the pledges. */
export interface MoneyLine {
  readonly currency: Currency;
  readonly budget: number;
  readonly received: number;
  readonly pledged: number;
  readonly pledgesReceived: number;
}

/** Budget and pledges side by side per currency (amounts are never converted between currencies). */
export function moneyLines(budget: readonly MoneyProgress[], pledges: readonly MoneyProgress[]): MoneyLine[] {
  const lines = new Map<Currency, { budget: number; received: number; pledged: number; pledgesReceived: number }>();
  const line = (currency: Currency) => {
    let found = lines.get(currency);
    if (found === undefined) lines.set(currency, (found = { budget: 0, received: 0, pledged: 0, pledgesReceived: 0 }));
    return found;
  };
  for (const b of budget) {
    const l = line(b.currency);
    l.budget += b.expected;
    l.received += b.received;
  }
  for (const p of pledges) {
    const l = line(p.currency);
    l.pledged += p.expected;
    l.pledgesReceived += p.received;
  }
  const rank = (c: Currency) => (CURRENCY_ORDER.includes(c) ? CURRENCY_ORDER.indexOf(c) : CURRENCY_ORDER.length);
  return [...lines.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : 1))
    .map(([currency, l]) => ({ currency, ...l }));
}

/** Share received of the budget and of the pledges, per currency, in percent. */
export function moneyTable(lines: readonly MoneyLine[], columns: { readonly budget: string; readonly pledges: string }): DataTable {
  return {
    columns: [columns.budget, columns.pledges],
    rows: lines.map((l) => ({ key: l.currency, label: l.currency, values: [percent(l.received, l.budget), percent(l.pledgesReceived, l.pledged)] })),
  };
}
