// Text operations of plan text fields: ot-text-unicode 4.0.0, the reference the server's C#
// port (grains/Kaolack.Contracts/Text/TextOt.cs) follows step for step. Positions count
// Unicode code points (an emoji is 1), not UTF-16 units: use the conversions below between
// an editor's selection indices and op positions.
//
// Ops are treated as immutable values here. The package's functions are wrapped because:
// - its normalize() can mutate its input (it merges a delete into the previous component
//   object), so every op handed to it is copied first;
// - its apply() silently deletes less when a delete runs past the end, which the server
//   refuses: applyText checks the length first;
// - the server refuses unpaired surrogates and ops with adjacent retains or a trailing retain,
//   and transforms ["a","b"] differently from ["ab"]: ops must be normalized before sending.

import * as ot from "ot-text-unicode";
import type { TextOp as MutableTextOp } from "ot-text-unicode";

export type TextOpComponent = number | string | { readonly d: number | string };
/** An ot-text-unicode op, e.g. [3, "hi", { d: 2 }]: skip 3, insert "hi", delete 2. */
export type TextOp = readonly TextOpComponent[];
export type Side = "left" | "right";

export class TextOpError extends Error {
  override readonly name = "TextOpError";
}

const textType = ot.type;

const copy = (op: TextOp): MutableTextOp => op.map((c) => (typeof c === "object" ? { d: c.d } : c));

/** Number of code points in `s` (a lone surrogate counts as one). */
export function codePointLength(s: string): number {
  let count = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        count--;
        i++;
      }
    }
  }
  return count;
}

/** True when every surrogate in `s` is part of a pair (the server refuses other strings). */
export function isWellFormed(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      return false;
    }
  }
  return true;
}

/** UTF-16 index of code point `index` in `s` (clamped to the end). */
export function codePointToUtf16(s: string, index: number): number {
  let i = 0;
  for (let n = 0; n < index && i < s.length; n++) {
    const c = s.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < s.length ? 2 : 1;
  }
  return i;
}

/** Code point index of UTF-16 index `index` in `s` (an index inside a pair counts its pair). */
export function utf16ToCodePoint(s: string, index: number): number {
  return codePointLength(s.slice(0, Math.max(0, index)));
}

/** Code points a delete component removes (a count, or the deleted text). */
export const deleteLength = (d: number | string): number => (typeof d === "number" ? d : codePointLength(d));

/** Structural check of JSON: an array of skips (numbers), inserts (strings) and deletes ({d}). */
export function isTextOp(value: unknown): value is TextOp {
  return (
    Array.isArray(value) &&
    value.every(
      (c: unknown) =>
        typeof c === "number" ||
        typeof c === "string" ||
        (typeof c === "object" &&
          c !== null &&
          !Array.isArray(c) &&
          (typeof (c as { d?: unknown }).d === "number" || typeof (c as { d?: unknown }).d === "string")),
    )
  );
}

/** Why the server would refuse this op (the package's checkOp plus integer counts and well-formed strings), or null. */
export function textOpProblem(op: TextOp): string | null {
  let previous: "skip" | "insert" | "delete" | null = null;
  for (const [i, c] of op.entries()) {
    if (typeof c === "number") {
      if (!Number.isSafeInteger(c) || c <= 0) return `component ${i}: skips must be positive integers`;
      if (previous === "skip") return `component ${i}: adjacent skips`;
      previous = "skip";
    } else if (typeof c === "string") {
      if (c.length === 0) return `component ${i}: empty insert`;
      if (!isWellFormed(c)) return `component ${i}: unpaired surrogate`;
      previous = "insert";
    } else {
      if (typeof c.d === "number" ? !Number.isSafeInteger(c.d) || c.d <= 0 : c.d.length === 0 || !isWellFormed(c.d)) {
        return `component ${i}: deletes must be positive integers or non-empty well-formed strings`;
      }
      previous = "delete";
    }
  }
  return previous === "skip" ? "trailing skip" : null;
}

/** Merges adjacent inserts and deletes and drops a trailing skip (what the server does on reading). */
export function normalizeText(op: TextOp): TextOp {
  return textType.normalize(copy(op).filter((c) => c !== 0 && c !== "" && !(typeof c === "object" && deleteLength(c.d) === 0)));
}

/** Code points of the document the op walks over (skips and deletes). */
export function inputLength(op: TextOp): number {
  let n = 0;
  for (const c of op) n += typeof c === "number" ? c : typeof c === "string" ? 0 : deleteLength(c.d);
  return n;
}

/** Code points the op adds to a document's length (negative when it removes more). */
export function lengthChange(op: TextOp): number {
  let n = 0;
  for (const c of op) n += typeof c === "string" ? codePointLength(c) : typeof c === "object" ? -deleteLength(c.d) : 0;
  return n;
}

export const isNoop = (op: TextOp): boolean => op.length === 0;

/** The document after `op`; throws TextOpError when the op is invalid or too long for it (as the server does). */
export function applyText(doc: string, op: TextOp): string {
  if (op.length === 0) return doc;
  const problem = textOpProblem(op);
  if (problem !== null) throw new TextOpError(`Invalid text op: ${problem}`);
  const length = codePointLength(doc);
  if (inputLength(op) > length) {
    throw new TextOpError(`The op is too long for this document: it walks over ${inputLength(op)} code points, the document has ${length}.`);
  }
  return textType.apply(doc, copy(op));
}

/**
 * `op` rewritten to apply after `other` (both made on the same document). At a tie the
 * "left" op's insert comes first. The server transforms a late op as "left"; a client
 * transforms its pending ops as "left" and the server's op as "right".
 */
export function transformText(op: TextOp, other: TextOp, side: Side): TextOp {
  if (op.length === 0 || other.length === 0) return op;
  return textType.transform(copy(op), copy(other), side);
}

/** One op with the effect of `first` then `second`. */
export function composeText(first: TextOp, second: TextOp): TextOp {
  if (first.length === 0) return second;
  if (second.length === 0) return first;
  return textType.compose(copy(first), copy(second));
}

/** Where a cursor (code points) moves when `op` is applied; an insert at the cursor leaves it before the text. */
export function transformPosition(cursor: number, op: TextOp): number {
  return textType.transformPosition(cursor, copy(op));
}

/** The op of deletes carrying counts only, normalized: what two ops are compared on. */
function canonical(op: TextOp): TextOp {
  return normalizeText(op.map((c) => (typeof c === "object" ? { d: deleteLength(c.d) } : c)));
}

/** True when both ops have the same effect on any document (delete texts are ignored). */
export function textOpsEqual(a: TextOp, b: TextOp): boolean {
  const x = canonical(a);
  const y = canonical(b);
  return x.length === y.length && x.every((c, i) => {
    const d = y[i];
    return typeof c === "object" ? typeof d === "object" && c.d === d.d : c === d;
  });
}

/** Insert `text` at code point `position`. */
export function insertOp(position: number, text: string): TextOp {
  return normalizeText([position, text]);
}

/** Delete `count` code points at code point `position`. */
export function deleteOp(position: number, count: number): TextOp {
  return normalizeText([position, { d: count }]);
}

/** Replace code points [from, to) with `text` (what an input event in a textarea does). */
export function replaceOp(from: number, to: number, text: string): TextOp {
  return normalizeText([from, { d: to - from }, text]);
}

/** Lines of `s`, each with its "\n" (the last one may have none). */
const linesOf = (s: string): string[] => s.match(/[^\n]*\n|[^\n]+$/g) ?? [];

type Edit = "=" | "-" | "+";

/**
 * Myers' shortest edit script from `a` to `b` (one entry per item), or null when it takes
 * more than `maxEdits` insertions and deletions.
 */
function editScript(a: readonly string[], b: readonly string[], maxEdits: number): Edit[] | null {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, maxEdits);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  const at = (w: Int32Array, k: number): number => w[k + offset] ?? 0;
  const down = (w: Int32Array, k: number, d: number): boolean => k === -d || (k !== d && at(w, k - 1) < at(w, k + 1));
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = down(v, k, d) ? at(v, k + 1) : at(v, k - 1) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[k + offset] = x;
      if (x >= n && y >= m) {
        // Walk back from the end through the furthest points of each step.
        const script: Edit[] = [];
        let [px, py] = [n, m];
        for (let step = d; step > 0; step--) {
          const w = trace[step]!;
          const pk = px - py;
          const previousK = down(w, pk, step) ? pk + 1 : pk - 1;
          const previousX = at(w, previousK);
          const previousY = previousX - previousK;
          while (px > previousX && py > previousY) {
            script.push("=");
            px--;
            py--;
          }
          if (px === previousX) {
            script.push("+");
            py--;
          } else {
            script.push("-");
            px--;
          }
        }
        while (px > 0 && py > 0) {
          script.push("=");
          px--;
          py--;
        }
        return script.reverse();
      }
    }
  }
  return null;
}

/** Components replacing `from` with `to` as one region: common prefix and suffix kept. */
function regionDiff(from: string, to: string): TextOpComponent[] {
  const a = Array.from(from);
  const b = Array.from(to);
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  return [prefix, { d: a.length - prefix - suffix }, b.slice(prefix, b.length - suffix).join(""), suffix];
}

/** Components turning a changed block of lines into its new text: a character diff when short, else one region. */
function blockDiff(removed: string, added: string): TextOpComponent[] {
  const a = Array.from(removed);
  const b = Array.from(added);
  const script = editScript(a, b, 200);
  if (script === null) return regionDiff(removed, added);
  let [i, j] = [0, 0];
  return script.map((edit): TextOpComponent => {
    if (edit === "=") {
      i++;
      j++;
      return 1;
    }
    if (edit === "-") return { d: codePointLength(a[i++]!) };
    return b[j++]!;
  });
}

/**
 * An op turning `from` into `to`: a line diff (Myers), then a character diff of each changed
 * block of lines (one region between common prefix and suffix when either would be long). Used to rebase unsent edits on a document that changed in ways
 * this client did not see op by op (a snapshot after a long disconnection, a page reload), so
 * an edit of one paragraph stays put when others edited other paragraphs.
 */
export function diffText(from: string, to: string): TextOp {
  if (from === to) return [];
  const a = linesOf(from);
  const b = linesOf(to);
  const script = editScript(a, b, 400);
  if (script === null) return normalizeText(regionDiff(from, to));
  const components: TextOpComponent[] = [];
  let [i, j] = [0, 0];
  for (let e = 0; e < script.length; ) {
    if (script[e] === "=") {
      components.push(codePointLength(a[i]!));
      i++;
      j++;
      e++;
      continue;
    }
    let removed = "";
    let added = "";
    for (; e < script.length && script[e] !== "="; e++) {
      if (script[e] === "-") removed += a[i++]!;
      else added += b[j++]!;
    }
    components.push(...blockDiff(removed, added));
  }
  return normalizeText(components);
}

/**
 * Splits an op whose inserts exceed `max` code points (the server's limit per insert) into
 * ops applied one after the other, each within the limit.
 */
export function splitLargeInserts(op: TextOp, max: number): TextOp[] {
  const current = normalizeText(op);
  // Output position (in the document after `current`) of each component.
  let output = 0;
  for (const [index, c] of current.entries()) {
    if (typeof c === "number") output += c;
    else if (typeof c === "string") {
      const chars = Array.from(c);
      if (chars.length > max) {
        // This op with the insert cut to its head (later inserts are split in turn), then the
        // rest of the insert right after its head, in the document the first one makes.
        const first = normalizeText([...current.slice(0, index), chars.slice(0, max).join(""), ...current.slice(index + 1)]);
        const rest = normalizeText([output + max, chars.slice(max).join("")]);
        return [...splitLargeInserts(first, max), ...splitLargeInserts(rest, max)];
      }
      output += chars.length;
    }
  }
  return [current];
}
