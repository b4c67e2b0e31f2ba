// Plan co-editing over the /hubs/live SignalR hub: the planState machine wired to a
// connection, with the offline queue.
//
// - The connection is injected (PlanHub: what this needs of @microsoft/signalr's
//   HubConnection), so the page decides whether it shares the live client's connection, and
//   tests use a fake. The client follows onreconnecting/onreconnected/onclose; whoever starts
//   the connection (or restarts it after onclose) calls connected().
// - On (re)connection: Subscribe("plan:{slug}", last version) applies what was missed. When
//   a snapshot comes instead, the op in flight is resent first with its seq (the server answers
//   without applying it twice) so its fate is known, then pending edits are rebased on the
//   snapshot. Then the op in flight, if still unanswered, is resent with its seq.
// - One op in flight: the next is sent once the server's event for it has arrived (the ack
//   may come first; a missing event is fetched with Subscribe after a while).
// - Events arriving out of order wait for the missing versions (fetched after a short wait).
// - Every change of the pending edits is written to the offline queue before anything is
//   sent; a new page adopts the entries of pages that went away and sends their edits.
// - Passing failures ("unavailable: {seconds}" during a fail-over, a call without an answer)
//   keep the op and send it again after the time the server asks, without telling the user.
// - A plan the server holds read-only ("plan-read-only": its log cannot be read) keeps the
//   edits pending, says "read-only" and tries again every readOnlyRetryMs.
// - A server found behind what this page had received ("ahead-of-server", or a catch-up at an
//   older version: its store lost acknowledged ops) is taken as it is: pending edits are
//   rebased onto it, and what this page had where it differs is reported ("server-behind",
//   with the fields), so what was lost can be typed back.

import { OfflineQueue, recoverOps, type KeyValueStorage, type SavedQueue } from "./offlineQueue";
import type { PlanDoc } from "./planDoc";
import {
  appendRecovered,
  createPlanState,
  localEdit,
  PlanDesyncError,
  receiveAck,
  receiveChange,
  recoveredFields,
  rejectInflight,
  resetToSnapshot,
  resubmission,
  syncStatus,
  takeSubmission,
  type InflightFate,
  type PlanState,
  type RecoveredField,
  type SyncStatus,
  type TextEffect,
} from "./planState";
import {
  parsePlanAck,
  parsePlanChange,
  parsePlanSnapshot,
  planTopic,
  PLAN_LIMITS,
  type PlanChange,
  type PlanOp,
  type PlanSnapshot,
  type PlanSubmission,
} from "./types";
import { parseHubError } from "../live/hubErrors";
import { AHEAD_OF_SERVER_RULE, PLAN_READ_ONLY_RULE, RESYNC_RULE } from "../wire/contract";

/** What the plan client needs of a SignalR HubConnection (which satisfies it as is). */
export interface PlanHub {
  /** "Connected" when calls can be made (HubConnectionState). */
  readonly state: string;
  invoke<T = unknown>(methodName: string, ...args: unknown[]): Promise<T>;
  on(methodName: string, handler: (...args: unknown[]) => void): void;
  off(methodName: string, handler: (...args: unknown[]) => void): void;
  onreconnecting(callback: (error?: Error) => void): void;
  onreconnected(callback: (connectionId?: string) => void): void;
  onclose(callback: (error?: Error) => void): void;
}

export interface Timers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const defaultTimers: Timers = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface PlanClientOptions {
  readonly hub: PlanHub;
  readonly projectSlug: string;
  /** This page session's id (default: random). */
  readonly clientId?: string;
  /** Where unsent edits survive a reload (default: localStorage when there is one; null: nowhere). */
  readonly storage?: KeyValueStorage | null;
  readonly now?: () => number;
  readonly timers?: Timers;
  /** How long to wait for an acknowledged op's event before fetching it. */
  readonly ackWaitMs?: number;
  /** How long to wait for missing versions before fetching them. */
  readonly gapWaitMs?: number;
  /** Delays between retries of failed calls while connected (the last one repeats). */
  readonly retryDelaysMs?: readonly number[];
  /** Lease of the offline queue entry (see offlineQueue.ts). */
  readonly leaseMs?: number;
  /** How often an edit refused because the plan is read-only is tried again. */
  readonly readOnlyRetryMs?: number;
}

export type PlanConnection =
  /** Not connected: edits are kept and sent later. */
  | "offline"
  /** Loading the document or catching up. */
  | "syncing"
  | "live"
  /** The plan cannot be edited for now (its log cannot be read on the server): edits wait and are tried again. */
  | "read-only"
  /** The server refuses this user (signed out, no access) or another page took over: see the error. */
  | "failed";

export interface PlanClientEvent {
  readonly view: PlanDoc;
  readonly status: SyncStatus;
  /** Text changes made by others since the last event (to move carets and selections). */
  readonly effects: readonly TextEffect[];
  /** The view was replaced wholesale (first load, snapshot): carets cannot be mapped. */
  readonly reset: boolean;
}

export type PlanClientErrorKind =
  /** The server refused one of our ops for good (its effect was removed). */
  | "rejected"
  /** Signed out, no access to the project, or the project is gone. */
  | "forbidden"
  /** Edits recovered or rebased that no longer apply were left out. */
  | "lost"
  /** The browser storage is full or disabled: edits are only in memory. */
  | "storage"
  /** Another page adopted this page's unsent edits (this page was frozen too long): reload. */
  | "taken"
  /** The server's store lost edits it had acknowledged: the plan went back; `recovered` holds what this page had. */
  | "server-behind";

export interface PlanClientError {
  readonly kind: PlanClientErrorKind;
  readonly message: string;
  /** For "server-behind": the fields as this page had them where the plan now differs. */
  readonly recovered?: readonly RecoveredField[];
}

type HubErrorClass = "transient" | "resync" | "ahead" | "read-only" | "rejected" | "forbidden";

function classify(error: unknown): HubErrorClass {
  const refusal = parseHubError(error);
  switch (refusal?.code) {
    case undefined:
    // Over the hub budget, or the service passing through a fail-over: nothing was done, the same call goes through later.
    case "throttled":
    case "unavailable":
      return "transient";
    case "rule-violation":
      switch (refusal?.rule) {
        case RESYNC_RULE:
          return "resync";
        case AHEAD_OF_SERVER_RULE:
          return "ahead";
        case PLAN_READ_ONLY_RULE:
          return "read-only";
        default:
          return "rejected";
      }
    case "unauthenticated":
    case "signed-out":
    case "access-removed":
    case "forbidden":
    case "not-found":
    case "invalid-topic":
    case "too-many-topics":
      return "forbidden";
    default:
      return "rejected";
  }
}

function randomId(prefix: string): string {
  const alphabet = "0123456789abcdefghijklmnopqrstuvwxyz";
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return prefix + Array.from(bytes, (b) => alphabet.charAt(b % alphabet.length)).join("");
}

/** A random id for a new entity (ids are never reused, even after a delete). */
export const newEntityId = (): string => randomId("").slice(0, 16);

const defaultStorage = (): KeyValueStorage | null => {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null; // access denied (e.g. storage disabled)
  }
};

export class PlanClient {
  readonly projectSlug: string;
  readonly clientId: string;
  readonly topic: string;
  private readonly hub: PlanHub;
  private readonly queue: OfflineQueue;
  private readonly timers: Timers;
  private readonly ackWaitMs: number;
  private readonly gapWaitMs: number;
  private readonly retryDelaysMs: readonly number[];
  private readonly leaseMs: number;
  private readonly readOnlyRetryMs: number;

  private planState: PlanState | null = null;
  private connectionState: PlanConnection = "offline";
  private started = false;
  private stopped = false;
  /** Incremented on every connection change: work of an earlier connection is ignored. */
  private epoch = 0;
  /** The epoch a Subscribe/catch-up runs for (events are held meanwhile), or null. */
  private syncingEpoch: number | null = null;
  private syncAgain: "since" | "snapshot" | null = null;
  private held: unknown[] = [];
  /** Events after a missing version, by version. */
  private readonly ahead = new Map<number, PlanChange>();
  /** Seq whose SubmitPlanOp call is outstanding on the current connection. */
  private sendingSeq: number | null = null;
  private failures = 0;
  private adopted: SavedQueue[] = [];
  private readonly timerHandles = new Map<string, unknown>();
  private readonly listeners = new Set<(event: PlanClientEvent) => void>();
  private readonly errorListeners = new Set<(error: PlanClientError) => void>();
  private readonly connectionListeners = new Set<(state: PlanConnection) => void>();
  private storageFailed = false;
  /** Another page adopted our edits: this client never sends again. */
  private taken = false;
  /** The server holds the plan read-only ("plan-read-only"): edits wait until one is taken. */
  private readOnly = false;

  private readonly onEvent = (...args: unknown[]): void => this.handleEvent(args[0]);
  /** The server stopped sending the plan: the reader was removed from the project (target "Revoked"). */
  private readonly onRevoked = (...args: unknown[]): void => {
    if (args[0] !== this.topic || this.stopped) return;
    this.epoch++;
    this.fail("forbidden", parseHubError(args[1])?.message ?? String(args[1]));
  };
  private readonly onPageHide = (event: Event): void => {
    if (!(event as PageTransitionEvent).persisted) this.queue.release();
  };

  constructor(options: PlanClientOptions) {
    this.hub = options.hub;
    this.projectSlug = options.projectSlug;
    this.topic = planTopic(options.projectSlug);
    this.clientId = options.clientId ?? randomId("c-");
    if (this.clientId.length === 0 || this.clientId.length > PLAN_LIMITS.clientIdLength) throw new Error("clientId: 1 to 64 characters");
    this.timers = options.timers ?? defaultTimers;
    this.ackWaitMs = options.ackWaitMs ?? 4_000;
    this.gapWaitMs = options.gapWaitMs ?? 500;
    this.retryDelaysMs = options.retryDelaysMs ?? [1_000, 2_000, 5_000, 10_000];
    this.leaseMs = options.leaseMs ?? 90_000;
    this.readOnlyRetryMs = options.readOnlyRetryMs ?? 15_000;
    const storage = options.storage === undefined ? defaultStorage() : options.storage;
    this.queue = new OfflineQueue(storage, options.projectSlug, this.clientId, {
      leaseMs: this.leaseMs,
      ...(options.now ? { now: options.now } : {}),
    });
  }

  // ---------- public API ----------

  /** The document as this client shows it (null until loaded). */
  get view(): PlanDoc | null {
    return this.planState?.view ?? null;
  }

  /** The whole state machine (for diagnostics and tests). */
  get state(): PlanState | null {
    return this.planState;
  }

  get status(): SyncStatus | null {
    return this.planState === null ? null : syncStatus(this.planState);
  }

  get connection(): PlanConnection {
    return this.connectionState;
  }

  /** Starts following the plan: adopts abandoned edits, and loads the document once connected. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.hub.on("event", this.onEvent);
    this.hub.on("revoked", this.onRevoked);
    this.hub.onreconnecting(() => this.disconnected());
    this.hub.onreconnected(() => this.connected());
    this.hub.onclose(() => this.disconnected());
    this.adopted = this.queue.adoptAbandoned();
    this.every("lease", Math.max(1_000, Math.floor(this.leaseMs / 4)), () => this.queue.renew());
    if (typeof window !== "undefined") window.addEventListener("pagehide", this.onPageHide);
    if (this.hub.state === "Connected") this.connected();
  }

  /** Stops following the plan. Unsent edits stay in storage for the next page that opens it. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.epoch++;
    for (const handle of this.timerHandles.values()) this.timers.clear(handle);
    this.timerHandles.clear();
    this.hub.off("event", this.onEvent);
    this.hub.off("revoked", this.onRevoked);
    if (typeof window !== "undefined") window.removeEventListener("pagehide", this.onPageHide);
    this.queue.release();
    if (this.hub.state === "Connected") this.hub.invoke("Unsubscribe", this.topic).catch(() => undefined);
  }

  /** The connection is (again) usable: catch up and send. Called on onreconnected, and by whoever (re)starts the connection. */
  connected(): void {
    if (this.stopped || !this.started || this.taken) return;
    // A refusal (signed out, no access) may be over with a new connection.
    if (this.connectionState === "failed") this.connectionState = "offline";
    this.epoch++;
    this.sendingSeq = null;
    this.failures = 0;
    this.syncingEpoch = null;
    void this.sync("since");
  }

  /** The connection was lost: edits are kept until connected() is called. */
  disconnected(): void {
    if (this.stopped) return;
    this.epoch++;
    this.sendingSeq = null;
    this.syncingEpoch = null;
    this.clearTimer("ack");
    this.clearTimer("gap");
    this.clearTimer("retry");
    if (this.connectionState !== "failed") this.setConnection("offline");
  }

  /** A local edit: shown at once, saved, sent when possible. Throws PlanOpError when the server would refuse it. */
  edit(op: PlanOp): void {
    if (this.stopped) throw new Error("The plan client is stopped.");
    if (this.planState === null) throw new Error("The plan is not loaded yet.");
    this.planState = localEdit(this.planState, op);
    this.persist();
    this.emit([], false);
    this.pump();
  }

  onChange(listener: (event: PlanClientEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onError(listener: (error: PlanClientError) => void): () => void {
    this.errorListeners.add(listener);
    return () => this.errorListeners.delete(listener);
  }

  onConnectionChange(listener: (state: PlanConnection) => void): () => void {
    this.connectionListeners.add(listener);
    listener(this.connectionState);
    return () => this.connectionListeners.delete(listener);
  }

  // ---------- notifications ----------

  private emit(effects: readonly TextEffect[], reset: boolean): void {
    const state = this.planState;
    if (state === null) return;
    const event: PlanClientEvent = { view: state.view, status: syncStatus(state), effects, reset };
    for (const listener of this.listeners) listener(event);
  }

  private report(kind: PlanClientErrorKind, message: string, recovered?: readonly RecoveredField[]): void {
    const error: PlanClientError = recovered === undefined ? { kind, message } : { kind, message, recovered };
    for (const listener of this.errorListeners) listener(error);
  }

  private setConnection(state: PlanConnection): void {
    if (state === this.connectionState) return;
    this.connectionState = state;
    for (const listener of this.connectionListeners) listener(state);
  }

  /** The plan takes no edit for now: say so (edits stay pending), and "live" again once one is taken. */
  private setReadOnly(readOnly: boolean): void {
    if (readOnly === this.readOnly) return;
    this.readOnly = readOnly;
    if (this.connectionState === "live" || this.connectionState === "read-only") this.setConnection(readOnly ? "read-only" : "live");
  }

  private fail(kind: PlanClientErrorKind, message: string): void {
    this.setConnection("failed");
    this.report(kind, message);
  }

  // ---------- timers ----------

  private after(name: string, ms: number, callback: () => void): void {
    this.clearTimer(name);
    this.timerHandles.set(
      name,
      this.timers.set(() => {
        this.timerHandles.delete(name);
        if (!this.stopped) callback();
      }, ms),
    );
  }

  private every(name: string, ms: number, callback: () => void): void {
    this.after(name, ms, () => {
      callback();
      this.every(name, ms, callback);
    });
  }

  private clearTimer(name: string): void {
    const handle = this.timerHandles.get(name);
    if (handle !== undefined) this.timers.clear(handle);
    this.timerHandles.delete(name);
  }

  /** The next wait after a failure: the server's when it gave one ("unavailable: {seconds}"), else the backoff. */
  private retryDelay(error?: unknown): number {
    const delays = this.retryDelaysMs;
    const delay = delays[Math.min(this.failures, delays.length - 1)] ?? 5_000;
    this.failures++;
    return parseHubError(error)?.retryAfterMs ?? delay;
  }

  // ---------- persistence ----------

  /** Saves the pending edits; false when this page must stop (another page took them over). */
  private persist(): boolean {
    const state = this.planState;
    if (state === null) return true;
    const result = this.queue.save(state);
    if (result === "taken") {
      this.taken = true;
      this.fail("taken", "Another page took over the unsent edits of this one: reload the plan.");
      this.stop();
      return false;
    }
    if (result === "failed" && !this.storageFailed) {
      this.storageFailed = true;
      this.report("storage", "Unsent edits cannot be saved in this browser: they would be lost if the page closed.");
    } else if (result === "saved") {
      this.storageFailed = false;
    }
    return true;
  }

  // ---------- catching up ----------

  private get canCall(): boolean {
    return !this.stopped && this.started && this.connectionState !== "failed" && this.hub.state === "Connected";
  }

  private async sync(mode: "since" | "snapshot"): Promise<void> {
    if (!this.canCall) return;
    if (this.syncingEpoch === this.epoch) {
      if (this.syncAgain !== "snapshot") this.syncAgain = mode;
      return;
    }
    const epoch = this.epoch;
    this.syncingEpoch = epoch;
    this.syncAgain = null;
    this.held = [];
    this.setConnection("syncing");
    try {
      if (this.planState === null) await this.load(epoch);
      else await this.catchUp(epoch, mode);
    } catch (error: unknown) {
      if (epoch !== this.epoch) return; // superseded by a connection change
      this.syncingEpoch = null;
      if (error instanceof PlanDesyncError) {
        // Something did not fit: start again from a snapshot.
        this.after("retry", this.retryDelay(), () => void this.sync("snapshot"));
      } else if (classify(error) === "forbidden") {
        this.fail("forbidden", error instanceof Error ? error.message : String(error));
      } else {
        this.after("retry", this.retryDelay(error), () => void this.sync(mode));
      }
      return;
    }
    if (epoch !== this.epoch) return;
    this.syncingEpoch = null;
    this.failures = 0;
    this.setConnection(this.readOnly ? "read-only" : "live");
    const held = this.held;
    this.held = [];
    for (const event of held) this.handleEvent(event);
    const again = this.syncAgain;
    this.syncAgain = null;
    if (again !== null) {
      void this.sync(again);
      return;
    }
    this.pump();
  }

  private async subscribe(epoch: number, sinceVersion: number | null): Promise<readonly unknown[]> {
    const result: unknown = await this.hub.invoke("Subscribe", this.topic, sinceVersion);
    this.checkEpoch(epoch);
    const events = typeof result === "object" && result !== null ? (result as { events?: unknown }).events : undefined;
    if (!Array.isArray(events)) throw new PlanDesyncError("Subscribe answered without events");
    return events as readonly unknown[];
  }

  private checkEpoch(epoch: number): void {
    if (epoch !== this.epoch) throw new SupersededError();
  }

  /**
   * A Subscribe answer: the last snapshot in it, if any, and the changes after it. (The hub
   * appends what happened while it joined the group, so a snapshot may be followed by changes.)
   */
  private static split(events: readonly unknown[]): { snapshot: PlanSnapshot | null; changes: readonly unknown[] } {
    let at = -1;
    events.forEach((event, i) => {
      if (typeof event === "object" && event !== null && (event as { change?: unknown }).change === "snapshot") at = i;
    });
    if (at < 0) return { snapshot: null, changes: events };
    const snapshot = parsePlanSnapshot((events[at] as { data?: unknown }).data);
    if (snapshot === null) throw new PlanDesyncError("Malformed plan snapshot");
    return { snapshot, changes: events.slice(at + 1) };
  }

  private async subscribeForSnapshot(epoch: number): Promise<{ snapshot: PlanSnapshot; changes: readonly unknown[] }> {
    const { snapshot, changes } = PlanClient.split(await this.subscribe(epoch, null));
    if (snapshot === null) throw new PlanDesyncError("Subscribe without a version answered without a snapshot");
    return { snapshot, changes };
  }

  /**
   * Resends an op whose fate is unknown with its clientId and seq: the answer says whether the
   * server applied it (now or before), dropped it, or never had it (too old to apply now).
   */
  private async resolve(epoch: number, submission: PlanSubmission): Promise<{ fate: InflightFate; version: number | null }> {
    try {
      const raw = await this.hub.invoke("SubmitPlanOp", this.projectSlug, submission);
      this.checkEpoch(epoch);
      const ack = parsePlanAck(raw);
      if (ack === null) throw new PlanDesyncError("Malformed ack");
      return ack.version === null ? { fate: "dropped", version: null } : { fate: "applied", version: ack.version };
    } catch (error: unknown) {
      if (error instanceof SupersededError || error instanceof PlanDesyncError) throw error;
      this.checkEpoch(epoch);
      const kind = classify(error);
      // Never applied: its base is too old, or ahead of a plan that lost ops; or the plan takes no edit for now.
      if (kind === "resync" || kind === "ahead" || kind === "read-only") return { fate: "unsent", version: null };
      if (kind === "rejected") {
        this.report("rejected", error instanceof Error ? error.message : String(error));
        return { fate: "rejected", version: null };
      }
      throw error;
    }
  }

  /** First load: settle adopted in-flight ops, take a snapshot, add the adopted edits. */
  private async load(epoch: number): Promise<void> {
    const fates = new Map<string, InflightFate>();
    for (const saved of this.adopted) {
      if (saved.inflight === null) continue;
      const { fate } = await this.resolve(epoch, { clientId: saved.clientId, seq: saved.inflight.seq, baseVersion: saved.version, op: saved.inflight.op });
      fates.set(saved.clientId, fate);
    }
    // Taken after the adopted ops were answered (answers come once durable), so it includes them.
    const { snapshot, changes } = await this.subscribeForSnapshot(epoch);
    let state = createPlanState(this.clientId, snapshot);
    let lost = 0;
    const recovered: string[] = [];
    for (const saved of this.adopted) {
      if (!this.queue.holds(saved.clientId)) continue; // another page adopted it meanwhile
      const result = appendRecovered(state, recoverOps(saved, fates.get(saved.clientId) ?? null, state.server));
      state = result.state;
      lost += result.lost;
      recovered.push(saved.clientId);
    }
    this.planState = state;
    if (!this.persist()) throw new SupersededError();
    for (const clientId of recovered) this.queue.forget(clientId);
    this.adopted = [];
    if (lost > 0) this.report("lost", `${lost} recovered edit(s) no longer applied to the plan and were left out.`);
    this.emit([], true);
    for (const event of changes) this.handleChangeEvent(event);
  }

  /** After a reconnection, a gap or an inconsistency: fetch what was missed, or start again from a snapshot. */
  private async catchUp(epoch: number, mode: "since" | "snapshot"): Promise<void> {
    const before = this.planState!;
    let { snapshot, changes } = PlanClient.split(await this.subscribe(epoch, mode === "snapshot" ? null : before.version));
    if (snapshot !== null) {
      let fate: InflightFate | undefined;
      const state = this.planState!;
      // The server answered for its plan as stored: older than ours, its store lost ops we had received.
      const behind = state.version > snapshot.version;
      if (state.inflight !== null) {
        const resolved =
          state.version > snapshot.version
            ? // The server is behind us (restored from an older backup): it cannot have our op.
              { fate: "unsent" as const, version: null }
            : await this.resolve(epoch, resubmission(state)!);
        fate = resolved.fate;
        if (resolved.version !== null && resolved.version > snapshot.version) {
          // Applied after that snapshot was taken: take one that includes it.
          ({ snapshot, changes } = await this.subscribeForSnapshot(epoch));
        }
      }
      const current = this.planState!;
      this.planState = resetToSnapshot(current, snapshot, current.inflight === null ? undefined : fate);
      this.ahead.clear();
      this.persist();
      this.emit([], true);
      if (behind) {
        this.report(
          "server-behind",
          `The server's plan went back from v${current.version} to v${snapshot.version}: edits it had acknowledged were lost.`,
          recoveredFields(current.server, this.planState.server),
        );
      }
    }
    for (const event of changes) this.handleChangeEvent(event);
  }

  // ---------- the event feed ----------

  private handleEvent(event: unknown): void {
    if (this.stopped || typeof event !== "object" || event === null) return;
    if ((event as { topic?: unknown }).topic !== this.topic) return;
    if (this.syncingEpoch !== null || this.planState === null) {
      this.held.push(event);
      return;
    }
    if ((event as { change?: unknown }).change === "snapshot") {
      void this.sync("snapshot");
      return;
    }
    this.handleChangeEvent(event);
    this.pump();
  }

  private handleChangeEvent(event: unknown): void {
    const change = parsePlanChange((event as { data?: unknown }).data);
    if (change === null) {
      void this.resync();
      return;
    }
    this.applyChange(change);
  }

  private resync(): void {
    this.after("retry", 0, () => void this.sync("snapshot"));
  }

  private applyChange(change: PlanChange): void {
    let state = this.planState;
    if (state === null) return;
    const effects: TextEffect[] = [];
    let next: PlanChange | undefined = change;
    try {
      while (next !== undefined) {
        const result = receiveChange(state, next);
        if (result.outcome === "gap") {
          this.ahead.set(next.version, next);
          this.after("gap", this.gapWaitMs, () => void this.sync("since"));
          break;
        }
        state = result.state;
        effects.push(...result.effects);
        next = this.ahead.get(state.version + 1);
        this.ahead.delete(state.version + 1);
      }
    } catch (error: unknown) {
      if (error instanceof PlanDesyncError) {
        this.resync();
        return;
      }
      throw error;
    }
    for (const version of this.ahead.keys()) if (version <= state.version) this.ahead.delete(version);
    if (this.ahead.size === 0) this.clearTimer("gap");
    if (state === this.planState) return;
    this.planState = state;
    if (state.inflight === null) this.clearTimer("ack");
    this.persist();
    this.emit(effects, false);
  }

  // ---------- sending ----------

  /** Sends the next op when possible: one in flight, after the previous one's event. */
  private pump(): void {
    if (!this.canCall || this.syncingEpoch !== null || this.planState === null) return;
    const state = this.planState;
    let submission: PlanSubmission;
    if (state.inflight !== null) {
      if (state.inflight.ackedVersion !== null) {
        // Durable; its event is on the way (fetched if it does not come).
        if (!this.timerHandles.has("ack")) this.armAckWait(state.inflight.seq);
        return;
      }
      // Unanswered on this connection (sent on an earlier one, or the call failed): send again, same seq.
      if (this.sendingSeq === state.inflight.seq) return;
      submission = resubmission(state)!;
    } else {
      const taken = takeSubmission(state);
      if (taken === null) return;
      this.planState = taken.state;
      // Saved with its seq before it leaves: a reload then resends it with the same seq.
      if (!this.persist()) return;
      submission = taken.submission;
    }
    void this.send(submission);
  }

  private async send(submission: PlanSubmission): Promise<void> {
    const epoch = this.epoch;
    this.sendingSeq = submission.seq;
    let raw: unknown;
    try {
      raw = await this.hub.invoke("SubmitPlanOp", this.projectSlug, submission);
    } catch (error: unknown) {
      if (epoch !== this.epoch || this.stopped) return;
      if (this.sendingSeq === submission.seq) this.sendingSeq = null;
      this.submitFailed(submission.seq, error);
      return;
    }
    if (this.stopped) return;
    if (epoch === this.epoch && this.sendingSeq === submission.seq) this.sendingSeq = null;
    this.setReadOnly(false);
    // An answer is the server's word even if it arrives on a connection since lost.
    const ack = parsePlanAck(raw);
    const state = this.planState;
    if (ack === null || state === null) return;
    let result;
    try {
      result = receiveAck(state, submission.seq, ack);
    } catch (error: unknown) {
      if (error instanceof PlanDesyncError) {
        this.resync();
        return;
      }
      throw error;
    }
    if (result.outcome === "ignored") return;
    this.planState = result.state;
    if (result.outcome === "waiting") {
      this.armAckWait(submission.seq);
      return;
    }
    this.failures = 0;
    this.persist();
    this.emit([], false);
    this.pump();
  }

  /** The event of an acknowledged op should come soon; if it does not, fetch it. */
  private armAckWait(seq: number): void {
    this.after("ack", this.ackWaitMs, () => {
      if (this.planState?.inflight?.seq === seq) void this.sync("since");
    });
  }

  private submitFailed(seq: number, error: unknown): void {
    const state = this.planState;
    if (state === null || state.inflight?.seq !== seq) return;
    switch (classify(error)) {
      case "transient":
        // The call failed without an answer, or the service asked to wait: resend (same seq) later, or on reconnection.
        if (this.hub.state === "Connected") this.after("retry", this.retryDelay(error), () => this.pump());
        return;
      case "resync":
      case "ahead":
        // A fresh snapshot rebases the op: on the plan as it is now, or as the server still has it after losing ops.
        void this.sync("snapshot");
        return;
      case "read-only":
        this.setReadOnly(true);
        if (this.hub.state === "Connected") this.after("retry", this.readOnlyRetryMs, () => this.pump());
        return;
      case "forbidden":
        this.fail("forbidden", error instanceof Error ? error.message : String(error));
        return;
      case "rejected":
        this.planState = rejectInflight(state);
        this.persist();
        this.report("rejected", error instanceof Error ? error.message : String(error));
        this.emit([], true);
        this.pump();
        return;
    }
  }
}

/** Thrown to abandon work started for a connection that has since changed. */
class SupersededError extends Error {
  override readonly name = "SupersededError";
}
