// Client of the session calls of /api/auth (me, login, logout), needed on every page.
// Every call resolves (never throws): to the value, or to the refusal as problem details.

import type { CurrentUser, UserRole } from "../types";
import { ROLE_VALUES, UI_LANGUAGE_VALUES, USER_REGION_VALUES } from "../wire/contract";
import { networkProblem, readProblem, toProblem, type ProblemDetails } from "./problem";

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: ProblemDetails };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T>(problem: ProblemDetails): Result<T> => ({ ok: false, problem });

export async function send(method: string, url: string, body?: unknown, headers: Readonly<Record<string, string>> = {}): Promise<Result<Response>> {
  const init: RequestInit = {
    method,
    credentials: "same-origin",
    headers: { Accept: "application/json", ...(body === undefined ? {} : { "Content-Type": "application/json" }), ...headers },
  };
  if (body !== undefined) init.body = JSON.stringify(body);
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch {
    return fail(networkProblem());
  }
  return response.ok ? ok(response) : fail(await readProblem(response));
}

export async function json(response: Response): Promise<Record<string, unknown> | null> {
  try {
    const body: unknown = await response.json();
    return typeof body === "object" && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export const str = (value: unknown): string => (typeof value === "string" ? value : "");
export const oneOf = <T extends string>(value: unknown, allowed: readonly T[], fallback: T): T =>
  allowed.includes(value as T) ? (value as T) : fallback;

/** Reads an account from /api/auth/me (null if the body is not one). */
export function toCurrentUser(body: Record<string, unknown> | null): CurrentUser | null {
  if (body === null || str(body["email"]) === "") return null;
  const roles = Array.isArray(body["roles"]) ? (body["roles"] as unknown[]) : [];
  return {
    email: str(body["email"]),
    displayName: str(body["displayName"]) || str(body["email"]),
    organisation: str(body["organisation"]),
    region: oneOf(body["region"], USER_REGION_VALUES, "elsewhere"),
    language: oneOf(body["language"], UI_LANGUAGE_VALUES, "fr"),
    roles: roles.filter((r): r is UserRole => ROLE_VALUES.includes(r as UserRole)),
    createdAt: str(body["createdAt"]),
    verified: body["verified"] !== false,
    suspended: body["suspended"] === true,
  };
}

export const malformed = <T>(status: number): Result<T> => fail(toProblem(status >= 500 ? status : 502, null));

/** The signed-in account, or null when signed out (401). */
export async function fetchMe(): Promise<Result<CurrentUser | null>> {
  const result = await send("GET", "/api/auth/me");
  if (!result.ok) return result.problem.status === 401 ? ok(null) : result;
  const user = toCurrentUser(await json(result.value));
  return user === null ? malformed(result.value.status) : ok(user);
}

/**
 * Signs in with a session cookie (HttpOnly, set by the server). Resolves to the account
 * when the answer carries it, else to null (then ask /api/auth/me).
 */
export async function login(email: string, password: string): Promise<Result<CurrentUser | null>> {
  const result = await send("POST", "/api/auth/login?useCookies=true", { email, password });
  return result.ok ? ok(toCurrentUser(await json(result.value))) : result;
}

/** Ends every session of the account, this one included. */
export async function logoutEverywhere(): Promise<Result<void>> {
  const result = await send("POST", "/api/auth/logout-everywhere");
  return result.ok ? ok(undefined) : result;
}

export async function logout(): Promise<Result<void>> {
  const result = await send("POST", "/api/auth/logout");
  // Already signed out is fine.
  return result.ok || result.problem.status === 401 ? ok(undefined) : result;
}

