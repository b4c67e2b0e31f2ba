// Calendar dates (no time of day: due dates, start and end dates, the day money arrived) shown and typed in the
// page's language and format — jj/mm/aaaa in French, dd/mm/yyyy in English — whatever the browser's own locale.
// The wire carries them as ISO yyyy-mm-dd; these pure functions convert both ways (tested in dates.test.ts).

import type { Language } from "./types";

/** What the field shows while empty: the format itself, in the page's language. */
export const DATE_PLACEHOLDER: Readonly<Record<Language, string>> = { fr: "jj/mm/aaaa", en: "dd/mm/yyyy" };

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether y-m-d names a day that exists (29 February only in leap years). */
function isRealDay(year: number, month: number, day: number): boolean {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const iso = (year: number, month: number, day: number): string =>
  `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;

/** "2026-05-03" → "03/05/2026" (French and English as written here both put the day first); "" for anything that is not an ISO date. */
export function formatDateInput(value: string): string {
  const match = ISO.exec(value);
  if (match === null) return "";
  const [, year, month, day] = match;
  return isRealDay(Number(year), Number(month), Number(day)) ? `${day}/${month}/${year}` : "";
}

export type ParsedDate = { readonly ok: true; readonly iso: string | null } | { readonly ok: false };

/**
 * What was typed, as an ISO date: "3/5/2026", "03.05.2026", "3-5-26" and "03 05 2026" are the 3rd of May 2026 in both
 * languages (day first); a pasted "2026-05-03" is read as ISO. Empty means no date (`iso: null`); a day that does not
 * exist (31/04, 29/02 outside leap years) or anything else is refused.
 */
export function parseDateInput(text: string): ParsedDate {
  const value = text.trim();
  if (value === "") return { ok: true, iso: null };
  const isoMatch = ISO.exec(value);
  if (isoMatch !== null) {
    const [year, month, day] = [Number(isoMatch[1]), Number(isoMatch[2]), Number(isoMatch[3])];
    return isRealDay(year, month, day) ? { ok: true, iso: iso(year, month, day) } : { ok: false };
  }
  const parts = /^(\d{1,2})\s*[/.\-\s]\s*(\d{1,2})\s*[/.\-\s]\s*(\d{2}|\d{4})$/.exec(value);
  if (parts === null) return { ok: false };
  const day = Number(parts[1]);
  const month = Number(parts[2]);
  const year = parts[3]!.length === 2 ? 2000 + Number(parts[3]) : Number(parts[3]);
  return isRealDay(year, month, day) ? { ok: true, iso: iso(year, month, day) } : { ok: false };
}

const longFormats = new Map<Language, Intl.DateTimeFormat>();

/** "3 mai 2026" / "3 May 2026" for an ISO date, read as that calendar day (never shifted by a time zone); "" if invalid. */
export function formatDateLong(value: string, language: Language): string {
  const match = ISO.exec(value);
  if (match === null || !isRealDay(Number(match[1]), Number(match[2]), Number(match[3]))) return "";
  let format = longFormats.get(language);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(language === "fr" ? "fr-FR" : "en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
    longFormats.set(language, format);
  }
  return format.format(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}
