import { describe, expect, it } from "vitest";
import {
  applyText,
  codePointLength,
  codePointToUtf16,
  composeText,
  diffText,
  insertOp,
  normalizeText,
  replaceOp,
  splitLargeInserts,
  TextOpError,
  textOpProblem,
  textOpsEqual,
  transformText,
  utf16ToCodePoint,
  type TextOp,
} from "./textOps";
import { int, pick, rng } from "./testing/random";

describe("text ops", () => {
  it("counts positions in code points", () => {
    expect(codePointLength("a😀e\u0301")).toBe(4);
    expect(applyText("a😀b", [2, "x"])).toBe("a😀xb");
    expect(codePointToUtf16("a😀b", 2)).toBe(3);
    expect(utf16ToCodePoint("a😀b", 3)).toBe(2);
  });

  it("refuses ops the server refuses", () => {
    expect(() => applyText("abc", [2, { d: 5 }])).toThrow(TextOpError);
    expect(textOpProblem([3])).toBe("trailing skip");
    expect(textOpProblem([1, 2, "x"])).toMatch(/adjacent skips/);
    expect(textOpProblem(["\ud800"])).toMatch(/unpaired surrogate/);
    expect(textOpProblem([1.5, "x"])).toMatch(/integers/);
  });

  it("normalizes without touching its input", () => {
    const op: TextOp = [{ d: 1 }, { d: 2 }, "a", "b", 0, 3];
    expect(normalizeText(op)).toEqual([{ d: 3 }, "ab"]);
    expect(op).toEqual([{ d: 1 }, { d: 2 }, "a", "b", 0, 3]);
  });

  it("puts the left op's insert first at a tie", () => {
    expect(transformText(["a"], ["b"], "left")).toEqual(["a"]);
    expect(transformText(["b"], ["a"], "right")).toEqual([1, "b"]);
  });

  it("compares ops by effect, ignoring delete texts", () => {
    expect(textOpsEqual([2, { d: "ab" }], [2, { d: 2 }])).toBe(true);
    expect(textOpsEqual([2, "x"], [2, "y"])).toBe(false);
  });

  it("diffs two strings into one replacement", () => {
    const random = rng(3);
    const alphabet = ["a", "b", "😀", "e\u0301", " "];
    for (let i = 0; i < 500; i++) {
      const from = Array.from({ length: int(random, 12) }, () => pick(random, alphabet)).join("");
      const to = Array.from({ length: int(random, 12) }, () => pick(random, alphabet)).join("");
      const op = diffText(from, to);
      expect(applyText(from, op)).toBe(to);
      expect(textOpProblem(op)).toBeNull();
    }
    expect(diffText("hello world", "hello brave world")).toEqual([6, "brave "]);
  });

  it("diffs by lines, so edits of different paragraphs stay separate", () => {
    const from = "Titre\nPremier paragraphe.\nDeuxième.\nTroisième paragraphe.\n";
    const to = "Titre\nPremier paragraphe modifié.\nDeuxième.\nTroisième.\nAjout";
    const op = diffText(from, to);
    expect(applyText(from, op)).toBe(to);
    // An insert in the untouched middle paragraph, transformed over the diff, stays there.
    const mine = insertOp(codePointLength("Titre\nPremier paragraphe.\nDeux"), "X");
    expect(applyText(to, transformText(mine, op, "left"))).toBe("Titre\nPremier paragraphe modifié.\nDeuxXième.\nTroisième.\nAjout");

    const random = rng(11);
    const words = ["a\n", "b\n", "ligne\n", "😀\n", "x", "\n"];
    for (let i = 0; i < 500; i++) {
      const a = Array.from({ length: int(random, 30) }, () => pick(random, words)).join("");
      const b = Array.from({ length: int(random, 30) }, () => pick(random, words)).join("");
      const d = diffText(a, b);
      expect(applyText(a, d)).toBe(b);
      expect(textOpProblem(d)).toBeNull();
    }
    // Too many changed lines: one region, still correct.
    const many = Array.from({ length: 1000 }, (_, k) => `${k}\n`).join("");
    const other = Array.from({ length: 1000 }, (_, k) => `${k * 7}\n`).join("");
    expect(applyText(many, diffText(many, other))).toBe(other);
  });

  it("splits inserts longer than a limit into ops with the same effect", () => {
    const doc = "0123456789";
    const op = normalizeText([2, "abcdefgh", 3, { d: 2 }, "ijklmnopq"]);
    const parts = splitLargeInserts(op, 3);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) for (const c of part) if (typeof c === "string") expect(codePointLength(c)).toBeLessThanOrEqual(3);
    expect(parts.reduce(applyText, doc)).toBe(applyText(doc, op));
    expect(splitLargeInserts(insertOp(1, "xy"), 3)).toEqual([[1, "xy"]]);
  });

  it("composes edits of a textarea", () => {
    const a = replaceOp(0, 0, "Bonjour");
    const b = replaceOp(7, 7, " Kaolack");
    const c = replaceOp(0, 7, "Salut");
    const composed = composeText(composeText(a, b), c);
    expect(applyText("", composed)).toBe("Salut Kaolack");
  });
});
