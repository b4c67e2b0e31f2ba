// The client side of plan co-editing as a pure state machine (no I/O): the classic OT client
// (synchronized → awaiting an ack → awaiting with a buffer) over the structured plan, keeping
// the server's rules (PlanRules.cs, PlanDocumentGrain.cs):
//
// - `server` is the document at `version`, built only from the server's ops in version order.
// - At most one op is in flight (sent, its own event not yet seen); later local ops wait in
//   `buffer`, adjacent text edits of one field composed into one op. `view` (what the user
//   sees) is `server` with the in-flight op and the buffer applied; local edits show at once.
// - A server op from someone else was applied before our in-flight op (the server orders it
//   first). Our pending text ops on the same field are transformed over it as "left" (the
//   server transforms a late op the same way) and it is transformed over them as "right".
//   Scalars, moves and deletes need no transformation: re-applying our pending ops on the new
//   `server` gives the server's last-writer-wins result, and drops what the server will drop.
// - Our op is confirmed by its own event (clientId + seq), not by the ack: the ack may come
//   before events that precede it. A dropped ack (version null) removes the op, and what the
//   buffer built on it.
// - When ops were missed and a snapshot replaces the document, pending edits are rebased on it
//   by transforming them over a diff of each text field they touch (rebasePending).
//
// Positions in text ops are code points (ot-text-unicode); see textOps.ts.

import {
  applyPlanOp,
  docFromSnapshot,
  entitiesOf,
  entityKey,
  fieldValue,
  opKey,
  planOpConflict,
  planOpProblem,
  type PlanDoc,
} from "./planDoc";
import { composeText, diffText, normalizeText, splitLargeInserts, TextOpError, textOpsEqual, transformText, type TextOp } from "./textOps";
import {
  canonicalOp,
  PLAN_LIMITS,
  textFields,
  type PlanAck,
  type PlanChange,
  type PlanEntity,
  type PlanOp,
  type PlanSnapshot,
  type PlanSubmission,
  type TextEditOp,
  type TextField,
} from "./types";

export interface InFlight {
  readonly seq: number;
  /** The op as it stands now: expressed against `server` at `version`. */
  readonly op: PlanOp;
  /** Set when the ack came before the op's own event: the version it became. */
  readonly ackedVersion: number | null;
}

export interface PlanState {
  readonly clientId: string;
  /** Seq of the next op taken for sending. */
  readonly nextSeq: number;
  /** Last server version applied to `server`. */
  readonly version: number;
  /** The document at `version`, as the server has it. */
  readonly server: PlanDoc;
  readonly inflight: InFlight | null;
  /** Local ops not sent yet, in order; the first goes out when the in-flight op is confirmed. */
  readonly buffer: readonly PlanOp[];
  /** `server` + in-flight op + buffer: what this client shows. */
  readonly view: PlanDoc;
}

/** The classic states, plus "unsent": local ops waiting while nothing is in flight (offline). */
export type SyncStatus = "synchronized" | "awaiting" | "awaiting-with-buffer" | "unsent";

export function syncStatus(state: PlanState): SyncStatus {
  if (state.inflight === null) return state.buffer.length === 0 ? "synchronized" : "unsent";
  return state.buffer.length === 0 ? "awaiting" : "awaiting-with-buffer";
}

/** A local edit the server would refuse or drop (a bug of the caller: nothing was changed). */
export class PlanOpError extends Error {
  override readonly name = "PlanOpError";
}

/** What the server sent does not fit this client's document: start again from a snapshot. */
export class PlanDesyncError extends Error {
  override readonly name = "PlanDesyncError";
}

/** A text change of the view made by someone else, for moving carets and selections. */
export interface TextEffect {
  readonly kind: TextEditOp["kind"];
  readonly id: string;
  readonly field: TextField;
  /** The op as applied to the view's field (positions in code points). */
  readonly text: TextOp;
}

export type ChangeOutcome =
  /** Already applied (version at or below ours): ignored. */
  | "stale"
  /** Versions are missing before it: fetch them (Subscribe with our version) and retry. */
  | "gap"
  /** Someone else's op, applied. */
  | "applied"
  /** Our in-flight op came back: it is confirmed and the next op can be sent. */
  | "confirmed";

export interface ChangeResult {
  readonly state: PlanState;
  readonly outcome: ChangeOutcome;
  readonly effects: readonly TextEffect[];
}

export type AckOutcome =
  /** Not about our in-flight op (answer to an older send, or already confirmed by its event). */
  | "ignored"
  /** The server dropped the op (its entity was deleted or is missing): it is gone from the view. */
  | "dropped"
  /** Durable at a version whose event has not arrived yet: wait for it. */
  | "waiting";

export interface AckResult {
  readonly state: PlanState;
  readonly outcome: AckOutcome;
}

/** The state of a client that has just received a snapshot (nothing pending). */
export function createPlanState(clientId: string, snapshot: PlanSnapshot, nextSeq = 1): PlanState {
  const server = docFromSnapshot(snapshot);
  return { clientId, nextSeq, version: snapshot.version, server, inflight: null, buffer: [], view: server };
}

const sameEntity = (a: PlanOp, b: PlanOp): boolean => a.kind === b.kind && a.id === b.id;
const sameTextField = (a: TextEditOp, b: TextEditOp): boolean => sameEntity(a, b) && a.field === b.field;

/** Every op this client made that the server has not applied yet, in order. */
export function pendingOps(state: PlanState): PlanOp[] {
  return state.inflight === null ? [...state.buffer] : [state.inflight.op, ...state.buffer];
}

/** Applies `op` to `doc`, or leaves `doc` as is when the server would drop it or it does not fit. */
function applyOrKeep(doc: PlanDoc, op: PlanOp): PlanDoc {
  try {
    return applyPlanOp(doc, op).doc;
  } catch (error: unknown) {
    if (error instanceof TextOpError) return doc;
    throw error;
  }
}

/**
 * The view, and the buffer without the ops the server is sure to drop (their entity is
 * missing or deleted), the text ops made no-ops by transformation, and (with `lenient`)
 * the ops that no longer fit: those would be refused; `lost` counts them.
 */
function settle(server: PlanDoc, inflight: InFlight | null, buffer: readonly PlanOp[], lenient: boolean): { view: PlanDoc; buffer: PlanOp[]; lost: number } {
  let view = server;
  if (inflight !== null) {
    try {
      view = applyPlanOp(view, inflight.op).doc;
    } catch (error: unknown) {
      throw desync(error, "the in-flight op no longer fits the document");
    }
  }
  const kept: PlanOp[] = [];
  let lost = 0;
  for (const op of buffer) {
    if (op.type === "text" && op.text.length === 0) continue;
    try {
      const result = applyPlanOp(view, op);
      if (result.dropped !== null) continue;
      view = result.doc;
      kept.push(op);
    } catch (error: unknown) {
      if (!lenient) throw desync(error, "a buffered op no longer fits the document");
      lost++;
    }
  }
  return { view, buffer: kept, lost };
}

function desync(error: unknown, what: string): Error {
  return error instanceof TextOpError ? new PlanDesyncError(`${what}: ${error.message}`) : error instanceof Error ? error : new Error(String(error));
}

function withPending(state: PlanState, server: PlanDoc, version: number, inflight: InFlight | null, buffer: readonly PlanOp[], lenient = false): PlanState {
  const settled = settle(server, inflight, buffer, lenient);
  return { ...state, version, server, inflight, buffer: settled.buffer, view: settled.view };
}

/**
 * Our pending ops (in order) transformed over `remote`, an op the server applied before them,
 * and `remote`'s text as it applies after them (null when it does not show in the view).
 */
function transformPendingOver(pending: readonly PlanOp[], remote: PlanOp): { pending: PlanOp[]; remoteText: TextOp | null } {
  let r = remote;
  let visible = true;
  const result: PlanOp[] = [];
  for (const p of pending) {
    if (r.type === "text" && p.type === "text" && sameTextField(p, r)) {
      result.push({ ...p, text: transformText(p.text, r.text, "left") });
      r = { ...r, text: transformText(r.text, p.text, "right") };
    } else {
      result.push(p);
      if (p.type === "delete" && sameEntity(p, r)) visible = false;
    }
  }
  return { pending: result, remoteText: visible && r.type === "text" ? r.text : null };
}

/**
 * `pending` (ops made on `base`, in order) rewritten to apply on `target`, a later version of
 * the same document reached by ops this client did not see one by one: each text field they
 * touch gets a diff from its `base` value to its `target` value, and the ops are transformed
 * over it as over a server op. Ops on entities gone from `target` are left for settle() to drop.
 */
export function rebasePending(base: PlanDoc, target: PlanDoc, pending: readonly PlanOp[]): PlanOp[] {
  let ops = [...pending];
  const touched = new Set(ops.map(opKey));
  for (const key of touched) {
    const before = base.entities.get(key);
    const after = target.entities.get(key);
    if (before === undefined || after === undefined) continue;
    for (const field of textFields(before.kind)) {
      const diff = diffText(fieldValue(before, field), fieldValue(after, field));
      if (diff.length > 0) ops = transformPendingOver(ops, { type: "text", kind: before.kind, id: before.id, field, text: diff }).pending;
    }
  }
  return ops;
}

/** `op` with its text normalized and split so no insert exceeds the server's limit. */
function prepare(raw: PlanOp): PlanOp[] {
  const op = canonicalOp(raw);
  if (op.type !== "text") return [op];
  return splitLargeInserts(normalizeText(op.text), PLAN_LIMITS.insertLength)
    .filter((text) => text.length > 0)
    .map((text) => ({ ...op, text }));
}

/** The buffer with `op` appended: composed into the last op when both edit the same text, or a set/move of the same thing replaced. */
function appendToBuffer(buffer: readonly PlanOp[], op: PlanOp): PlanOp[] {
  const last = buffer[buffer.length - 1];
  const rest = buffer.slice(0, -1);
  if (last !== undefined) {
    if (last.type === "text" && op.type === "text" && sameTextField(last, op)) {
      const text = composeText(last.text, op.text);
      if (splitLargeInserts(text, PLAN_LIMITS.insertLength).length === 1) {
        return text.length === 0 ? rest : [...rest, { ...last, text }];
      }
    }
    if (last.type === "set" && op.type === "set" && sameEntity(last, op) && last.field === op.field) return [...rest, op];
    if (last.type === "move" && op.type === "move" && sameEntity(last, op)) return [...rest, op];
  }
  return [...buffer, op];
}

/**
 * A local edit, made on the view: applied to it at once and queued. Throws PlanOpError (and
 * changes nothing) when the server would refuse or drop it: malformed, a missing entity, a
 * text op that does not fit, a limit exceeded. Text ops are normalized; an insert longer than
 * the server's limit is split into several ops.
 */
export function localEdit(state: PlanState, op: PlanOp): PlanState {
  let { view, buffer } = state;
  for (const part of prepare(op)) {
    const problem = planOpProblem(part) ?? planOpConflict(view, part);
    if (problem !== null) throw new PlanOpError(problem);
    const result = applyPlanOp(view, part);
    if (result.dropped !== null) throw new PlanOpError(`${result.dropped}: ${part.kind} ${part.id}`);
    view = result.doc;
    buffer = appendToBuffer(buffer, part);
  }
  return { ...state, view, buffer };
}

/** When nothing is in flight, takes the first buffered op for sending: the submission to send. */
export function takeSubmission(state: PlanState): { state: PlanState; submission: PlanSubmission } | null {
  const [op, ...rest] = state.buffer;
  if (state.inflight !== null || op === undefined) return null;
  const inflight: InFlight = { seq: state.nextSeq, op, ackedVersion: null };
  return {
    state: { ...state, nextSeq: state.nextSeq + 1, inflight, buffer: rest },
    submission: { clientId: state.clientId, seq: inflight.seq, baseVersion: state.version, op },
  };
}

/**
 * The in-flight op to send again (after a reconnect or a failed call): same seq, so the server
 * answers without applying it twice if it already did; otherwise it applies the op as it
 * stands now, against our current version.
 */
export function resubmission(state: PlanState): PlanSubmission | null {
  const inflight = state.inflight;
  return inflight === null ? null : { clientId: state.clientId, seq: inflight.seq, baseVersion: state.version, op: inflight.op };
}

function isOwn(state: PlanState, change: PlanChange): boolean {
  return state.inflight !== null && change.clientId === state.clientId && change.seq === state.inflight.seq;
}

function opsEqual(a: PlanOp, b: PlanOp): boolean {
  if (a.type === "text" && b.type === "text") return sameTextField(a, b) && textOpsEqual(a.text, b.text);
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * An applied op from the server's feed. Only the next version is applied ("gap" otherwise,
 * "stale" for one already applied). Throws PlanDesyncError when it does not fit our document.
 */
export function receiveChange(state: PlanState, change: PlanChange): ChangeResult {
  if (change.version <= state.version) return { state, outcome: "stale", effects: [] };
  if (change.version > state.version + 1) return { state, outcome: "gap", effects: [] };
  let server: PlanDoc;
  try {
    const applied = applyPlanOp(state.server, change.op);
    if (applied.dropped !== null) throw new PlanDesyncError(`The server applied an op this client would drop (${applied.dropped}): v${change.version}`);
    server = applied.doc;
  } catch (error: unknown) {
    throw desync(error, `v${change.version} does not fit this client's document`);
  }

  const inflight = state.inflight;
  if (inflight !== null && isOwn(state, change)) {
    // Normally the server applied exactly our op as we transformed it. If not (it was rebased
    // from a diff meanwhile), rebase what the buffer built on our version onto the server's.
    const buffer = opsEqual(change.op, inflight.op)
      ? state.buffer
      : rebasePending(applyOrKeep(state.server, inflight.op), server, state.buffer);
    return { state: withPending(state, server, change.version, null, buffer, true), outcome: "confirmed", effects: [] };
  }

  const { pending, remoteText } = transformPendingOver(pendingOps(state), change.op);
  const [first, ...rest] = pending;
  const nextInflight = inflight !== null && first !== undefined ? { ...inflight, op: first } : null;
  const buffer = inflight !== null ? rest : pending;
  const next = withPending(state, server, change.version, nextInflight, buffer);
  const op = change.op;
  const effects: TextEffect[] =
    op.type === "text" && remoteText !== null && remoteText.length > 0 && next.view.entities.has(entityKey(op.kind, op.id))
      ? [{ kind: op.kind, id: op.id, field: op.field, text: remoteText }]
      : [];
  return { state: next, outcome: "applied", effects };
}

/** The in-flight op without its effect, and the buffer rebased accordingly. */
function withoutInflight(state: PlanState, fate: "dropped" | "rejected"): PlanState {
  if (state.inflight === null) return state;
  const { pending } = settleInflight(state.server, state.inflight.op, state.buffer, fate);
  return withPending(state, state.server, state.version, null, pending, true);
}

/**
 * The answer to the submission of `seq`. A dropped op leaves the view, with every buffered op
 * on its entity (the server would drop them too). Throws PlanDesyncError when the ack names a
 * version we already applied without seeing our op in it.
 */
export function receiveAck(state: PlanState, seq: number, ack: PlanAck): AckResult {
  const inflight = state.inflight;
  if (inflight === null || inflight.seq !== seq) return { state, outcome: "ignored" };
  if (ack.version === null) return { state: withoutInflight(state, "dropped"), outcome: "dropped" };
  if (ack.version <= state.version) {
    throw new PlanDesyncError(`Op ${seq} became v${ack.version}, but v${state.version} was reached without it`);
  }
  return { state: { ...state, inflight: { ...inflight, ackedVersion: ack.version } }, outcome: "waiting" };
}

/**
 * The server refused the in-flight op for good (validation, a limit): it leaves the view and
 * the buffer is rebased as if it had never been made (ops on an entity it added go too).
 */
export function rejectInflight(state: PlanState): PlanState {
  return withoutInflight(state, "rejected");
}

/**
 * What became of the in-flight op when a snapshot replaces the document: "applied" (the
 * snapshot includes it), "dropped" (the server dropped it: buffered ops on its entity go
 * too), "rejected" (refused for good), "unsent" (never processed: it is rebased and sent
 * again as a new op).
 */
export type InflightFate = "applied" | "dropped" | "rejected" | "unsent";

/**
 * Starts again from a snapshot (after missing too many ops, or an inconsistency), keeping
 * every pending edit: the buffer (and an unsent in-flight op) are rebased on the snapshot.
 * With an op in flight its fate must be known first (resubmit it: the same seq answers).
 */
export function resetToSnapshot(state: PlanState, snapshot: PlanSnapshot, fate?: InflightFate): PlanState {
  const inflight = state.inflight;
  if (inflight !== null && fate === undefined) throw new Error("resetToSnapshot: the fate of the in-flight op is needed");
  const { base, pending } = settleInflight(state.server, inflight?.op ?? null, state.buffer, fate ?? "unsent");
  const target: PlanDoc = { entities: docFromSnapshot(snapshot).entities, deleted: base.deleted };
  const rebased = rebasePending(base, target, pending);
  return withPending(state, target, snapshot.version, null, rebased, true);
}

/**
 * Pending edits made on `base` (an in-flight op whose fate is now known, then a buffer built
 * on it) as ops to rebase from the returned base: an applied op joins the base, an unsent one
 * stays pending, and the effect of a dropped or refused one is taken out of the buffer
 * (with the buffer's ops on a dropped op's entity, which the server would drop too).
 */
export function settleInflight(
  base: PlanDoc,
  inflight: PlanOp | null,
  buffer: readonly PlanOp[],
  fate: InflightFate,
): { base: PlanDoc; pending: PlanOp[] } {
  if (inflight === null) return { base, pending: [...buffer] };
  switch (fate) {
    case "unsent":
      return { base, pending: [inflight, ...buffer] };
    case "applied":
      return { base: applyOrKeep(base, inflight), pending: [...buffer] };
    case "dropped":
    case "rejected": {
      // Undo it in the buffer first (a diff of just its region), then rebase from the base.
      const pending = rebasePending(applyOrKeep(base, inflight), base, buffer);
      return { base, pending: fate === "dropped" ? pending.filter((op) => opKey(op) !== opKey(inflight)) : pending };
    }
  }
}

/**
 * Adds ops recovered from elsewhere (an earlier page's unsent edits, already rebased on this
 * state's server document) to the buffer; those that no longer apply are left out.
 */
export function appendRecovered(state: PlanState, ops: readonly PlanOp[]): { state: PlanState; lost: number } {
  let next = state;
  let lost = 0;
  for (const op of ops) {
    try {
      next = localEdit(next, op);
    } catch (error: unknown) {
      if (!(error instanceof PlanOpError)) throw error;
      lost++;
    }
  }
  return { state: next, lost };
}

/** A field as this client had it before the server went back to an older version: what the store lost, to offer back. */
export interface RecoveredField {
  readonly kind: PlanEntity["kind"];
  readonly id: string;
  readonly field: string;
  /** The value this client had received; the entity may be gone from the plan now. */
  readonly text: string;
}

/**
 * Every non-empty field of `had` (the document this client had received) that `now` (the server's, older) lacks or
 * holds otherwise, in document order: what the store lost, as this client last saw it.
 */
export function recoveredFields(had: PlanDoc, now: PlanDoc): RecoveredField[] {
  const result: RecoveredField[] = [];
  for (const kind of ["section", "milestone", "task"] as const) {
    for (const entity of entitiesOf(had, kind)) {
      const current = now.entities.get(entityKey(kind, entity.id));
      for (const field of Object.keys(entity.fields).sort()) {
        const text = fieldValue(entity, field);
        if (text !== "" && (current === undefined || fieldValue(current, field) !== text)) result.push({ kind, id: entity.id, field, text });
      }
    }
  }
  return result;
}
