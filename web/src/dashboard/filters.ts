// The dashboard's filters (region, status, value chain, period): read from and written to the page
// address so a filtered dashboard is a link to share, and turned into the query of GET /api/dashboard
// and of its CSV exports (the server validates them with the same rules: DashboardQuery).

import type { ProjectStatus, Region } from "../types";
import { PROJECT_STATUS_VALUES, REGION_VALUES } from "../wire/contract";

export interface DashboardFilter {
  readonly region: Region | null;
  readonly status: ProjectStatus | null;
  /** A value chain as projects spell it (the server compares without case). */
  readonly valueChain: string | null;
  /** "2026" (a year), "2026-T2" (a quarter) or "2026-05" (a month): projects running during it. */
  readonly period: string | null;
}

export const NO_DASHBOARD_FILTER: DashboardFilter = Object.freeze({ region: null, status: null, valueChain: null, period: null });

/** Parameter names in the address (French, like the paths and the directory's). */
const HASH_PARAM = { region: "region", status: "statut", valueChain: "filiere", period: "periode" } as const;
/** Parameter names of the REST API. */
const API_PARAM = { region: "region", status: "status", valueChain: "valueChain", period: "period" } as const;

const PERIOD = /^(\d{4})(?:-T([1-4])|-(\d{2}))?$/;

/** Whether the server accepts this period: a year 2000–2100, optionally a quarter T1–T4 or a month 01–12. */
export function isPeriod(value: string): boolean {
  const match = PERIOD.exec(value);
  if (match === null) return false;
  const year = Number(match[1]);
  const month = match[3] === undefined ? 1 : Number(match[3]);
  return year >= 2000 && year <= 2100 && month >= 1 && month <= 12;
}

const oneOf = <T extends string>(value: string | null, allowed: readonly T[]): T | null =>
  value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;

const text = (value: string | null): string | null => {
  const trimmed = value?.trim() ?? "";
  return trimmed === "" ? null : trimmed;
};

/** Reads the filters of an address's query; values the server would refuse are dropped. */
export function parseDashboardFilter(params: URLSearchParams): DashboardFilter {
  const period = text(params.get(HASH_PARAM.period));
  return {
    region: oneOf(params.get(HASH_PARAM.region), REGION_VALUES),
    status: oneOf(params.get(HASH_PARAM.status), PROJECT_STATUS_VALUES),
    valueChain: text(params.get(HASH_PARAM.valueChain)),
    period: period !== null && isPeriod(period) ? period : null,
  };
}

function params(filter: DashboardFilter, names: Readonly<Record<keyof DashboardFilter, string>>): URLSearchParams {
  const query = new URLSearchParams();
  for (const key of ["region", "status", "valueChain", "period"] as const) {
    const value = filter[key];
    if (value !== null) query.set(names[key], value);
  }
  return query;
}

/** The query of the page address for these filters (empty for none), in a stable order. */
export function dashboardFilterParams(filter: DashboardFilter): URLSearchParams {
  return params(filter, HASH_PARAM);
}

export function isDashboardFiltered(filter: DashboardFilter): boolean {
  return dashboardFilterParams(filter).toString() !== "";
}

function withQuery(path: string, filter: DashboardFilter): string {
  const qs = params(filter, API_PARAM).toString();
  return qs === "" ? path : `${path}?${qs}`;
}

/** GET /api/dashboard with these filters. */
export function dashboardUrl(filter: DashboardFilter): string {
  return withQuery("/api/dashboard", filter);
}

export type DashboardExport = "projects" | "indicators";

/** The CSV export of the projects table or of the indicators, with the same filters as the page, labelled in `lang`. */
export function exportHref(kind: DashboardExport, filter: DashboardFilter, lang: string): string {
  const qs = params(filter, API_PARAM);
  qs.set("lang", lang);
  return `/api/dashboard/${kind}.csv?${qs.toString()}`;
}

export interface PeriodParts {
  readonly year: number;
  /** 1–4, or null. */
  readonly quarter: number | null;
  /** 1–12, or null. */
  readonly month: number | null;
}

/** The parts of a valid period ("2026-T2" → 2026, quarter 2). */
export function periodParts(period: string): PeriodParts | null {
  if (!isPeriod(period)) return null;
  const match = PERIOD.exec(period)!;
  return {
    year: Number(match[1]),
    quarter: match[2] === undefined ? null : Number(match[2]),
    month: match[3] === undefined ? null : Number(match[3]),
  };
}

/**
 * The periods offered in the filter: this year and its quarters, the previous and the next year (a
 * programme plans ahead and reports on last year), and the period of the address if it is another one.
 */
export function periodChoices(today: string, selected: string | null): string[] {
  const year = Number(today.slice(0, 4));
  const choices: string[] = [];
  for (const y of [year - 1, year, year + 1]) {
    choices.push(String(y));
    if (y === year) for (let q = 1; q <= 4; q++) choices.push(`${y}-T${q}`);
  }
  if (selected !== null && !choices.includes(selected)) choices.push(selected);
  return choices;
}
