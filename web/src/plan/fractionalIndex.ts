// Order keys for plan entities (fractional indexing): strings of base-62 digits whose plain
// (ordinal, UTF-16) comparison is the position, so a new key can always be made between two.
// Entities of a kind sort by key, then by id (the server does the same), so two clients
// inserting at the same spot concurrently get the same key and still agree on the order.
//
// Keys follow the scheme of rocicorp/fractional-indexing (David Greenspan's "implementing
// fractional indexing"): an integer part whose first character encodes its length ('a'..'z'
// for 2..27 characters, 'A'..'Z' for the negative ones), then a fraction without trailing
// zeros. Appending or prepending increments or decrements the integer (keys stay short: the
// 3,844 appends after "a0" need 3 characters); inserting between two neighbours bisects the
// fraction (about one more character per six insertions at the same spot).
//
// The server only requires 1–64 ASCII letters or digits, so keys from elsewhere may not
// follow the scheme: keyBetween then falls back to plain lexicographic bisection.

import { PLAN_LIMITS } from "../wire/contract";

export const DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

const ZERO = "0";
const LAST_DIGIT = "z";
/** The smallest integer part: it has no predecessor. */
const SMALLEST_INTEGER = "A" + ZERO.repeat(26);

export class OrderKeyError extends Error {
  override readonly name = "OrderKeyError";
}

const digitValue = (c: string | undefined): number => (c === undefined ? -1 : DIGITS.indexOf(c));

/** True when `key` is something the server accepts: 1–64 ASCII letters or digits. */
export function isOrderKey(key: string): boolean {
  return key.length > 0 && key.length <= PLAN_LIMITS.orderLength && /^[0-9A-Za-z]+$/.test(key);
}

function integerLength(head: string): number | null {
  if (head >= "a" && head <= "z") return head.charCodeAt(0) - 97 + 2;
  if (head >= "A" && head <= "Z") return 90 - head.charCodeAt(0) + 2;
  return null;
}

/** The integer part of a key in the scheme, or null when the key does not follow it. */
function integerPart(key: string): string | null {
  const length = integerLength(key.charAt(0));
  if (length === null || length > key.length) return null;
  return key.slice(0, length);
}

/** True when `key` follows the scheme: an integer part, then a fraction without trailing zero. */
export function isSchemeKey(key: string): boolean {
  if (!isOrderKey(key) || key === SMALLEST_INTEGER) return false;
  const integer = integerPart(key);
  return integer !== null && !(key.length > integer.length && key.endsWith(ZERO));
}

/**
 * A fraction strictly between fractions `a` and `b` (null: no upper bound), both without
 * trailing zeros (`a` may be empty: zero). The result has no trailing zero either.
 */
function midpoint(a: string, b: string | null): string {
  if (b !== null) {
    // Shared prefix (a padded with zeros): keep it and bisect the rest.
    let n = 0;
    while ((a[n] ?? ZERO) === b[n]) n++;
    if (n > 0) return b.slice(0, n) + midpoint(a.slice(n), b.slice(n));
  }
  const digitA = a.length > 0 ? digitValue(a[0]) : 0;
  const digitB = b !== null ? digitValue(b[0]) : DIGITS.length;
  if (digitB - digitA > 1) return DIGITS.charAt(Math.round((digitA + digitB) / 2));
  // Adjacent digits: b's first digit alone is between when b goes on, else go one digit deeper.
  if (b !== null && b.length > 1) return b.slice(0, 1);
  return DIGITS.charAt(digitA) + midpoint(a.slice(1), null);
}

function incrementInteger(integer: string): string | null {
  const head = integer.charAt(0);
  const digits = integer.slice(1).split("");
  for (let i = digits.length - 1; i >= 0; i--) {
    const d = digitValue(digits[i]) + 1;
    if (d < DIGITS.length) {
      digits[i] = DIGITS.charAt(d);
      return head + digits.join("");
    }
    digits[i] = ZERO;
  }
  // Carry out of the last digit: the next head, one digit longer (or shorter below zero).
  if (head === "Z") return "a" + ZERO;
  if (head === "z") return null;
  const next = String.fromCharCode(head.charCodeAt(0) + 1);
  if (next > "a") digits.push(ZERO);
  else digits.pop();
  return next + digits.join("");
}

function decrementInteger(integer: string): string | null {
  const head = integer.charAt(0);
  const digits = integer.slice(1).split("");
  for (let i = digits.length - 1; i >= 0; i--) {
    const d = digitValue(digits[i]) - 1;
    if (d >= 0) {
      digits[i] = DIGITS.charAt(d);
      return head + digits.join("");
    }
    digits[i] = LAST_DIGIT;
  }
  if (head === "a") return "Z" + LAST_DIGIT;
  if (head === "A") return null;
  const next = String.fromCharCode(head.charCodeAt(0) - 1);
  if (next < "Z") digits.push(LAST_DIGIT);
  else digits.pop();
  return next + digits.join("");
}

function schemeKeyBetween(a: string | null, b: string | null): string {
  if (a === null && b === null) return "a" + ZERO;
  if (a === null) {
    const ib = integerPart(b!)!;
    const fb = b!.slice(ib.length);
    if (ib === SMALLEST_INTEGER) return ib + midpoint("", fb);
    if (ib < b!) return ib;
    const previous = decrementInteger(ib);
    if (previous === null) throw new OrderKeyError("No order key before " + b);
    return previous;
  }
  const ia = integerPart(a)!;
  const fa = a.slice(ia.length);
  if (b === null) {
    const next = incrementInteger(ia);
    return next === null ? ia + midpoint(fa, null) : next;
  }
  const ib = integerPart(b)!;
  if (ia === ib) return ia + midpoint(fa, b.slice(ib.length));
  const next = incrementInteger(ia);
  if (next === null) throw new OrderKeyError("No order key after " + a);
  return next < b ? next : ia + midpoint(fa, null);
}

/**
 * A string strictly between `a` and `b` in ordinal order, for keys outside the scheme. Shorter
 * strings sort first, so a position past the end of a string counts as below digit 0. Throws
 * when nothing fits (b is a followed by zeros only).
 */
function lexicographicBetween(a: string, b: string | null): string {
  let result = "";
  for (let i = 0; ; i++) {
    const da = digitValue(a[i]); // -1 past the end of a
    const db = b === null ? DIGITS.length : digitValue(b[i]);
    if (b !== null && db === -1) throw new OrderKeyError(`No order key between "${a}" and "${b}"`);
    if (da === db) {
      result += a.charAt(i);
      continue;
    }
    // da < db here. A middle digit above 0 keeps the key free of trailing zeros.
    const mid = Math.floor((da + db + 1) / 2);
    if (mid > da && mid < db && mid > 0) return result + DIGITS.charAt(mid);
    if (da >= 0) {
      // Take a's digit and finish above the rest of a, with no upper bound any more.
      return result + DIGITS.charAt(da) + lexicographicBetween(a.slice(i + 1), null);
    }
    // a has ended and b's digit here is 0 or 1: follow b with a smaller digit or go deeper.
    if (db === 1) return result + ZERO + DIGITS.charAt(DIGITS.length >> 1);
    result += ZERO; // db === 0: stay on b's path
  }
}

/**
 * An order key strictly between `a` and `b` (null: the start or the end of the list).
 * Throws OrderKeyError when a >= b or nothing fits (b is a followed by zeros), and for
 * strings the server would not accept.
 */
export function keyBetween(a: string | null, b: string | null): string {
  for (const key of [a, b]) {
    if (key !== null && !isOrderKey(key)) throw new OrderKeyError(`Invalid order key "${key}"`);
  }
  if (a !== null && b !== null && a >= b) throw new OrderKeyError(`Order key "${a}" is not before "${b}"`);
  if ((a === null || isSchemeKey(a)) && (b === null || isSchemeKey(b))) return schemeKeyBetween(a, b);
  return lexicographicBetween(a ?? "", b);
}

/** `count` increasing keys strictly between `a` and `b` (for inserting several entities at once). */
export function keysBetween(a: string | null, b: string | null, count: number): string[] {
  if (count <= 0) return [];
  if (count === 1) return [keyBetween(a, b)];
  // Split the interval in halves, so n keys cost about log(n) extra characters.
  const middle = Math.floor(count / 2);
  const key = keyBetween(a, b);
  return [...keysBetween(a, key, middle), key, ...keysBetween(key, b, count - middle - 1)];
}

/** Ordinal comparison of order keys (then ids), as the server sorts entities of a kind. */
export function compareOrder(a: { readonly order: string; readonly id: string }, b: { readonly order: string; readonly id: string }): number {
  if (a.order !== b.order) return a.order < b.order ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
