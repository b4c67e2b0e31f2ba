// REST side of the workshops (docs/PROTOCOL.md → "Workshops"): list, create (empty or from a template), templates,
// join by code, summary links.
// The live session itself goes over the hub (workshopSession.ts).

import { json, ok, send, type Result } from "../auth/authApi";
import { reportUnauthorized } from "../auth/session";
import type { JoinAnswer, WorkshopDetails, WorkshopListing, WorkshopTemplate, WorkshopView } from "./types";

const BASE = "/api/workshops";

async function read<T>(result: Result<Response>): Promise<Result<T>> {
  if (!result.ok) {
    if (result.problem.status === 401) reportUnauthorized();
    return result;
  }
  // The server's own JSON, read as the wire type.
  const body: unknown = await result.value.json().catch(() => null);
  return ok(body as T);
}

export async function fetchWorkshops(): Promise<Result<WorkshopListing[]>> {
  const result = await read<unknown>(await send("GET", `${BASE}/`));
  return result.ok ? ok(Array.isArray(result.value) ? (result.value as WorkshopListing[]) : []) : result;
}

/** Creates a workshop: empty, or with a template's polls (as drafts) and board columns. */
export async function createWorkshop(details: WorkshopDetails, templateId: string | null = null): Promise<Result<WorkshopView>> {
  const url = templateId === null ? `${BASE}/` : `${TEMPLATES}/${encodeURIComponent(templateId)}/workshops`;
  return read<WorkshopView>(await send("POST", url, details));
}

const TEMPLATES = "/api/workshop-templates";

/** The coaches' shared templates, by name (coaches and admins). */
export async function fetchTemplates(): Promise<Result<WorkshopTemplate[]>> {
  const result = await read<unknown>(await send("GET", `${TEMPLATES}/`));
  return result.ok ? ok(Array.isArray(result.value) ? (result.value as WorkshopTemplate[]) : []) : result;
}

/** Saves a workshop's outline (agenda, polls, columns) as a template. */
export async function saveTemplate(workshopId: string, name: string): Promise<Result<WorkshopTemplate>> {
  return read<WorkshopTemplate>(await send("POST", `${TEMPLATES}/`, { workshopId, name }));
}

/** What the page keeps of a join answer: the session is a cookie, so the answer carries no token. */
export type JoinedWorkshop = Pick<JoinAnswer, "workshopId" | "guestId" | "displayName">;

/**
 * Joins by code. Signed in: the answer only names the workshop. Otherwise the server admits a guest and sets the
 * session cookie (HttpOnly), valid for this workshop only.
 */
export async function joinWorkshop(code: string, displayName: string | null): Promise<Result<JoinedWorkshop>> {
  const body = displayName === null ? { code } : { code, displayName };
  const result = await send("POST", `${BASE}/join?useCookies=true`, body);
  if (!result.ok) return result;
  const answer = await json(result.value);
  return ok({
    workshopId: typeof answer?.["workshopId"] === "string" ? answer["workshopId"] : "",
    guestId: typeof answer?.["guestId"] === "string" ? answer["guestId"] : null,
    displayName: typeof answer?.["displayName"] === "string" ? answer["displayName"] : null,
  });
}

export const summaryUrl = (id: string, format: "md" | "csv"): string => `${BASE}/${encodeURIComponent(id)}/summary.${format}`;

/** The link a coach shares: opens the join page with the code filled in. */
export function joinLink(code: string, origin: string = location.origin): string {
  return `${origin}/#/atelier?code=${encodeURIComponent(code)}`;
}
