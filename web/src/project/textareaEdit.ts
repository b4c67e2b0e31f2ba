// A textarea edited live: its input events as ot-text-unicode ops, and remote ops applied to it
// without moving the user's caret off the character it was on. Textareas count UTF-16 units,
// ops count code points: everything here converts at the edges.

import {
  applyText,
  codePointToUtf16,
  replaceOp,
  transformPosition,
  utf16ToCodePoint,
  type TextOp,
} from "../plan/textOps";

/**
 * The op turning `before` into `after`, the textarea's value before and after one input event.
 * A common prefix and suffix are kept; the suffix never reaches before the caret (`caretAfter`,
 * UTF-16), because typing, pasting and deleting leave the caret right after the change: typing
 * "a" in "aa" then inserts where the caret is, not at the start.
 */
export function inputOp(before: string, after: string, caretAfter: number): TextOp {
  if (before === after) return [];
  const a = Array.from(before);
  const b = Array.from(after);
  const caret = Math.min(b.length, utf16ToCodePoint(after, caretAfter));
  const maxSuffix = Math.min(a.length, b.length - caret);
  let suffix = 0;
  while (suffix < maxSuffix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  const maxPrefix = Math.min(a.length, b.length) - suffix;
  let prefix = 0;
  while (prefix < maxPrefix && a[prefix] === b[prefix]) prefix++;
  return replaceOp(prefix, a.length - suffix, b.slice(prefix, b.length - suffix).join(""));
}

export interface TextSelection {
  /** UTF-16 indices, as the textarea has them. */
  readonly start: number;
  readonly end: number;
}

/**
 * `value` after the remote `ops` (in order), and the selection moved with them: a caret stays
 * on its character when others insert or delete elsewhere in the text.
 */
export function applyRemote(value: string, selection: TextSelection, ops: readonly TextOp[]): { value: string; selection: TextSelection } {
  let text = value;
  let start = utf16ToCodePoint(value, selection.start);
  let end = utf16ToCodePoint(value, selection.end);
  for (const op of ops) {
    text = applyText(text, op);
    start = transformPosition(start, op);
    end = transformPosition(end, op);
  }
  return { value: text, selection: { start: codePointToUtf16(text, start), end: codePointToUtf16(text, end) } };
}

export interface CaretPlace {
  /** 1-based line and column (code points). */
  readonly line: number;
  readonly column: number;
  /** Up to `width` code points before the caret on its line (what a person reads to find it). */
  readonly before: string;
}

/** Where a caret (code points) is in `text`, for saying it in words. */
export function caretPlace(text: string, cursor: number, width = 24): CaretPlace {
  const points = Array.from(text);
  const at = Math.max(0, Math.min(cursor, points.length));
  let lineStart = 0;
  let line = 1;
  for (let i = 0; i < at; i++) {
    if (points[i] === "\n") {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: at - lineStart + 1, before: points.slice(Math.max(lineStart, at - width), at).join("") };
}
