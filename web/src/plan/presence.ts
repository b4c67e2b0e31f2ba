// Presence in a plan (docs/PROTOCOL.md → "Presence"): who is here, what they edit, and their
// text cursor. Ephemeral: the server forgets a client that stops refreshing (TTL 15 s), so this
// sends a heartbeat, and LeavePresence when the plan is closed.
//
// Cursors live in two coordinate systems. The server moves everyone's cursor through the ops it
// applies, so a cursor it holds is a position in the server's text. This client shows a view
// with its own pending ops applied on top: a cursor it sends is first taken back through those
// ops (cursorToServer), and a cursor it receives is moved forward through them (cursorToView).

import { pendingOps, type PlanState } from "./planState";
import { codePointLength, deleteLength, transformPosition, type TextOp } from "./textOps";
import { isPlanEntityKind, type PlanEntityKind, type PlanOp } from "./types";
import type { Timers } from "./planClient";
import type { PresenceEntry, PresenceUpdate } from "../wire/contract";

export const presenceTopic = (projectSlug: string): string => `presence:${projectSlug}`;

/** Where this client is: an entity (and a field of it, with the caret in code points) or nowhere in particular. */
export interface PresenceFocus {
  readonly kind: PlanEntityKind;
  readonly entityId: string;
  readonly field: string | null;
  readonly cursor: number | null;
}

export type { PresenceEntry };

/** The entries of a presence event's data ({entries: […]}), malformed ones left out; null when it is not one. */
export function parsePresenceList(data: unknown): PresenceEntry[] | null {
  if (typeof data !== "object" || data === null) return null;
  const entries = (data as { entries?: unknown }).entries;
  if (!Array.isArray(entries)) return null;
  const result: PresenceEntry[] = [];
  for (const raw of entries as unknown[]) {
    if (typeof raw !== "object" || raw === null) continue;
    const e = raw as Record<string, unknown>;
    if (typeof e["clientId"] !== "string" || typeof e["userId"] !== "string") continue;
    const text = (value: unknown): string | null => (typeof value === "string" ? value : null);
    const cursor = e["cursor"];
    result.push({
      clientId: e["clientId"],
      userId: e["userId"],
      displayName: text(e["displayName"]) ?? e["userId"],
      kind: isPlanEntityKind(e["kind"]) ? e["kind"] : null,
      entityId: text(e["entityId"]),
      field: text(e["field"]),
      cursor: typeof cursor === "number" && Number.isSafeInteger(cursor) && cursor >= 0 ? cursor : null,
      seenAt: text(e["seenAt"]) ?? "",
    });
  }
  return result;
}

/**
 * The position in the text before `op` of `position` in the text after it: a position inside
 * text the op inserted goes to where that text was inserted.
 */
export function positionBeforeOp(op: TextOp, position: number): number {
  let before = 0;
  let after = 0;
  for (const c of op) {
    if (typeof c === "number") {
      if (position <= after + c) return before + (position - after);
      before += c;
      after += c;
    } else if (typeof c === "string") {
      const length = codePointLength(c);
      if (position <= after + length) return before;
      after += length;
    } else {
      before += deleteLength(c.d);
    }
  }
  return before + (position - after);
}

function textOpsOn(ops: readonly PlanOp[], kind: PlanEntityKind, entityId: string, field: string): TextOp[] {
  const result: TextOp[] = [];
  for (const op of ops) if (op.type === "text" && op.kind === kind && op.id === entityId && op.field === field) result.push(op.text);
  return result;
}

/** Our caret in the view, as a position in the server's text (before our pending ops). */
export function cursorToServer(state: PlanState, kind: PlanEntityKind, entityId: string, field: string, cursor: number): number {
  const ops = textOpsOn(pendingOps(state), kind, entityId, field);
  let position = cursor;
  for (let i = ops.length - 1; i >= 0; i--) position = positionBeforeOp(ops[i]!, position);
  return position;
}

/** Someone's cursor (a position in the server's text) as a position in our view (after our pending ops). */
export function cursorToView(state: PlanState, kind: PlanEntityKind, entityId: string, field: string, cursor: number): number {
  let position = cursor;
  for (const op of textOpsOn(pendingOps(state), kind, entityId, field)) position = transformPosition(position, op);
  return position;
}

/** What presence needs of the hub connection. */
export interface PresenceHub {
  invoke<T = unknown>(methodName: string, ...args: unknown[]): Promise<T>;
}

export interface PresenceClientOptions {
  readonly hub: PresenceHub;
  readonly projectSlug: string;
  /** The plan client's id: one per page, the same on both protocols. */
  readonly clientId: string;
  readonly timers?: Timers;
  /** Refresh period; well under the server's TTL (15 s). */
  readonly heartbeatMs?: number;
}

const defaultTimers: Timers = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * This page's presence: sends where it is (at most one call on the way; the latest focus wins),
 * refreshes it periodically, and hands the others' entries to listeners.
 */
export class PresenceClient {
  readonly topic: string;
  private readonly hub: PresenceHub;
  private readonly projectSlug: string;
  private readonly clientId: string;
  private readonly timers: Timers;
  private readonly heartbeatMs: number;
  private focusNow: PresenceFocus | null = null;
  private sending = false;
  private dirty = false;
  private stopped = false;
  private heartbeat: unknown = null;
  private others: readonly PresenceEntry[] = [];
  private readonly listeners = new Set<(others: readonly PresenceEntry[]) => void>();

  constructor(options: PresenceClientOptions) {
    this.hub = options.hub;
    this.projectSlug = options.projectSlug;
    this.clientId = options.clientId;
    this.topic = presenceTopic(options.projectSlug);
    this.timers = options.timers ?? defaultTimers;
    this.heartbeatMs = options.heartbeatMs ?? 5_000;
  }

  /** Everyone else present (other tabs of the same person included), as last received. */
  get entries(): readonly PresenceEntry[] {
    return this.others;
  }

  onChange(listener: (others: readonly PresenceEntry[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Shows this client (again), e.g. after a (re)connection, and keeps it shown. */
  start(): void {
    if (this.stopped) return;
    this.send();
  }

  /** Where this client is now (null: present, nowhere in particular). */
  focus(focus: PresenceFocus | null): void {
    if (this.stopped || samePlace(focus, this.focusNow)) return;
    this.focusNow = focus;
    this.send();
  }

  /** A presence event's data (always the whole list). */
  receive(data: unknown): void {
    const entries = parsePresenceList(data);
    if (entries === null || this.stopped) return;
    this.others = entries.filter((e) => e.clientId !== this.clientId);
    for (const listener of this.listeners) listener(this.others);
  }

  /** Leaves at once (closing the plan) rather than after the TTL. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    if (this.heartbeat !== null) this.timers.clear(this.heartbeat);
    this.hub.invoke("LeavePresence", this.projectSlug, this.clientId).catch(() => undefined);
  }

  private send(): void {
    if (this.sending) {
      this.dirty = true;
      return;
    }
    this.sending = true;
    this.dirty = false;
    if (this.heartbeat !== null) this.timers.clear(this.heartbeat);
    this.heartbeat = this.timers.set(() => {
      this.heartbeat = null;
      if (!this.stopped) this.send();
    }, this.heartbeatMs);
    const focus = this.focusNow;
    const update: PresenceUpdate = {
      clientId: this.clientId,
      kind: focus?.kind ?? null,
      entityId: focus?.entityId ?? null,
      field: focus?.field ?? null,
      cursor: focus?.field != null ? focus.cursor : null,
    };
    // Failures (offline, refused) are not retried here: the heartbeat sends again.
    this.hub
      .invoke("UpdatePresence", this.projectSlug, update)
      .catch(() => undefined)
      .finally(() => {
        this.sending = false;
        if (this.dirty && !this.stopped) this.send();
      });
  }
}

function samePlace(a: PresenceFocus | null, b: PresenceFocus | null): boolean {
  if (a === null || b === null) return a === b;
  return a.kind === b.kind && a.entityId === b.entityId && a.field === b.field && a.cursor === b.cursor;
}
