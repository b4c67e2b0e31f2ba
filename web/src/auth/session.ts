// Who is signed in. One store for the page: checked with /api/auth/me at start-up,
// changed by sign-in and sign-out, and re-checked when a request is answered 401.

import { useEffect, useState } from "preact/hooks";
import { setLanguage } from "../i18n/language";
import type { CurrentUser } from "../types";
import { fetchMe, login, logout, type Result } from "./authApi";
import { toProblem, type ProblemDetails } from "./problem";

export type SessionState =
  | { readonly status: "loading" }
  /** /api/auth/me could not be answered (network, server error). */
  | { readonly status: "error"; readonly problem: ProblemDetails }
  | { readonly status: "signedOut"; readonly reason: "expired" | "signedOut" | null }
  | { readonly status: "signedIn"; readonly user: CurrentUser };

type Listener = (state: SessionState) => void;

export class Session {
  private current: SessionState = { status: "loading" };
  private readonly listeners = new Set<Listener>();
  private readonly signOutListeners = new Set<() => void>();
  /** Incremented on every change request, so a late /me answer cannot undo a newer change. */
  private sequence = 0;

  get state(): SessionState {
    return this.current;
  }

  listen(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Called whenever the session ends (sign-out, expiry): used to stop the live hub. */
  onSignedOut(listener: () => void): () => void {
    this.signOutListeners.add(listener);
    return () => this.signOutListeners.delete(listener);
  }

  /** Asks the server who is signed in. */
  async refresh(reason: "expired" | null = null): Promise<SessionState> {
    const sequence = ++this.sequence;
    if (this.current.status === "error") this.set({ status: "loading" });
    const result = await fetchMe();
    if (sequence !== this.sequence) return this.current;
    if (!result.ok) {
      // Keep a known user on a passing failure; only a first check shows the error.
      if (this.current.status !== "signedIn") this.set({ status: "error", problem: result.problem });
    } else if (result.value === null) {
      this.set({ status: "signedOut", reason: this.current.status === "signedIn" ? reason : null });
    } else {
      this.set({ status: "signedIn", user: result.value });
    }
    return this.current;
  }

  /** Signs in (cookie), then reads the account. */
  async signIn(email: string, password: string): Promise<Result<CurrentUser>> {
    const sequence = ++this.sequence;
    const logged = await login(email, password);
    if (!logged.ok) return logged;
    // Read the account back (unless the login answer carried it): this also proves the cookie was kept.
    const me = logged.value !== null ? logged : await fetchMe();
    if (!me.ok) return me;
    if (me.value === null) {
      // The cookie was not kept (e.g. blocked by the browser).
      return { ok: false, problem: toProblem(401, { code: "cookies-blocked" }) };
    }
    // The account's language is the default from now on (the menu can still switch it).
    setLanguage(me.value.language);
    // The newest answer wins; a sign-in is otherwise authoritative.
    if (sequence === this.sequence || this.current.status !== "signedIn") this.set({ status: "signedIn", user: me.value });
    return { ok: true, value: me.value };
  }

  async signOut(): Promise<void> {
    ++this.sequence;
    // Stop the hub before the cookie goes away, then forget the user even if the call fails.
    this.set({ status: "signedOut", reason: "signedOut" });
    await logout();
  }

  /** A signed-in request was answered 401: check, and sign out if the session is gone. */
  expired(): void {
    if (this.current.status === "signedIn") void this.refresh("expired");
  }

  private set(state: SessionState): void {
    const wasSignedIn = this.current.status === "signedIn";
    this.current = state;
    if (wasSignedIn && state.status !== "signedIn") for (const listener of this.signOutListeners) listener();
    for (const listener of this.listeners) listener(state);
  }
}

export const session = new Session();

/**
 * A signed-in request was answered 401 (the session cookie expired or was revoked):
 * the REST client and the live hub client call this.
 */
export function reportUnauthorized(): void {
  session.expired();
}

export function useSession(): SessionState {
  const [state, setState] = useState(session.state);
  useEffect(() => {
    setState(session.state);
    return session.listen(setState);
  }, []);
  return state;
}
