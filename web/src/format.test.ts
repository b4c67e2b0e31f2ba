import { describe, expect, it } from "vitest";
import { matchesFilter, normalize, parseIsoDate, relativeTime } from "./format";
import { valueChainLabel } from "./i18n/fr";
import type { DirectoryEntry } from "./types";

const entry: DirectoryEntry = {
  kind: "project",
  slug: "sechoirs",
  name: "Séchoirs solaires partagés",
  regions: ["kaolack", "oriental"],
  place: "Oujda",
  valueChains: ["energie-solaire"],
  status: "active",
  summary: "Séchage des mangues",
  version: 1,
  updatedAt: "2025-01-01T00:00:00Z",
};

describe("format", () => {
  it("searches without accents or case, on every word, and by value-chain label", () => {
    expect(normalize("Énergie Sénégal")).toBe("energie senegal");
    expect(matchesFilter(entry, { query: "sechoirs OUJDA", region: null })).toBe(true);
    expect(matchesFilter(entry, { query: "énergie", region: "oriental" })).toBe(true);
    expect(matchesFilter(entry, { query: "arachide", region: null })).toBe(false);
    expect(matchesFilter({ ...entry, regions: ["kaolack"] }, { query: "", region: "oriental" })).toBe(false);
  });

  it("labels value chains and formats relative dates in French", () => {
    expect(valueChainLabel("energie-solaire")).toBe("Énergie solaire");
    expect(valueChainLabel("noix_de_cajou")).toBe("Noix de cajou");
    const now = Date.parse("2025-01-01T01:00:00Z");
    expect(relativeTime("2025-01-01T00:59:50Z", now)).toBe("à l’instant");
    expect(relativeTime("2025-01-01T00:55:00Z", now)).toBe("il y a 5 minutes");
    expect(relativeTime("not a date", now)).toBe("");
    expect(parseIsoDate("2025-01-01T00:55:00.1234567+00:00")).toBe(Date.parse("2025-01-01T00:55:00.123Z"));
  });
});
