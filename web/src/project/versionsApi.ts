// Named versions and per-entity history of a plan (REST, docs/PROTOCOL.md → "History and named versions").

import { readProblem, networkProblem, type ProblemDetails } from "../auth/problem";
import { reportUnauthorized } from "../auth/session";
import { parsePlanSnapshot, type PlanDocument } from "../plan/types";
import type { PlanHistoryEntry, PlanHistoryPage, PlanVersionInfo } from "../wire/contract";

export type { PlanHistoryEntry, PlanHistoryPage, PlanVersionInfo } from "../wire/contract";

/** The answer of a call: its value, or the problem the server (or the network) gave. */
export type ApiResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: ProblemDetails };

const planUrl = (slug: string, rest: string): string => `/api/projects/${encodeURIComponent(slug)}/plan${rest}`;

async function call<T>(url: string, init: RequestInit, read: (body: unknown) => T | null): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers: { Accept: "application/json", ...(init.body ? { "Content-Type": "application/json" } : {}) } });
  } catch {
    return { ok: false, problem: networkProblem() };
  }
  if (!response.ok) {
    if (response.status === 401) reportUnauthorized();
    return { ok: false, problem: await readProblem(response) };
  }
  const value = read(await response.json().catch(() => null));
  return value === null ? { ok: false, problem: networkProblem() } : { ok: true, value };
}

const isInfo = (value: unknown): value is PlanVersionInfo =>
  typeof value === "object" && value !== null && typeof (value as { id?: unknown }).id === "number" && typeof (value as { name?: unknown }).name === "string";

export const listVersions = (slug: string): Promise<ApiResult<readonly PlanVersionInfo[]>> =>
  call(planUrl(slug, "/versions"), {}, (body) => (Array.isArray(body) ? body.filter(isInfo) : null));

export const saveVersion = (slug: string, name: string): Promise<ApiResult<PlanVersionInfo>> =>
  call(planUrl(slug, "/versions"), { method: "POST", body: JSON.stringify({ name }) }, (body) => (isInfo(body) ? body : null));

export const viewVersion = (slug: string, id: number): Promise<ApiResult<{ info: PlanVersionInfo; document: PlanDocument }>> =>
  call(planUrl(slug, `/versions/${id}`), {}, (body) => {
    const info = (body as { info?: unknown } | null)?.info;
    const snapshot = parsePlanSnapshot({ version: isInfo(info) ? info.version : 0, document: (body as { document?: unknown } | null)?.document });
    return isInfo(info) && snapshot !== null ? { info, document: snapshot.document } : null;
  });

export const restoreVersion = (slug: string, id: number): Promise<ApiResult<number>> =>
  call(planUrl(slug, `/versions/${id}/restore`), { method: "POST" }, (body) => {
    const version = (body as { version?: unknown } | null)?.version;
    return typeof version === "number" ? version : null;
  });

export const entityHistory = (slug: string, entityId: string, before: number | null): Promise<ApiResult<PlanHistoryPage>> => {
  const query = new URLSearchParams({ entity: entityId, limit: "20" });
  if (before !== null) query.set("before", String(before));
  return call(planUrl(slug, `/history?${query.toString()}`), {}, (body) => {
    const entries = (body as { entries?: unknown } | null)?.entries;
    const nextBefore = (body as { nextBefore?: unknown } | null)?.nextBefore;
    return Array.isArray(entries) ? { entries: entries as PlanHistoryEntry[], nextBefore: typeof nextBefore === "number" ? nextBefore : null } : null;
  });
};
