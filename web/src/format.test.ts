import { describe, expect, it } from "vitest";
import { normalize, parseIsoDate, relativeTime, timeInBothZones } from "./format";
import { messagesFor, valueChainLabel } from "./i18n";

describe("format", () => {
  it("labels value chains and formats relative dates in French", () => {
    expect(normalize("Énergie Sénégal")).toBe("energie senegal");
    expect(valueChainLabel("energie-solaire")).toBe("Énergie solaire");
    expect(valueChainLabel("noix_de_cajou")).toBe("Noix de cajou");
    const now = Date.parse("2025-01-01T01:00:00Z");
    expect(relativeTime("2025-01-01T00:59:50Z", now)).toBe("à l’instant");
    expect(relativeTime("2025-01-01T00:55:00Z", now)).toBe("il y a 5 minutes");
    expect(relativeTime("not a date", now)).toBe("");
    expect(parseIsoDate("2025-01-01T00:55:00.1234567+00:00")).toBe(Date.parse("2025-01-01T00:55:00.123Z"));
  });
});

describe("times for both regions", () => {
  it("names the time in Dakar and in Oujda through the time-zone database, in the language shown", () => {
    const now = Date.parse("2026-05-03T09:00:00Z");
    // In May, Morocco is an hour ahead of Senegal.
    expect(timeInBothZones("2026-05-03T14:32:00Z", now, "fr")).toBe("14:32 à Dakar · 15:32 à Oujda");
    // Another day in Oujda only.
    expect(timeInBothZones("2026-05-03T23:30:00Z", now, "fr")).toBe("23:30 à Dakar · 00:30 le 4 mai à Oujda");
    expect(timeInBothZones("not a date", now, "fr")).toBe("");
  });

  it("has an English message for every French one", () => {
    const keys = (o: object, prefix = ""): string[] =>
      Object.entries(o).flatMap(([k, v]) =>
        typeof v === "object" && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
      );
    expect(keys(messagesFor("en"))).toEqual(keys(messagesFor("fr")));
    expect(messagesFor("en").suggestions.reasons["same-value-chain"]("olive oil")).toBe("same value chain: olive oil");
  });
});
