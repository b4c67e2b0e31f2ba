// Client of /api/auth/register and /api/invitations/* (account pages only).

import type { AcceptedInvitation, Invitation, RegisterRequest } from "../types";
import { json, malformed, ok, oneOf, send, str, type Result } from "./authApi";
import { PROJECT_ROLE_VALUES } from "../wire/contract";

export async function register(request: RegisterRequest): Promise<Result<void>> {
  const result = await send("POST", "/api/auth/register", request);
  return result.ok ? ok(undefined) : result;
}

const invitationUrl = (token: string) => `/api/invitations/${encodeURIComponent(token)}`;

export async function fetchInvitation(token: string): Promise<Result<Invitation>> {
  const result = await send("GET", invitationUrl(token));
  if (!result.ok) return result;
  const body = await json(result.value);
  if (body === null || str(body["projectSlug"]) === "") return malformed(result.value.status);
  return ok({
    projectSlug: str(body["projectSlug"]),
    projectTitle: str(body["projectTitle"]) || str(body["projectSlug"]),
    email: str(body["email"]),
    role: oneOf(body["role"], PROJECT_ROLE_VALUES, "viewer"),
    expiresAt: str(body["expiresAt"]),
  });
}

export async function acceptInvitation(token: string): Promise<Result<AcceptedInvitation>> {
  const result = await send("POST", `${invitationUrl(token)}/accept`);
  if (!result.ok) return result;
  const body = await json(result.value);
  return ok({
    projectSlug: str(body?.["projectSlug"]),
    role: oneOf(body?.["role"], PROJECT_ROLE_VALUES, "viewer"),
  });
}
