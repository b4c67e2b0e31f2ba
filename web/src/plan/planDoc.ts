// The plan document as an immutable value, and the server's rules for applying an op to it
// (grains/Kaolack.Grains/Plans/PlanRules.cs): scalars are last-writer-wins in the order ops
// are applied, text fields take ot-text-unicode ops, ops on deleted or missing entities are
// dropped, an add whose id exists is dropped.

import { compareOrder, isOrderKey } from "./fractionalIndex";
import { applyText, codePointLength, splitLargeInserts, TextOpError, textOpProblem } from "./textOps";
import {
  isEntityId,
  isTextField,
  PLAN_LIMITS,
  scalarProblem,
  type DropReason,
  type PlanDocument,
  type PlanEntity,
  type PlanEntityKind,
  type PlanOp,
  type PlanSnapshot,
} from "./types";
import { PLAN_ENTITY_KIND_VALUES } from "../wire/contract";

export interface PlanDoc {
  /** Entities by entityKey(kind, id). */
  readonly entities: ReadonlyMap<string, PlanEntity>;
  /** Keys of entities this client saw deleted (ops on them are dropped; a snapshot does not list them). */
  readonly deleted: ReadonlySet<string>;
}

export const entityKey = (kind: PlanEntityKind, id: string): string => `${kind}/${id}`;
export const opKey = (op: PlanOp): string => entityKey(op.kind, op.id);

export const emptyDoc: PlanDoc = Object.freeze({ entities: new Map<string, PlanEntity>(), deleted: new Set<string>() });

export function docFromEntities(list: Iterable<PlanEntity>): PlanDoc {
  const entities = new Map<string, PlanEntity>();
  for (const entity of list) entities.set(entityKey(entity.kind, entity.id), entity);
  return { entities, deleted: new Set() };
}

export const docFromDocument = (document: PlanDocument): PlanDoc =>
  docFromEntities([...document.sections, ...document.milestones, ...document.tasks]);

export const docFromSnapshot = (snapshot: PlanSnapshot): PlanDoc => docFromDocument(snapshot.document);

export function getEntity(doc: PlanDoc, kind: PlanEntityKind, id: string): PlanEntity | undefined {
  return doc.entities.get(entityKey(kind, id));
}

/** The value of a field ("" when absent). */
export const fieldValue = (entity: PlanEntity, field: string): string => entity.fields[field] ?? "";

/** Entities of a kind in order (order key, then id: the server's order). */
export function entitiesOf(doc: PlanDoc, kind: PlanEntityKind): PlanEntity[] {
  const result: PlanEntity[] = [];
  for (const entity of doc.entities.values()) if (entity.kind === kind) result.push(entity);
  return result.sort(compareOrder);
}

export function toDocument(doc: PlanDoc): PlanDocument {
  return { sections: entitiesOf(doc, "section"), milestones: entitiesOf(doc, "milestone"), tasks: entitiesOf(doc, "task") };
}

function countOf(doc: PlanDoc, kind: PlanEntityKind): number {
  let n = 0;
  for (const entity of doc.entities.values()) if (entity.kind === kind) n++;
  return n;
}

/** Why the server would refuse this op whatever the document (PlanRules.Validate), or null. */
export function planOpProblem(op: PlanOp): string | null {
  if (!PLAN_ENTITY_KIND_VALUES.includes(op.kind)) return "unknown kind";
  if (!isEntityId(op.id)) return `id: ${PLAN_LIMITS.idLength} letters, digits, - or _ at most`;
  switch (op.type) {
    case "add":
      if (!isOrderKey(op.order)) return "order: 1 to 64 letters or digits";
      for (const [field, value] of Object.entries(op.fields)) {
        const problem = isTextField(op.kind, field)
          ? codePointLength(value) > PLAN_LIMITS.textLength
            ? `${field}: text too long`
            : null
          : scalarProblem(op.kind, field, value);
        if (problem !== null) return problem;
      }
      return null;
    case "move":
      return isOrderKey(op.order) ? null : "order: 1 to 64 letters or digits";
    case "set":
      return scalarProblem(op.kind, op.field, op.value);
    case "text": {
      if (!isTextField(op.kind, op.field)) return `field: ${op.field} is not a text field of a ${op.kind}`;
      const problem = textOpProblem(op.text);
      if (problem !== null) return `text: ${problem}`;
      if (splitLargeInserts(op.text, PLAN_LIMITS.insertLength).length > 1) return `text: inserts of ${PLAN_LIMITS.insertLength} code points at most`;
      return null;
    }
    case "delete":
      return null;
  }
}

export type ApplyResult =
  | { readonly doc: PlanDoc; readonly dropped: null }
  | { readonly doc: PlanDoc; readonly dropped: DropReason };

function withEntity(doc: PlanDoc, key: string, entity: PlanEntity): PlanDoc {
  const entities = new Map(doc.entities);
  entities.set(key, entity);
  return { entities, deleted: doc.deleted };
}

function nonEmpty(fields: Readonly<Record<string, string>>): Readonly<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(fields)) if (value.length > 0) result[name] = value;
  return result;
}

/**
 * `op` applied as the server applies it (PlanRules.Apply), or the reason it is dropped (the
 * document unchanged). Throws TextOpError when a text op does not fit the field; the server
 * refuses such an op (and one that would make a text too long, or a kind exceed 500 entities).
 */
export function applyPlanOp(doc: PlanDoc, op: PlanOp): ApplyResult {
  const key = opKey(op);
  if (doc.deleted.has(key)) return { doc, dropped: "entity-deleted" };
  const entity = doc.entities.get(key);
  if (op.type === "add") {
    if (entity !== undefined) return { doc, dropped: "entity-exists" };
    return { doc: withEntity(doc, key, { kind: op.kind, id: op.id, order: op.order, fields: nonEmpty(op.fields) }), dropped: null };
  }
  if (entity === undefined) return { doc, dropped: "entity-missing" };
  switch (op.type) {
    case "delete": {
      const entities = new Map(doc.entities);
      entities.delete(key);
      return { doc: { entities, deleted: new Set(doc.deleted).add(key) }, dropped: null };
    }
    case "move":
      return { doc: withEntity(doc, key, { ...entity, order: op.order }), dropped: null };
    case "set": {
      const fields: Record<string, string> = { ...entity.fields };
      if (op.value === null || op.value === "") delete fields[op.field];
      else fields[op.field] = op.value;
      return { doc: withEntity(doc, key, { ...entity, fields }), dropped: null };
    }
    case "text": {
      const next = applyText(fieldValue(entity, op.field), op.text);
      return { doc: withEntity(doc, key, { ...entity, fields: { ...entity.fields, [op.field]: next } }), dropped: null };
    }
  }
}

/**
 * Why the server would refuse `op` on `doc` though it is well-formed (a limit, a text op that
 * does not fit), or null. Dropped ops are not refused: see applyPlanOp.
 */
export function planOpConflict(doc: PlanDoc, op: PlanOp): string | null {
  const entity = doc.entities.get(opKey(op));
  if (op.type === "add" && entity === undefined && !doc.deleted.has(opKey(op)) && countOf(doc, op.kind) >= PLAN_LIMITS.entitiesPerKind) {
    return `${PLAN_LIMITS.entitiesPerKind} ${op.kind}s at most`;
  }
  if (op.type === "text" && entity !== undefined) {
    try {
      const next = applyText(fieldValue(entity, op.field), op.text);
      if (codePointLength(next) > PLAN_LIMITS.textLength) return `${op.field}: ${PLAN_LIMITS.textLength} code points at most`;
    } catch (error: unknown) {
      if (error instanceof TextOpError) return error.message;
      throw error;
    }
  }
  return null;
}

/** True when both documents hold the same entities (the deleted sets are not compared). */
export function docsEqual(a: PlanDoc, b: PlanDoc): boolean {
  if (a.entities.size !== b.entities.size) return false;
  for (const [key, x] of a.entities) {
    const y = b.entities.get(key);
    if (y === undefined || x.order !== y.order) return false;
    const fx = Object.entries(x.fields).filter(([, v]) => v !== "");
    const fy = Object.entries(y.fields).filter(([, v]) => v !== "");
    if (fx.length !== fy.length || fx.some(([name, value]) => y.fields[name] !== value)) return false;
  }
  return true;
}
