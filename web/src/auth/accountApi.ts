// Client of the account calls that are not needed on every page: registering and verifying the address, passwords
// (forgotten, reset, changed), my account, signing out everywhere, and /api/invitations/*.

import type { AcceptedInvitation, AccountProfile, CurrentUser, Invitation, RegisterRequest } from "../types";
import { json, malformed, ok, oneOf, send, str, toCurrentUser, type Result } from "./authApi";
import { PROJECT_ROLE_VALUES } from "../wire/contract";

/** Asks for an account; the answer is the same whether the address had one: the next step is in the e-mail. */
export async function register(request: RegisterRequest, returnTo: string | null): Promise<Result<void>> {
  const query = returnTo === null ? "" : `?returnTo=${encodeURIComponent(returnTo)}`;
  const result = await send("POST", `/api/auth/register${query}`, request);
  return result.ok ? ok(undefined) : result;
}

async function account(result: Result<Response>): Promise<Result<CurrentUser>> {
  if (!result.ok) return result;
  const user = toCurrentUser(await json(result.value));
  return user === null ? malformed(result.value.status) : ok(user);
}

/** Verifies the address with the e-mailed link and the registration password, and signs in (cookie). */
export async function verifyAddress(token: string, password: string): Promise<Result<CurrentUser>> {
  return account(await send("POST", "/api/auth/verify?useCookies=true", { token, password }));
}

export async function requestPasswordReset(email: string): Promise<Result<void>> {
  const result = await send("POST", "/api/auth/password-reset", { email });
  return result.ok ? ok(undefined) : result;
}

export async function resetPassword(token: string, newPassword: string): Promise<Result<void>> {
  const result = await send("POST", "/api/auth/password-reset/confirm", { token, newPassword });
  return result.ok ? ok(undefined) : result;
}

export async function changePassword(currentPassword: string, newPassword: string): Promise<Result<void>> {
  const result = await send("POST", "/api/auth/password", { currentPassword, newPassword });
  return result.ok ? ok(undefined) : result;
}

export async function updateMe(profile: AccountProfile): Promise<Result<CurrentUser>> {
  return account(await send("PUT", "/api/auth/me", profile));
}

/** The address an account link was sent to (the token starts with it, base64url), to fill in the sign-in form. */
export function addressOfToken(token: string): string | null {
  const dot = token.indexOf(".");
  if (dot <= 0) return null;
  try {
    const base64 = token.slice(0, dot).replace(/-/g, "+").replace(/_/g, "/");
    const bytes = Uint8Array.from(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, "=")), (c) => c.charCodeAt(0));
    const address = new TextDecoder().decode(bytes);
    return address.includes("@") ? address : null;
  } catch {
    return null;
  }
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
