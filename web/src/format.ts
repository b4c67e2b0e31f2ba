import { fr, valueChainLabel } from "./i18n/fr";
import type { DirectoryEntry, Region } from "./types";

const relative = new Intl.RelativeTimeFormat("fr", { numeric: "auto" });
const absolute = new Intl.DateTimeFormat("fr", { dateStyle: "long", timeStyle: "short" });

const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

/**
 * Milliseconds of an ISO 8601 date-time, NaN if invalid. .NET writes 7 fractional digits
 * ("…:58.6886392+00:00"); only 3 are standard JavaScript, so the rest is dropped first.
 */
export function parseIsoDate(iso: string): number {
  return Date.parse(iso.replace(/(\.\d{3})\d+/, "$1"));
}

/** "il y a 5 minutes", "hier", "à l’instant"… (empty string for an invalid date). */
export function relativeTime(iso: string, now: number): string {
  const then = parseIsoDate(iso);
  if (Number.isNaN(then)) return "";
  const seconds = Math.round((then - now) / 1000);
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  }
  return fr.entry.justNow;
}

export function absoluteTime(iso: string): string {
  const then = parseIsoDate(iso);
  return Number.isNaN(then) ? "" : absolute.format(then);
}

/** Lower-case, accent-free text for searching. */
export function normalize(text: string): string {
  return text.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLocaleLowerCase("fr");
}

export interface EntryFilter {
  readonly query: string;
  readonly region: Region | null;
}

export function matchesFilter(entry: DirectoryEntry, filter: EntryFilter): boolean {
  if (filter.region !== null && !entry.regions.includes(filter.region)) return false;
  const query = normalize(filter.query.trim());
  if (query === "") return true;
  const haystack = normalize(
    [entry.name, entry.place, entry.summary, ...entry.valueChains, ...entry.valueChains.map(valueChainLabel)].join(" "),
  );
  return query.split(/\s+/).every((word) => haystack.includes(word));
}
