// Client of GET/PUT /api/cooperatives/{slug}, /api/diaspora-groups/{slug} and /api/organisations/{slug}. Every save carries
// the version that was read (If-Match): the server answers 412 when someone saved in between.

import { json, ok, send, type Result } from "../auth/authApi";
import { reportUnauthorized } from "../auth/session";
import type { Organisation } from "../types";

export type OrganisationPath = "cooperatives" | "diaspora-groups" | "organisations";

const url = (path: OrganisationPath, slug: string) => `/api/${path}/${encodeURIComponent(slug)}`;

async function organisation<P>(result: Result<Response>): Promise<Result<Organisation<P>>> {
  if (!result.ok) {
    if (result.problem.status === 401) reportUnauthorized();
    return result;
  }
  // The server's own JSON, read as the shared wire type.
  return ok((await json(result.value)) as unknown as Organisation<P>);
}

export async function fetchOrganisation<P>(path: OrganisationPath, slug: string): Promise<Result<Organisation<P>>> {
  return organisation<P>(await send("GET", url(path, slug)));
}

export async function saveOrganisation<P>(path: OrganisationPath, slug: string, profile: P, version: number): Promise<Result<Organisation<P>>> {
  return organisation<P>(await send("PUT", url(path, slug), profile, { "If-Match": `"${version}"` }));
}
