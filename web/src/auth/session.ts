// Who is signed in. One store for the page: checked with /api/auth/me at start-up,
// changed by sign-in and sign-out, and re-checked when a request is answered 401.

import { useEffect, useState } from "preact/hooks";
import { setLanguage } from "../i18n/language";
import type { CurrentUser } from "../types";
import { fetchMe, login, logout, logoutEverywhere, type Result } from "./authApi";
import { toProblem, type ProblemDetails } from "./problem";

export type SessionState =
  | { readonly status: "loading" }
  /** /api/auth/me could not be answered (network, server error). */
  | { readonly status: "error"; readonly problem: ProblemDetails }
  | { readonly status: "signedOut"; readonly reason: "expired" | "signedOut" | null }
  | { readonly status: "signedIn"; readonly user: CurrentUser }
  /** A workshop guest (joined by code, no account): sees that workshop only. */
  | { readonly status: "guest"; readonly guest: GuestSession };

/** Who a guest is: the session cookie is HttpOnly, so the page keeps what the join answered. */
export interface GuestSession {
  readonly workshopId: string;
  readonly displayName: string;
}

const GUEST_KEY = "kaolack.guest";

function storedGuest(): GuestSession | null {
  try {
    const raw = globalThis.localStorage?.getItem(GUEST_KEY);
    const value: unknown = raw ? JSON.parse(raw) : null;
    if (typeof value !== "object" || value === null) return null;
    const { workshopId, displayName } = value as Record<string, unknown>;
    return typeof workshopId === "string" && typeof displayName === "string" ? { workshopId, displayName } : null;
  } catch {
    return null;
  }
}

function storeGuest(guest: GuestSession | null): void {
  try {
    if (guest === null) globalThis.localStorage?.removeItem(GUEST_KEY);
    else globalThis.localStorage?.setItem(GUEST_KEY, JSON.stringify(guest));
  } catch {
    // Storage refused: the guest stays in for this page, and a reload asks for the code again.
  }
}

/** Who the session is, to tell when it ends or changes hands. */
function identity(state: SessionState): string | null {
  if (state.status === "signedIn") return `user:${state.user.email}`;
  return state.status === "guest" ? `guest:${state.guest.workshopId}` : null;
}

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
    // A guest's session is refused everything but its workshop, /api/auth/me included.
    const guest = storedGuest();
    if (!result.ok && result.problem.status === 403 && guest !== null) {
      this.set({ status: "guest", guest });
    } else if (!result.ok) {
      // Keep a known user on a passing failure; only a first check shows the error.
      if (this.current.status !== "signedIn") this.set({ status: "error", problem: result.problem });
    } else if (result.value === null) {
      storeGuest(null);
      this.set({ status: "signedOut", reason: this.current.status === "signedIn" || this.current.status === "guest" ? reason : null });
    } else {
      storeGuest(null);
      // The account's language, chosen on any device, is the page's.
      setLanguage(result.value.language);
      this.set({ status: "signedIn", user: result.value });
    }
    return this.current;
  }

  /** Signed in by another way than the password form (an address just verified), or the account changed (my account). */
  signedIn(user: CurrentUser): void {
    ++this.sequence;
    storeGuest(null);
    setLanguage(user.language);
    this.set({ status: "signedIn", user });
  }

  /** Ends every session of the account on the server, then this page's. */
  async signOutEverywhere(): Promise<Result<void>> {
    const result = await logoutEverywhere();
    if (result.ok) {
      ++this.sequence;
      this.set({ status: "signedOut", reason: "signedOut" });
    }
    return result;
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

  /** Joined a workshop by code without an account: the server set a guest cookie. */
  joinedAsGuest(guest: GuestSession): void {
    ++this.sequence;
    storeGuest(guest);
    this.set({ status: "guest", guest });
  }

  async signOut(): Promise<void> {
    storeGuest(null);
    ++this.sequence;
    // Stop the hub before the cookie goes away, then forget the user even if the call fails.
    this.set({ status: "signedOut", reason: "signedOut" });
    await logout();
  }

  /** A signed-in request was answered 401: check, and sign out if the session is gone. */
  expired(): void {
    if (this.current.status === "signedIn" || this.current.status === "guest") void this.refresh("expired");
  }

  private set(state: SessionState): void {
    const was = identity(this.current);
    this.current = state;
    if (was !== null && was !== identity(state)) for (const listener of this.signOutListeners) listener();
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
