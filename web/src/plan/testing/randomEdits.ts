// Test support: random local edits of a plan view, for the fuzz tests.

import { keyBetween } from "../fractionalIndex";
import { entitiesOf, fieldValue, type PlanDoc } from "../planDoc";
import { codePointLength } from "../textOps";
import type { PlanEntity, PlanEntityKind, PlanOp } from "../types";
import { int, pick, type Random } from "./random";

export interface EditOptions {
  /** Allow deletes (of text and of entities). */
  readonly deletes: boolean;
  /** Inserted text; default: a few characters among ASCII, accents, emoji. */
  readonly insertText?: () => string;
  /** Kinds of edits besides text (default all). */
  readonly structural?: boolean;
}

const SAMPLES = ["a", "b", "é", "e\u0301", "😀", "⇄", " ", "ok", "Kaolack", "𠀀"];

let counter = 0;
export const freshId = (prefix: string): string => `${prefix}${(counter++).toString(36)}`;

function textOp(random: Random, entity: PlanEntity, field: "body" | "notes", options: EditOptions): PlanOp {
  const length = codePointLength(fieldValue(entity, field));
  const position = int(random, length + 1);
  const canDelete = options.deletes && length > 0 && position < length;
  if (canDelete && random() < 0.35) {
    const count = 1 + int(random, Math.min(5, length - position));
    return random() < 0.5
      ? { type: "text", kind: entity.kind, id: entity.id, field, text: position > 0 ? [position, { d: count }] : [{ d: count }] }
      : { type: "text", kind: entity.kind, id: entity.id, field, text: position > 0 ? [position, { d: count }, "R"] : [{ d: count }, "R"] };
  }
  const inserted = options.insertText?.() ?? Array.from({ length: 1 + int(random, 3) }, () => pick(random, SAMPLES)).join("");
  return { type: "text", kind: entity.kind, id: entity.id, field, text: position > 0 ? [position, inserted] : [inserted] };
}

/** A key between two neighbours, or null when they share a key (concurrent inserts at one spot). */
function between(before: string | null, after: string | null): string | null {
  if (before !== null && after !== null && before >= after) return null;
  return keyBetween(before, after);
}

/** A random edit that applies to `view`, or null when there is nothing to do. */
export function randomEdit(random: Random, view: PlanDoc, options: EditOptions): PlanOp | null {
  const sections = entitiesOf(view, "section");
  const tasks = entitiesOf(view, "task");
  const texts: Array<[PlanEntity, "body" | "notes"]> = [
    ...sections.map((e): [PlanEntity, "body"] => [e, "body"]),
    ...tasks.map((e): [PlanEntity, "notes"] => [e, "notes"]),
  ];
  const roll = random();
  if ((options.structural === false || roll < 0.7) && texts.length > 0) {
    const [entity, field] = pick(random, texts);
    return textOp(random, entity, field, options);
  }
  if (options.structural === false) return null;
  const kind: PlanEntityKind = pick(random, ["section", "task", "milestone"]);
  const list = entitiesOf(view, kind);
  if (roll < 0.8 || list.length === 0) {
    const at = int(random, list.length + 1);
    const order = between(list[at - 1]?.order ?? null, list[at]?.order ?? null);
    if (order === null) return null;
    const fields: Record<string, string> =
      kind === "section" ? { heading: "Section", body: "Texte initial" } : kind === "task" ? { title: "Tâche", status: "todo" } : { title: "Jalon", status: "planned" };
    return { type: "add", kind, id: freshId(kind.charAt(0)), order, fields };
  }
  const entity = pick(random, list);
  if (roll < 0.88) {
    const field = kind === "section" ? "heading" : pick(random, ["title", "status", "dueDate"]);
    const value =
      field === "status"
        ? pick(random, kind === "task" ? ["todo", "doing", "done"] : ["planned", "in-progress", "done"])
        : field === "dueDate"
          ? pick(random, ["2025-07-01", "2025-12-31", ""])
          : pick(random, ["Budget", "Séchoirs", "Formation", ""]);
    return { type: "set", kind, id: entity.id, field, value };
  }
  if (roll < 0.95 || !options.deletes) {
    const others = list.filter((e) => e.id !== entity.id);
    const at = int(random, others.length + 1);
    const before = others[at - 1]?.order ?? null;
    const after = others[at]?.order ?? null;
    const order = between(before, after);
    return order === null ? null : { type: "move", kind, id: entity.id, order };
  }
  return { type: "delete", kind, id: entity.id };
}
