// Client of the calls that run a project (owners): its team and invitations, its status, charter and partners. Each
// answer the server sends back is also pushed to every open workspace over the live connection.

import { json, ok, send, type Result } from "../auth/authApi";
import { reportUnauthorized } from "../auth/session";
import type { InvitationLink, JointProject, PartnerRef, ProjectCharter, ProjectRole, ProjectStatus, TeamView } from "../wire/contract";

const base = (slug: string) => `/api/projects/${encodeURIComponent(slug)}`;

/** The server's own JSON, read as the shared wire type. */
async function read<T>(result: Result<Response>): Promise<Result<T>> {
  if (!result.ok) {
    if (result.problem.status === 401) reportUnauthorized();
    return result;
  }
  return ok((await json(result.value)) as unknown as T);
}

export const fetchTeam = async (slug: string): Promise<Result<TeamView>> => read(await send("GET", `${base(slug)}/team`));

export const invite = async (slug: string, email: string, role: ProjectRole): Promise<Result<InvitationLink>> =>
  read(await send("POST", `${base(slug)}/invitations`, { email, role }));

export const revokeInvitation = async (slug: string, id: string): Promise<Result<unknown>> =>
  read(await send("DELETE", `${base(slug)}/invitations/${encodeURIComponent(id)}`));

export const changeMemberRole = async (slug: string, email: string, role: ProjectRole): Promise<Result<JointProject>> =>
  read(await send("PUT", `${base(slug)}/members/${encodeURIComponent(email)}`, { role }));

export const removeMember = async (slug: string, email: string): Promise<Result<JointProject>> =>
  read(await send("DELETE", `${base(slug)}/members/${encodeURIComponent(email)}`));

export const changeStatus = async (slug: string, status: ProjectStatus): Promise<Result<JointProject>> =>
  read(await send("POST", `${base(slug)}/status`, { status }));

/** Carries the version read (If-Match): refused (412) when someone saved in between. */
export const updateCharter = async (slug: string, charter: ProjectCharter, version: number): Promise<Result<JointProject>> =>
  read(await send("PUT", base(slug), charter, { "If-Match": `"${version}"` }));

export const addPartner = async (slug: string, partner: PartnerRef): Promise<Result<JointProject>> =>
  read(await send("POST", `${base(slug)}/partners`, partner));

export const removePartner = async (slug: string, partner: PartnerRef): Promise<Result<JointProject>> =>
  read(await send("DELETE", `${base(slug)}/partners/${encodeURIComponent(partner.kind)}/${encodeURIComponent(partner.slug)}`));
