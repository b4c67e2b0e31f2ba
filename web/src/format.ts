import { currentMessages } from "./i18n";
import { currentLanguage } from "./i18n/language";
import type { Language } from "./types";

export const DAKAR_TIME_ZONE = "Africa/Dakar";
/** Oujda, like all of Morocco (UTC+1, but UTC+0 during Ramadan: never hard-code the offset). */
export const OUJDA_TIME_ZONE = "Africa/Casablanca";

const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

/** Intl formatters are costly to build: one per language and options. */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.RelativeTimeFormat>();

function dateFormat(language: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${language}|${JSON.stringify(options)}`;
  let format = formatters.get(key) as Intl.DateTimeFormat | undefined;
  if (format === undefined) formatters.set(key, (format = new Intl.DateTimeFormat(language, options)));
  return format;
}

function relativeFormat(language: Language): Intl.RelativeTimeFormat {
  const key = `r|${language}`;
  let format = formatters.get(key) as Intl.RelativeTimeFormat | undefined;
  if (format === undefined) formatters.set(key, (format = new Intl.RelativeTimeFormat(language, { numeric: "auto" })));
  return format;
}

/**
 * Milliseconds of an ISO 8601 date-time, NaN if invalid. .NET writes 7 fractional digits
 * ("…:58.6886392+00:00"); only 3 are standard JavaScript, so the rest is dropped first.
 */
export function parseIsoDate(iso: string): number {
  return Date.parse(iso.replace(/(\.\d{3})\d+/, "$1"));
}

/** "il y a 5 minutes", "hier", "à l’instant"… (empty string for an invalid date). */
export function relativeTime(iso: string, now: number, language: Language = currentLanguage()): string {
  const then = parseIsoDate(iso);
  if (Number.isNaN(then)) return "";
  const seconds = Math.round((then - now) / 1000);
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return relativeFormat(language).format(Math.round(seconds / size), unit);
  }
  return currentMessages().entry.justNow;
}

/** A date (no time of day matters): "3 mai 2026". */
export function calendarDate(iso: string, language: Language = currentLanguage()): string {
  const then = parseIsoDate(iso);
  return Number.isNaN(then) ? "" : dateFormat(language, { dateStyle: "long", timeZone: DAKAR_TIME_ZONE }).format(then);
}

/** A day without its year, for dense lists and chart axes: "3 mai". */
export function shortDate(iso: string, language: Language = currentLanguage()): string {
  const then = parseIsoDate(iso);
  return Number.isNaN(then) ? "" : dateFormat(language, { day: "numeric", month: "short", timeZone: DAKAR_TIME_ZONE }).format(then);
}

/** "14:32", or "14:32 le 3 mai" when that is not today in that time zone. */
export function timeInZone(instant: number, timeZone: string, now: number, language: Language = currentLanguage()): string {
  const time = dateFormat(language, { timeZone, hour: "2-digit", minute: "2-digit" }).format(instant);
  const day = dateFormat(language, { timeZone, day: "numeric", month: "long" });
  return day.format(instant) === day.format(now) ? time : currentMessages().time.onDay(time, day.format(instant));
}

/** A moment where the time matters, for both regions: "14:32 à Dakar · 15:32 à Oujda" (with the day if not today). */
export function timeInBothZones(iso: string, now: number, language: Language = currentLanguage()): string {
  const then = parseIsoDate(iso);
  if (Number.isNaN(then)) return "";
  return currentMessages().time.inBothZones(
    timeInZone(then, DAKAR_TIME_ZONE, now, language),
    timeInZone(then, OUJDA_TIME_ZONE, now, language),
  );
}

/** Lower-case, accent-free text for searching. */
export function normalize(text: string): string {
  return text.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLocaleLowerCase("fr");
}
