// Unsent plan edits kept in localStorage, so that typing is never lost to a reload, a crash
// or a long disconnection. One entry per page session: key "kaolack.plan.v1:{slug}:{clientId}",
// holding the in-flight op with its seq (only that clientId + seq may be resent: the server
// then answers without applying it twice), the buffer, and the entities those ops touch as
// they were at the version the ops are expressed against (enough to rebase them on whatever
// document the next page loads).
//
// Entries carry a lease: the page that writes one renews it while open and releases it on
// "pagehide". A page that opens the plan adopts the entries of the project whose lease ran out
// or was released (a reload, a closed or crashed tab): it resends their in-flight ops under
// their own clientId and seq, rebases their buffers on its snapshot and takes them over.
// A page that finds its own entry adopted by another (it was frozen past its lease) stops.

import { docFromEntities, opKey, type PlanDoc } from "./planDoc";
import { rebasePending, settleInflight, type InflightFate, type PlanState } from "./planState";
import { parsePlanEntity, parsePlanOp, type PlanEntity, type PlanOp } from "./types";

/** The subset of the Web Storage API used here (localStorage, or a fake in tests). */
export interface KeyValueStorage {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface SavedQueue {
  readonly format: 1;
  /** clientId of the page that holds the entry (second member: read without parsing the rest). */
  readonly owner: string;
  /** Until when (ms since the epoch) the owner holds it; 0 once released. */
  readonly leaseUntil: number;
  readonly projectSlug: string;
  readonly clientId: string;
  /** The version the pending ops are expressed against. */
  readonly version: number;
  readonly nextSeq: number;
  /** Sent, fate unknown: resend it with this seq before anything else. */
  readonly inflight: { readonly seq: number; readonly op: PlanOp } | null;
  readonly buffer: readonly PlanOp[];
  /** The entities the pending ops touch, as at `version` (an entity absent here did not exist). */
  readonly base: readonly PlanEntity[];
  readonly savedAt: number;
}

export type SaveResult =
  /** Written (or removed: nothing pending). */
  | "saved"
  /** Storage unavailable or full: the edits are only in memory. */
  | "failed"
  /** Another page adopted this page's entry: this page must stop editing. */
  | "taken";

const PREFIX = "kaolack.plan.v1:";
export const queueKey = (projectSlug: string, clientId: string): string => `${PREFIX}${projectSlug}:${clientId}`;

export const DEFAULT_LEASE_MS = 90_000;

export interface OfflineQueueOptions {
  readonly now?: () => number;
  /** How long a lease lasts without renewal (background tabs may run timers once a minute). */
  readonly leaseMs?: number;
}

/** What of a state is saved: the pending ops and the entities they touch. */
export function savedQueueOf(state: PlanState, projectSlug: string, owner: string, now: number, leaseUntil: number): SavedQueue | null {
  const inflight = state.inflight;
  if (inflight === null && state.buffer.length === 0) return null;
  const touched = new Set([...(inflight ? [opKey(inflight.op)] : []), ...state.buffer.map(opKey)]);
  const base: PlanEntity[] = [];
  for (const key of touched) {
    const entity = state.server.entities.get(key);
    if (entity !== undefined) base.push(entity);
  }
  return {
    format: 1,
    owner,
    leaseUntil,
    projectSlug,
    clientId: state.clientId,
    version: state.version,
    nextSeq: state.nextSeq,
    inflight: inflight === null ? null : { seq: inflight.seq, op: inflight.op },
    buffer: state.buffer,
    base,
    savedAt: now,
  };
}

const isObject = (value: unknown): value is Readonly<Record<string, unknown>> => typeof value === "object" && value !== null && !Array.isArray(value);
const isInteger = (value: unknown): value is number => typeof value === "number" && Number.isSafeInteger(value);

/** A saved entry from its JSON, or null when it is not one (another format, corrupted). */
export function parseSavedQueue(json: string): SavedQueue | null {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  if (!isObject(value) || value["format"] !== 1) return null;
  const { projectSlug, clientId, version, nextSeq, owner, leaseUntil, savedAt } = value;
  if (typeof projectSlug !== "string" || typeof clientId !== "string" || !isInteger(version) || !isInteger(nextSeq)) return null;
  const rawInflight = value["inflight"];
  let inflight: SavedQueue["inflight"] = null;
  if (rawInflight !== null) {
    if (!isObject(rawInflight) || !isInteger(rawInflight["seq"])) return null;
    const op = parsePlanOp(rawInflight["op"]);
    if (op === null) return null;
    inflight = { seq: rawInflight["seq"], op };
  }
  const rawBuffer = value["buffer"];
  const rawBase = value["base"];
  if (!Array.isArray(rawBuffer) || !Array.isArray(rawBase)) return null;
  const buffer = rawBuffer.map(parsePlanOp);
  const base = rawBase.map(parsePlanEntity);
  if (buffer.some((op) => op === null) || base.some((e) => e === null)) return null;
  return {
    format: 1,
    owner: typeof owner === "string" ? owner : clientId,
    leaseUntil: isInteger(leaseUntil) ? leaseUntil : 0,
    projectSlug,
    clientId,
    version,
    nextSeq,
    inflight,
    buffer: buffer as PlanOp[],
    base: base as PlanEntity[],
    savedAt: isInteger(savedAt) ? savedAt : 0,
  };
}

/** The owner of a saved entry, read from the start of its JSON without parsing the rest. */
function ownerOf(json: string): string | null {
  const match = /^\{"format":1,"owner":("(?:[^"\\]|\\.)*")/.exec(json);
  if (match?.[1] === undefined) return parseSavedQueue(json)?.owner ?? null;
  return JSON.parse(match[1]) as string;
}

/**
 * The unsent edits of an adopted entry rewritten for `target` (the document the adopting page
 * loaded, taken after the entry's in-flight op was resolved with the fate given).
 */
export function recoverOps(saved: SavedQueue, fate: InflightFate | null, target: PlanDoc): PlanOp[] {
  const { base, pending } = settleInflight(docFromEntities(saved.base), saved.inflight?.op ?? null, saved.buffer, fate ?? "unsent");
  return rebasePending(base, target, pending);
}

/** The entry of one page session for one project, and the adoption of abandoned ones. */
export class OfflineQueue {
  private readonly now: () => number;
  private readonly leaseMs: number;
  /** True while this page has an entry written (so a missing one means it was adopted). */
  private written = false;
  private last: SavedQueue | null = null;
  private readonly adopted = new Set<string>();

  constructor(
    private readonly storage: KeyValueStorage | null,
    readonly projectSlug: string,
    readonly clientId: string,
    options: OfflineQueueOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  }

  private get key(): string {
    return queueKey(this.projectSlug, this.clientId);
  }

  private read(key: string): SavedQueue | null {
    try {
      const json = this.storage?.getItem(key) ?? null;
      return json === null ? null : parseSavedQueue(json);
    } catch {
      return null;
    }
  }

  private write(key: string, saved: SavedQueue): boolean {
    try {
      this.storage?.setItem(key, JSON.stringify(saved));
      return this.storage !== null;
    } catch {
      return false; // QuotaExceededError, or storage disabled
    }
  }

  /** Writes the state's pending edits (removes the entry when there are none). */
  save(state: PlanState): SaveResult {
    if (this.storage === null) return "failed";
    let current: string | null;
    try {
      current = this.storage.getItem(this.key);
    } catch {
      return "failed";
    }
    if ((current !== null && ownerOf(current) !== this.clientId) || (current === null && this.written)) return "taken";
    const now = this.now();
    const saved = savedQueueOf(state, this.projectSlug, this.clientId, now, now + this.leaseMs);
    this.last = saved;
    if (saved === null) {
      try {
        this.storage.removeItem(this.key);
      } catch {
        // nothing to do
      }
      this.written = false;
      return "saved";
    }
    if (!this.write(this.key, saved)) return "failed";
    this.written = true;
    return "saved";
  }

  /** Extends the leases of this page's entry and of the entries it is adopting. */
  renew(): void {
    const until = this.now() + this.leaseMs;
    for (const key of [this.key, ...[...this.adopted].map((id) => queueKey(this.projectSlug, id))]) {
      const saved = this.read(key);
      if (saved !== null && saved.owner === this.clientId) this.write(key, { ...saved, leaseUntil: until });
    }
  }

  /** Gives up the leases (the page is going away): the next page adopts the entries at once. */
  release(): void {
    for (const key of [this.key, ...[...this.adopted].map((id) => queueKey(this.projectSlug, id))]) {
      const saved = this.read(key);
      if (saved !== null && saved.owner === this.clientId) this.write(key, { ...saved, leaseUntil: 0 });
    }
  }

  /** The entries of this project that no page holds any more, now held by this page. */
  adoptAbandoned(): SavedQueue[] {
    const storage = this.storage;
    if (storage === null) return [];
    const now = this.now();
    const prefix = queueKey(this.projectSlug, "");
    const keys: string[] = [];
    try {
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i);
        if (key !== null && key.startsWith(prefix) && key !== this.key) keys.push(key);
      }
    } catch {
      return [];
    }
    const result: SavedQueue[] = [];
    for (const key of keys) {
      const saved = this.read(key);
      if (saved === null) {
        // Unreadable (an older format or corrupted): nothing can be done with it.
        continue;
      }
      if (saved.projectSlug !== this.projectSlug || key !== queueKey(saved.projectSlug, saved.clientId)) continue;
      if (saved.owner !== this.clientId && saved.leaseUntil > now) continue;
      const claimed: SavedQueue = { ...saved, owner: this.clientId, leaseUntil: now + this.leaseMs };
      if (this.write(key, claimed)) {
        this.adopted.add(saved.clientId);
        result.push(claimed);
      }
    }
    return result;
  }

  /** True while this page still holds the adopted entry of `clientId` (no other page took it meanwhile). */
  holds(clientId: string): boolean {
    return this.read(queueKey(this.projectSlug, clientId))?.owner === this.clientId;
  }

  /** Removes an adopted entry once its edits are in this page's own entry. */
  forget(clientId: string): void {
    this.adopted.delete(clientId);
    try {
      this.storage?.removeItem(queueKey(this.projectSlug, clientId));
    } catch {
      // nothing to do
    }
  }

  /** What was last saved (for tests and diagnostics). */
  get lastSaved(): SavedQueue | null {
    return this.last;
  }
}
