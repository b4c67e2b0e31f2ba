// Client of /api/admin (admins only): the accounts, a reset link to hand over, the outbox of e-mails.

import { ok, send, type Result } from "../auth/authApi";
import { reportUnauthorized } from "../auth/session";
import type { Account, AccountPage, IssuedAccount, IssuedLink, NewAccount, OutboxMessage, Role } from "../wire/contract";

/** The server's own JSON, read as the shared wire type (the admin page only shows it). */
async function read<T>(result: Result<Response>): Promise<Result<T>> {
  if (!result.ok) {
    if (result.problem.status === 401) reportUnauthorized();
    return result;
  }
  return ok((await result.value.json()) as T);
}

const user = (email: string) => `/api/admin/users/${encodeURIComponent(email)}`;

export const searchAccounts = async (q: string, page = 1): Promise<Result<AccountPage>> =>
  read(await send("GET", `/api/admin/users?q=${encodeURIComponent(q)}&page=${page}&pageSize=50`));

export const openAccount = async (account: NewAccount): Promise<Result<IssuedAccount>> => read(await send("POST", "/api/admin/users", account));

export const setRoles = async (email: string, roles: readonly Role[]): Promise<Result<Account>> =>
  read(await send("PUT", `${user(email)}/roles`, { roles }));

export const setSuspended = async (email: string, suspended: boolean): Promise<Result<Account>> =>
  read(await send("PUT", `${user(email)}/suspension`, { suspended }));

export const issueResetLink = async (email: string): Promise<Result<IssuedLink>> => read(await send("POST", `${user(email)}/password-reset`));

export const fetchOutbox = async (limit = 100): Promise<Result<readonly OutboxMessage[]>> => read(await send("GET", `/api/admin/outbox?limit=${limit}`));
