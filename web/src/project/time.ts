import { parseIsoDate } from "../format";
import type { Language } from "../types";

export const DAKAR = "Africa/Dakar";
/** Oujda, like all of Morocco. */
export const OUJDA = "Africa/Casablanca";

/** A moment as people of one region read it: "29 nov. 2026, 14:32" in that time zone. */
export function zonedTime(iso: string, timeZone: string, language: Language): string {
  const at = parseIsoDate(iso);
  if (Number.isNaN(at)) return "";
  return new Intl.DateTimeFormat(language, { timeZone, dateStyle: "medium", timeStyle: "short" }).format(at);
}
