// Number and money formats of the dashboards, in the language shown.

import type { Language, Currency } from "../types";
import type { MoneyProgress } from "./types";

const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(language: Language, currency: Currency | null): Intl.NumberFormat {
  const key = `${language}|${currency ?? ""}`;
  let format = formats.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(language, currency === null ? { maximumFractionDigits: 2 } : { style: "currency", currency, maximumFractionDigits: 0 });
    formats.set(key, format);
  }
  return format;
}

export function formatNumber(value: number, language: Language): string {
  return numberFormat(language, null).format(value);
}

export function formatMoney(value: number, currency: Currency, language: Language): string {
  return numberFormat(language, currency).format(value);
}

/** "3 000 000 / 24 000 000 F CFA + 2 500 / 0 €": what was received of what is expected, per currency. */
export function receivedOfExpected(lines: readonly MoneyProgress[], language: Language): string {
  return lines.map((l) => `${formatNumber(l.received, language)} / ${formatMoney(l.expected, l.currency, language)}`).join(" + ");
}
