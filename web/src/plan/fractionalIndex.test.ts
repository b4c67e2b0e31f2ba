import { describe, expect, it } from "vitest";
import { compareOrder, isOrderKey, isSchemeKey, keyBetween, keysBetween, OrderKeyError } from "./fractionalIndex";
import { rng } from "./testing/random";
import { PLAN_LIMITS } from "../wire/contract";

describe("fractional index", () => {
  it("starts in the middle and appends and prepends with short keys", () => {
    expect(keyBetween(null, null)).toBe("a0");
    expect(keyBetween("a0", null)).toBe("a1");
    expect(keyBetween(null, "a0")).toBe("Zz");
    expect(keyBetween("a0", "a1")).toBe("a0V");
    expect(keyBetween("az", null)).toBe("b00");
    expect(keyBetween("a0V", "a1")).toBe("a0l");
  });

  it("keeps sequential appends and prepends short", () => {
    let last: string | null = null;
    for (let i = 0; i < 5000; i++) {
      const next = keyBetween(last, null);
      if (last !== null) expect(last < next).toBe(true);
      last = next;
    }
    expect(last!.length).toBeLessThanOrEqual(4);
    let first: string | null = null;
    for (let i = 0; i < 5000; i++) {
      const next = keyBetween(null, first);
      if (first !== null) expect(next < first).toBe(true);
      first = next;
    }
    expect(first!.length).toBeLessThanOrEqual(4);
  });

  it("keeps order and stays short under many random insertions", () => {
    const random = rng(42);
    const keys: string[] = [];
    for (let i = 0; i < 2000; i++) {
      const at = Math.floor(random() * (keys.length + 1));
      const key = keyBetween(keys[at - 1] ?? null, keys[at] ?? null);
      expect(isSchemeKey(key)).toBe(true);
      keys.splice(at, 0, key);
    }
    for (let i = 1; i < keys.length; i++) expect(keys[i - 1]! < keys[i]!).toBe(true);
    expect(new Set(keys).size).toBe(keys.length);
    const longest = Math.max(...keys.map((k) => k.length));
    expect(longest).toBeLessThanOrEqual(8);
  });

  it("survives a few hundred insertions at the same spot within the server's limit", () => {
    // Always right after the first item: the worst case (about one character per six insertions).
    const first = keyBetween(null, null);
    let next = keyBetween(first, null);
    for (let i = 0; i < 300; i++) {
      const key = keyBetween(first, next);
      expect(first < key && key < next).toBe(true);
      next = key;
    }
    expect(next.length).toBeLessThanOrEqual(PLAN_LIMITS.orderLength);
  });

  it("orders by plain string comparison, as the server's ordinal comparer", () => {
    const keys = ["a0", "Zz", "a0V", "b00", "a1", "Zy", "a0G"];
    const sorted = [...keys].sort();
    expect(sorted).toEqual(["Zy", "Zz", "a0", "a0G", "a0V", "a1", "b00"]);
    expect(compareOrder({ order: "a0", id: "b" }, { order: "a0", id: "a" })).toBeGreaterThan(0);
    expect(compareOrder({ order: "a0", id: "z" }, { order: "a1", id: "a" })).toBeLessThan(0);
  });

  it("makes several keys in one interval", () => {
    const keys = keysBetween("a0", "a1", 50);
    expect(keys).toHaveLength(50);
    expect([...keys].sort()).toEqual(keys);
    expect(keys[0]! > "a0" && keys[49]! < "a1").toBe(true);
    expect(Math.max(...keys.map((k) => k.length))).toBeLessThanOrEqual(6);
  });

  it("falls back to plain bisection around keys from elsewhere", () => {
    const random = rng(7);
    const keys = ["1", "5", "m", "m0V", "n"];
    for (let i = 0; i < 500; i++) {
      const at = Math.floor(random() * (keys.length + 1));
      const key = keyBetween(keys[at - 1] ?? null, keys[at] ?? null);
      expect(isOrderKey(key)).toBe(true);
      keys.splice(at, 0, key);
    }
    for (let i = 1; i < keys.length; i++) expect(keys[i - 1]! < keys[i]!).toBe(true);
    expect(keyBetween(null, "0V") < "0V").toBe(true);
    expect(keyBetween("ab", "ab01")).toBe("ab00V");
  });

  it("refuses what cannot be ordered", () => {
    expect(() => keyBetween("a1", "a0")).toThrow(OrderKeyError);
    expect(() => keyBetween("a1", "a1")).toThrow(OrderKeyError);
    expect(() => keyBetween("ab", "ab0")).toThrow(OrderKeyError);
    expect(() => keyBetween("a-b", null)).toThrow(OrderKeyError);
    expect(() => keyBetween(null, "")).toThrow(OrderKeyError);
  });
});
