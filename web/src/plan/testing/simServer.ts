// Test support: an in-memory stand-in for PlanDocumentGrain + LiveHub, written from the server's
// rules (PlanSequencer.cs, PlanRules.cs, LiveJournal.cs) directly on ot-text-unicode, not on the
// client's apply and transform, so the client is checked against an independent implementation. It
// refuses what the server finds invalid with the client's planOpProblem, and planRules.cases.test.ts
// holds both to the answers the server's own rules gave (testing/planRules.cases.json).
//
// What it mirrors: a late op is transformed over every op applied after its base version, one
// by one, with the late op as "left"; scalars are last-writer-wins in server order; ops on
// deleted or missing entities are dropped (acked with a null version, no event); an add whose
// id exists is dropped; (clientId, seq) already seen answers the remembered ack; a base version
// older than the log refuses with the "resync" rule, one ahead of the plan with "ahead-of-server";
// catch-up serves the log or a snapshot. `saved()`/`lose()` make it lose acknowledged ops as a
// store that went back to an earlier state would.
// Events go out with every PlanOp member present (null when unused), as System.Text.Json writes them.

import * as ot from "ot-text-unicode";
import type { TextOp as MutableTextOp } from "ot-text-unicode";
import { planOpProblem } from "../planDoc";
import { parsePlanOp } from "../types";

const text = ot.type;

export interface SimEntity {
  kind: string;
  id: string;
  order: string;
  fields: Record<string, string>;
}

/** An op as the server holds it (loosely typed, as it comes off the wire). */
export interface SimOp {
  type: string;
  kind: string;
  id: string;
  order?: string | null;
  field?: string | null;
  value?: string | null;
  text?: MutableTextOp | null;
  fields?: Record<string, string> | null;
}

export interface SimSubmission {
  clientId: string;
  seq: number;
  baseVersion: number;
  op: SimOp;
}

export interface SimChange {
  version: number;
  clientId: string;
  seq: number;
  userId: string;
  op: SimOp;
  at: string;
}

export interface SimAck {
  version: number | null;
  reason: string | null;
}

export interface SimEvent {
  topic: string;
  version: number;
  change: "updated" | "snapshot";
  at: string;
  data: unknown;
}

/** The error a SignalR client sees for a HubException thrown by the hub. */
export class SimHubError extends Error {
  constructor(method: string, codeAndMessage: string) {
    super(`An unexpected error occurred invoking '${method}' on the server. HubException: ${codeAndMessage}`);
  }
}

const TEXT_FIELDS: Record<string, string | undefined> = { section: "body", task: "notes" };
const AT = "2025-06-01T10:00:00+00:00";

const wireOp = (op: SimOp): SimOp => ({
  type: op.type,
  kind: op.kind,
  id: op.id,
  order: op.order ?? null,
  field: op.field ?? null,
  value: op.value ?? null,
  text: op.text ?? null,
  fields: op.fields ?? null,
});

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export class SimPlanServer {
  version = 0;
  readonly entities = new Map<string, SimEntity>();
  readonly deleted = new Set<string>();
  readonly log: SimChange[] = [];
  private readonly clients = new Map<string, { seq: number; ack: SimAck }>();
  /** Called with every applied change's event (the relay's broadcast). */
  onEvent: (event: SimEvent) => void = () => undefined;
  /** Applied ops, dropped ops and refusals, for assertions. */
  readonly stats = { applied: 0, dropped: 0, duplicates: 0, resyncs: 0, catchUps: 0, snapshots: 0 };

  constructor(
    readonly slug: string,
    /** Ops kept for transforming late ops and for catch-up (2,000 on the real server). */
    readonly logLimit = 2000,
  ) {}

  get topic(): string {
    return `plan:${this.slug}`;
  }

  /** Everything the server holds, to go back to with lose(). */
  saved(): string {
    return JSON.stringify({ version: this.version, entities: [...this.entities], deleted: [...this.deleted], log: this.log, clients: [...this.clients] });
  }

  /** Goes back to what saved() returned: every op acknowledged since is lost, as a store that lost its last writes. */
  lose(saved: string): void {
    const state = JSON.parse(saved) as { version: number; entities: [string, SimEntity][]; deleted: string[]; log: SimChange[]; clients: [string, { seq: number; ack: SimAck }][] };
    this.version = state.version;
    this.entities.clear();
    for (const [key, entity] of state.entities) this.entities.set(key, entity);
    this.deleted.clear();
    for (const key of state.deleted) this.deleted.add(key);
    this.log.length = 0;
    this.log.push(...state.log);
    this.clients.clear();
    for (const [id, client] of state.clients) this.clients.set(id, client);
  }

  submit(raw: SimSubmission): SimAck {
    const submission = clone(raw);
    const previous = this.clients.get(submission.clientId);
    if (previous !== undefined && submission.seq <= previous.seq) {
      if (submission.seq < previous.seq) throw new SimHubError("SubmitPlanOp", "validation-failed: La saisie contient des erreurs.");
      this.stats.duplicates++;
      return previous.ack;
    }
    if (submission.baseVersion > this.version) {
      throw new SimHubError("SubmitPlanOp", `rule-violation: ahead-of-server: Le plan enregistré est à la version ${this.version}.`);
    }
    const oldestHeld = this.log.length === 0 ? this.version + 1 : this.log[0]!.version;
    if (submission.baseVersion < oldestHeld - 1) {
      this.stats.resyncs++;
      throw new SimHubError(
        "SubmitPlanOp",
        "rule-violation: resync: Trop de modifications depuis votre version : rechargez le plan (abonnement sans version) puis réessayez.",
      );
    }
    let op = submission.op;
    const parsed = parsePlanOp(op);
    if (parsed === null || planOpProblem(parsed) !== null) throw new SimHubError("SubmitPlanOp", "validation-failed: La saisie contient des erreurs.");
    for (const change of this.log) {
      if (change.version <= submission.baseVersion) continue;
      const applied = change.op;
      if (op.type === "text" && applied.type === "text" && op.kind === applied.kind && op.id === applied.id && op.field === applied.field) {
        op = { ...op, text: text.transform(op.text!, applied.text!, "left") };
      }
    }
    const dropped = this.apply(op);
    if (dropped !== null) {
      const ack = { version: null, reason: dropped };
      this.clients.set(submission.clientId, { seq: submission.seq, ack });
      this.stats.dropped++;
      return ack;
    }
    this.version++;
    const change: SimChange = { version: this.version, clientId: submission.clientId, seq: submission.seq, userId: "u-" + submission.clientId, op: wireOp(op), at: AT };
    this.log.push(change);
    if (this.log.length > this.logLimit) this.log.splice(0, this.log.length - this.logLimit);
    const ack = { version: this.version, reason: null };
    this.clients.set(submission.clientId, { seq: submission.seq, ack });
    this.stats.applied++;
    this.onEvent(this.eventOf(change));
    return ack;
  }

  /** PlanRules.Apply: the reason the op is dropped, or null once applied. */
  private apply(op: SimOp): string | null {
    const key = `${op.kind}/${op.id}`;
    if (this.deleted.has(key)) return "entity-deleted";
    const entity = this.entities.get(key);
    if (op.type === "add") {
      if (entity !== undefined) return "entity-exists";
      const fields: Record<string, string> = {};
      for (const [name, value] of Object.entries(op.fields ?? {})) if (value.length > 0) fields[name] = value;
      this.entities.set(key, { kind: op.kind, id: op.id, order: op.order!, fields });
      return null;
    }
    if (entity === undefined) return "entity-missing";
    switch (op.type) {
      case "delete":
        this.entities.delete(key);
        this.deleted.add(key);
        return null;
      case "move":
        entity.order = op.order!;
        return null;
      case "set":
        if (op.value === null || op.value === undefined || op.value === "") delete entity.fields[op.field!];
        else entity.fields[op.field!] = op.value;
        return null;
      case "text": {
        if (TEXT_FIELDS[op.kind] !== op.field) throw new SimHubError("SubmitPlanOp", "validation-failed: La saisie contient des erreurs.");
        const current = entity.fields[op.field!] ?? "";
        let walked = 0;
        for (const c of op.text!) walked += typeof c === "number" ? c : typeof c === "object" ? (typeof c.d === "number" ? c.d : Array.from(c.d).length) : 0;
        if (walked > Array.from(current).length) {
          throw new SimHubError("SubmitPlanOp", "validation-failed: La saisie contient des erreurs.");
        }
        entity.fields[op.field!] = text.apply(current, op.text!);
        return null;
      }
      default:
        throw new SimHubError("SubmitPlanOp", "validation-failed: La saisie contient des erreurs.");
    }
  }

  private eventOf(change: SimChange): SimEvent {
    return clone({ topic: this.topic, version: change.version, change: "updated", at: change.at, data: change });
  }

  snapshot(): { version: number; document: { sections: SimEntity[]; milestones: SimEntity[]; tasks: SimEntity[] } } {
    const of = (kind: string) =>
      [...this.entities.values()]
        .filter((e) => e.kind === kind)
        .sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return clone({ version: this.version, document: { sections: of("section"), milestones: of("milestone"), tasks: of("task") } });
  }

  /** LiveJournal.CatchUp over the log. */
  catchUp(sinceVersion: number | null): { topic: string; version: number; events: SimEvent[] } {
    const log = this.log;
    this.stats.catchUps++;
    if (sinceVersion === this.version) return { topic: this.topic, version: this.version, events: [] };
    if (sinceVersion !== null && sinceVersion < this.version && log.length > 0 && log[0]!.version <= sinceVersion + 1 && log[log.length - 1]!.version === this.version) {
      return { topic: this.topic, version: this.version, events: log.filter((c) => c.version > sinceVersion).map((c) => this.eventOf(c)) };
    }
    this.stats.snapshots++;
    return {
      topic: this.topic,
      version: this.version,
      events: [clone({ topic: this.topic, version: this.version, change: "snapshot" as const, at: AT, data: this.snapshot() })],
    };
  }
}
