// One open workshop page: the first view by REST (fast, and tells "not found" / "forbidden"), then the live topic
// "workshop:{id}": a snapshot (the whole session shaped for this connection) on a catch-up from too far behind, else
// deltas applied to the view held (deltas.ts), so a vote costs a phone a few hundred bytes. After a reconnect the
// shared live client subscribes again with the last version and gets the deltas missed, or a snapshot.
// The page marks its user present (join) on each (re)subscription, and absent (leave) when it closes.

import type { ProblemDetails } from "../auth/problem";
import { problemMessage } from "../auth/problem";
import { send } from "../auth/authApi";
import { reportUnauthorized } from "../auth/session";
import { parseHubError, type HubError } from "../live/hubErrors";
import { liveClient, OfflineError, type LiveClient } from "../live/liveClient";
import type { LiveEvent } from "../types";
import { applyDelta } from "./deltas";
import { clockOffset, NO_CLOCK_SYNC, observeServerClock, type ClockSync } from "./logic";
import type { WorkshopCommand, WorkshopDelta, WorkshopView } from "./types";

export type SessionLoad =
  | { readonly status: "loading" }
  | { readonly status: "failed"; readonly problem: ProblemDetails }
  | { readonly status: "loaded"; readonly view: WorkshopView; readonly offsetMs: number };

/** Why a command was refused (the hub's refusal, or an error without a code and its text), or that the link is down. */
export type CommandFailure =
  | { readonly kind: "offline" }
  | { readonly kind: "refused"; readonly code: HubError["code"] | null; readonly message: string };

export class WorkshopLiveSession {
  private load: SessionLoad = { status: "loading" };
  private sync: ClockSync = NO_CLOCK_SYNC;
  private version: number | null = null;
  private readonly listeners = new Set<(load: SessionLoad) => void>();
  private unsubscribe: (() => void) | null = null;
  private closed = false;

  constructor(
    readonly id: string,
    private readonly client: LiveClient = liveClient(),
  ) {}

  get current(): SessionLoad {
    return this.load;
  }

  listen(listener: (load: SessionLoad) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async open(): Promise<void> {
    const result = await send("GET", `/api/workshops/${encodeURIComponent(this.id)}`);
    if (this.closed) return;
    if (!result.ok) {
      if (result.problem.status === 401) reportUnauthorized();
      this.set({ status: "failed", problem: result.problem });
      return;
    }
    const view = (await result.value.json()) as WorkshopView;
    if (this.closed) return;
    this.apply(view, view.meta.version);
    this.unsubscribe = this.client.subscribe(`workshop:${this.id}`, {
      sinceVersion: () => this.version,
      onSubscribed: (answer, buffered) => {
        for (const event of [...answer.events, ...buffered]) this.onEvent(event);
        this.markPresent();
      },
      onEvent: (event) => this.onEvent(event),
    });
  }

  /** Leaves (attendance) and stops following the topic. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.canTakePart()) this.client.invoke("SendWorkshopCommand", this.id, { type: "leave" }).catch(() => undefined);
    this.unsubscribe?.();
    this.listeners.clear();
  }

  /** Sends one command; resolves to null once durable (the new state arrives as an event), else to why not. */
  async command(command: WorkshopCommand): Promise<CommandFailure | null> {
    try {
      await this.client.invoke("SendWorkshopCommand", this.id, command);
      return null;
    } catch (error: unknown) {
      if (error instanceof OfflineError) return { kind: "offline" };
      const refusal = parseHubError(error);
      return { kind: "refused", code: refusal?.code ?? null, message: refusal?.message ?? (error instanceof Error ? error.message : String(error)) };
    }
  }

  private markPresent(): void {
    if (this.canTakePart()) void this.command({ type: "join" });
  }

  private canTakePart(): boolean {
    return this.load.status === "loaded" && this.load.view.phase !== "ended";
  }

  private onEvent(event: LiveEvent): void {
    if (this.version !== null && event.version <= this.version) return;
    if (event.change === "deleted") {
      this.set({ status: "failed", problem: { status: 404, code: "not-found", title: null, detail: null, errors: {}, extensions: {}, retryAfterSeconds: null } });
      return;
    }
    // The whole view comes as a snapshot, and as an update when the details changed (it may change who coaches).
    if (isWholeView(event.data)) {
      this.apply(event.data, event.version);
      return;
    }
    if (this.load.status !== "loaded" || this.version === null) return;
    // A delta applies to the version just before it: after a gap, ask for what was missed (deltas or a snapshot).
    if (event.version !== this.version + 1) {
      this.client.resync(`workshop:${this.id}`);
      return;
    }
    this.apply(applyDelta(this.load.view, event.data as WorkshopDelta, event.version, event.at), event.version);
  }

  private apply(view: WorkshopView, version: number): void {
    this.version = version;
    this.sync = observeServerClock(this.sync, view.timer.serverNow, Date.now());
    this.set({ status: "loaded", view, offsetMs: clockOffset(this.sync) });
  }

  private set(load: SessionLoad): void {
    this.load = load;
    for (const listener of this.listeners) listener(load);
  }
}

/** A whole view carries its meta; a delta never does. */
function isWholeView(data: unknown): data is WorkshopView {
  return typeof data === "object" && data !== null && "meta" in data;
}

/**
 * Text for a refused command: access refusals in the language shown; rule violations in the server's words, which
 * name the rule precisely ("Le vote est clos.").
 */
export function failureText(failure: CommandFailure, offlineText: string): string {
  if (failure.kind === "offline") return offlineText;
  const { code } = failure;
  if (failure.message === "" || code === "forbidden" || code === "unauthenticated") {
    return problemMessage({ status: 400, code, title: failure.message || null, detail: null, errors: {}, extensions: {}, retryAfterSeconds: null });
  }
  return failure.message;
}
