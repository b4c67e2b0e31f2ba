// REST reads of the dashboards (the live topics then keep them current).

import { HttpError } from "../api";
import { reportUnauthorized } from "../auth/session";
import type { PlanSnapshot } from "../plan/types";
import { dashboardUrl, type DashboardFilter } from "./filters";
import type { ProgrammeDashboard, ProjectSummary } from "./types";

async function getJson<T>(url: string, signal: AbortSignal): Promise<T> {
  const response = await fetch(url, { headers: { Accept: "application/json" }, signal });
  if (!response.ok) {
    if (response.status === 401) reportUnauthorized();
    throw new HttpError(response.status, url);
  }
  return (await response.json()) as T;
}

export function fetchProgramme(filter: DashboardFilter, signal: AbortSignal): Promise<ProgrammeDashboard> {
  return getJson(dashboardUrl(filter), signal);
}

export function fetchProjectSummary(slug: string, signal: AbortSignal): Promise<ProjectSummary> {
  return getJson(`/api/projects/${encodeURIComponent(slug)}/summary`, signal);
}

/** The plan, for its milestones (the summary carries only their counts and the next one). */
export function fetchPlan(slug: string, signal: AbortSignal): Promise<PlanSnapshot> {
  return getJson(`/api/projects/${encodeURIComponent(slug)}/plan`, signal);
}
