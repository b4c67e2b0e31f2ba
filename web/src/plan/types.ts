// Wire types of plan co-editing on the /hubs/live hub (see docs/PROTOCOL.md, "Live plan co-editing"): the
// generated contract (wire/contract.ts), with ops as a union by type where the contract has one record with every
// member; the field rules of PlanFields/PlanRules; and defensive parsers for what the server pushes.

import { isTextOp, type TextOp } from "./textOps";
import {
  PLAN_ENTITY_KIND_VALUES,
  PLAN_FIELDS,
  PLAN_LIMITS,
  REGION_VALUES,
  type PlanAck,
  type PlanChange as WirePlanChange,
  type PlanEntity,
  type PlanEntityKind,
  type PlanSnapshot,
  type PlanSubmission as WirePlanSubmission,
  type Region,
} from "../wire/contract";

export type {
  PlanAck,
  PlanDocument,
  PlanDropReason as DropReason,
  PlanEntity,
  PlanEntityKind,
  PlanOpType,
  PlanSnapshot,
} from "../wire/contract";
/** Scalar lengths count UTF-16 units (as the server's string.Length); text and insert lengths count code points. */
export { PLAN_LIMITS } from "../wire/contract";

type FieldsOf<K extends PlanEntityKind> = (typeof PLAN_FIELDS)[K];

/** Fields edited by operational transformation: a section's body, a task's notes. */
export type TextField = FieldsOf<PlanEntityKind>["texts"][number];

export type MilestoneStatus = FieldsOf<"milestone">["statuses"][number];
export type TaskStatus = FieldsOf<"task">["statuses"][number];
export type OwnerRegion = Region;

export type AddOp = {
  readonly type: "add";
  readonly kind: PlanEntityKind;
  readonly id: string;
  readonly order: string;
  /** Initial fields (scalars, and text fields as plain strings); empty values are ignored. */
  readonly fields: Readonly<Record<string, string>>;
};
export type DeleteOp = { readonly type: "delete"; readonly kind: PlanEntityKind; readonly id: string };
export type MoveOp = { readonly type: "move"; readonly kind: PlanEntityKind; readonly id: string; readonly order: string };
export type SetOp = {
  readonly type: "set";
  readonly kind: PlanEntityKind;
  readonly id: string;
  readonly field: string;
  /** Null or "" clears the field. */
  readonly value: string | null;
};
export type TextEditOp = {
  readonly type: "text";
  readonly kind: PlanEntityKind;
  readonly id: string;
  readonly field: TextField;
  /** An ot-text-unicode op; positions count Unicode code points. */
  readonly text: TextOp;
};

/** One edit of a plan. On the wire the server sends every member of the contract's PlanOp (null when unused). */
export type PlanOp = AddOp | DeleteOp | MoveOp | SetOp | TextEditOp;

/** Data of an "updated" event on "plan:{slug}": an applied op, already transformed. */
export type PlanChange = Omit<WirePlanChange, "op"> & { readonly op: PlanOp };

/** Argument of SubmitPlanOp; (clientId, seq) makes resubmission idempotent; the op was made against baseVersion. */
export type PlanSubmission = Omit<WirePlanSubmission, "op"> & { readonly op: PlanOp };

/**
 * `op` with only the members of its type (the server refuses unknown JSON members, and a
 * PlanOp built by a caller may carry more), and copies of its arrays and records.
 */
export function canonicalOp(op: PlanOp): PlanOp {
  const { kind, id } = op;
  switch (op.type) {
    case "add":
      return { type: "add", kind, id, order: op.order, fields: { ...op.fields } };
    case "delete":
      return { type: "delete", kind, id };
    case "move":
      return { type: "move", kind, id, order: op.order };
    case "set":
      return { type: "set", kind, id, field: op.field, value: op.value };
    case "text":
      return { type: "text", kind, id, field: op.field, text: op.text.map((c) => (typeof c === "object" ? { d: c.d } : c)) };
  }
}

export const planTopic = (projectSlug: string): string => `plan:${projectSlug}`;

// ---------- PlanFields / PlanRules ----------

export const scalarFields = (kind: PlanEntityKind): readonly string[] => PLAN_FIELDS[kind].scalars;
export const textFields = (kind: PlanEntityKind): readonly TextField[] => PLAN_FIELDS[kind].texts;
export const isTextField = (kind: PlanEntityKind, field: string): field is TextField =>
  (PLAN_FIELDS[kind].texts as readonly string[]).includes(field);

export const isPlanEntityKind = (value: unknown): value is PlanEntityKind =>
  PLAN_ENTITY_KIND_VALUES.includes(value as PlanEntityKind);

export const isEntityId = (id: string): boolean =>
  id.length > 0 && id.length <= PLAN_LIMITS.idLength && /^[A-Za-z0-9_-]+$/.test(id);

const isDate = (value: string): boolean => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};

/** Why the server would refuse this scalar value (PlanRules.CheckScalar), or null. */
export function scalarProblem(kind: PlanEntityKind, field: string, value: string | null): string | null {
  const { scalars, statuses } = PLAN_FIELDS[kind];
  if (!(scalars as readonly string[]).includes(field)) return `unknown field "${field}" for a ${kind}`;
  if (value === null || value === "") return null;
  if (value.length > PLAN_LIMITS.scalarLength) return `${field}: ${PLAN_LIMITS.scalarLength} characters at most`;
  if (field === "dueDate" && !isDate(value)) return "dueDate: expected yyyy-MM-dd";
  if (field === "status" && !(statuses as readonly string[]).includes(value)) return `status: one of ${statuses.join(", ")}`;
  if (field === "ownerRegion" && !REGION_VALUES.includes(value as Region)) return `ownerRegion: ${REGION_VALUES.join(" or ")}`;
  return null;
}

// ---------- parsing what the server sends ----------

type Json = Readonly<Record<string, unknown>>;

const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);
const isInteger = (value: unknown): value is number => typeof value === "number" && Number.isSafeInteger(value);

function parseFields(value: unknown): Readonly<Record<string, string>> | null {
  if (value === null || value === undefined) return {};
  if (!isObject(value)) return null;
  const fields: Record<string, string> = {};
  for (const [name, field] of Object.entries(value)) {
    if (typeof field !== "string") return null;
    fields[name] = field;
  }
  return fields;
}

/** A PlanOp from JSON (the server sends unused members as null), or null when malformed. */
export function parsePlanOp(value: unknown): PlanOp | null {
  if (!isObject(value)) return null;
  const { type, kind, id, order, field, text } = value;
  if (!isPlanEntityKind(kind) || typeof id !== "string") return null;
  switch (type) {
    case "add": {
      const fields = parseFields(value["fields"]);
      return typeof order === "string" && fields !== null ? { type, kind, id, order, fields } : null;
    }
    case "delete":
      return { type, kind, id };
    case "move":
      return typeof order === "string" ? { type, kind, id, order } : null;
    case "set": {
      const v = value["value"];
      return typeof field === "string" && (typeof v === "string" || v === null || v === undefined)
        ? { type, kind, id, field, value: v ?? null }
        : null;
    }
    case "text":
      return typeof field === "string" && isTextField(kind, field) && isTextOp(text) ? { type, kind, id, field, text } : null;
    default:
      return null;
  }
}

export function parsePlanEntity(value: unknown): PlanEntity | null {
  if (!isObject(value)) return null;
  const { kind, id, order } = value;
  const fields = parseFields(value["fields"]);
  if (!isPlanEntityKind(kind) || typeof id !== "string" || typeof order !== "string" || fields === null) return null;
  return { kind, id, order, fields };
}

export function parsePlanChange(value: unknown): PlanChange | null {
  if (!isObject(value)) return null;
  const { version, clientId, seq, userId, at } = value;
  const op = parsePlanOp(value["op"]);
  if (!isInteger(version) || typeof clientId !== "string" || !isInteger(seq) || op === null) return null;
  return { version, clientId, seq, userId: typeof userId === "string" ? userId : "", op, at: typeof at === "string" ? at : "" };
}

export function parsePlanSnapshot(value: unknown): PlanSnapshot | null {
  if (!isObject(value) || !isInteger(value["version"]) || !isObject(value["document"])) return null;
  const document = value["document"];
  const lists: PlanEntity[][] = [];
  for (const name of ["sections", "milestones", "tasks"] as const) {
    const list = document[name] ?? [];
    if (!Array.isArray(list)) return null;
    const entities = list.map(parsePlanEntity);
    if (entities.some((e) => e === null)) return null;
    lists.push(entities as PlanEntity[]);
  }
  const [sections = [], milestones = [], tasks = []] = lists;
  return { version: value["version"], document: { sections, milestones, tasks } };
}

export function parsePlanAck(value: unknown): PlanAck | null {
  if (!isObject(value)) return null;
  const { version, reason } = value;
  if (!(version === null || version === undefined || isInteger(version))) return null;
  return { version: version ?? null, reason: typeof reason === "string" ? reason : null };
}
