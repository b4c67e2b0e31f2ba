import { describe, expect, it } from "vitest";
import { applyText } from "../plan/textOps";
import { applyRemote, caretPlace, inputOp } from "./textareaEdit";

describe("textarea edits as text ops", () => {
  it("turns typing, pasting and deleting into ops placed at the caret", () => {
    expect(inputOp("aa", "aaa", 3)).toEqual([2, "a"]);
    expect(inputOp("aa", "aaa", 2)).toEqual([1, "a"]);
    expect(inputOp("aa", "aaa", 1)).toEqual(["a"]);
    expect(inputOp("aaa", "aa", 1)).toEqual([1, { d: 1 }]);
    expect(inputOp("Budget", "Budget prévu", 12)).toEqual([6, " prévu"]);
    expect(inputOp("abc", "aXc", 2)).toEqual([1, { d: 1 }, "X"]);
    expect(inputOp("same", "same", 2)).toEqual([]);
  });

  it("counts code points, so emoji and Arabic are never split", () => {
    const before = "Huile 😀 زيت";
    const after = "Huile 😀😀 زيت";
    const op = inputOp(before, after, "Huile 😀😀".length);
    expect(op).toEqual([7, "😀"]);
    expect(applyText(before, op)).toBe(after);
  });

  it("always produces an op from the old value to the new one, whatever the caret says", () => {
    const cases: [string, string, number][] = [
      ["abcdef", "abXYef", 0],
      ["abcdef", "", 0],
      ["", "نص عربي", 3],
      ["ligne 1\nligne 2", "ligne 1\nligne 2\nligne 3", 99],
      ["aaaa", "aa", 4],
    ];
    for (const [before, after, caret] of cases) expect(applyText(before, inputOp(before, after, caret))).toBe(after);
  });

  it("keeps the caret on its character when others edit before or after it", () => {
    // Caret after "Bonjour" (7); someone inserts at the start, someone deletes after it.
    const result = applyRemote("Bonjour tout le monde", { start: 7, end: 7 }, [["Salam. "], [14, { d: 5 }]]);
    expect(result.value).toBe("Salam. Bonjour le monde");
    expect(result.selection).toEqual({ start: 14, end: 14 });
  });

  it("moves a selection in UTF-16 units around remote emoji", () => {
    const result = applyRemote("ab", { start: 1, end: 2 }, [["😀"]]);
    expect(result.value).toBe("😀ab");
    expect(result.selection).toEqual({ start: 3, end: 4 });
  });

  it("says where a caret is in words: line, column and what comes before", () => {
    expect(caretPlace("Budget\nTransport des olives", 17)).toEqual({ line: 2, column: 11, before: "Transport " });
    expect(caretPlace("abc", 99)).toEqual({ line: 1, column: 4, before: "abc" });
    expect(caretPlace("x".repeat(40), 40, 5).before).toBe("xxxxx");
  });
});
