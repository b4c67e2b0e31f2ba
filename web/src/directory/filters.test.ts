import { describe, expect, it } from "vitest";
import { parseHash, routeHref } from "../router";
import type { DirectoryEntry } from "../types";
import { apiQuery, filterParams, matchesDirectoryFilter, NO_FILTER, parseFilter, valueChainChoices, withKind, type DirectoryFilter } from "./filters";

const entry: DirectoryEntry = {
  kind: "cooperative",
  slug: "zitoun-taourirt",
  name: "Coopérative Zitoun Taourirt",
  regions: ["oriental"],
  place: "Taourirt",
  valueChains: ["huile d'olive", "olives de table"],
  status: null,
  summary: "Huilerie coopérative",
  keywords: ["savon à l'huile d'olive", "GIE"],
  legalForm: "cooperative",
  version: 3,
  updatedAt: "2026-05-01T00:00:00Z",
  capacityNeeds: [],
  skills: [],
  interestAreas: [],
};

describe("directory filters in the address", () => {
  it("reads every filter and writes it back the same", () => {
    const filter: DirectoryFilter = {
      kind: "cooperatives",
      text: "huile olive",
      region: "oriental",
      valueChain: "huile d'olive",
      legalForm: "gie",
      status: null,
      organisationKind: null,
    };
    const hash = routeHref({ name: "home", filter });
    expect(hash).toBe("#/?type=cooperatives&q=huile+olive&region=oriental&filiere=huile+d%27olive&forme=gie");
    expect(parseHash(hash)).toEqual({ name: "home", filter });
    expect(routeHref({ name: "home", filter: NO_FILTER })).toBe("#/");
    expect(parseHash("#/")).toEqual({ name: "home" });
  });

  it("drops unknown values and filters that do not belong to the list shown", () => {
    expect(parseFilter(new URLSearchParams("type=planets&region=mars&forme=gie&statut=active&filiere=%20"))).toEqual(NO_FILTER);
    expect(parseFilter(new URLSearchParams("type=projects&forme=gie&statut=at-risk"))).toEqual({ ...NO_FILTER, kind: "projects", status: "at-risk" });
    const cooperatives: DirectoryFilter = { ...NO_FILTER, kind: "cooperatives", legalForm: "pme", region: "kaolack" };
    expect(withKind(cooperatives, "projects")).toEqual({ ...NO_FILTER, kind: "projects", region: "kaolack" });
    expect(filterParams({ ...NO_FILTER, legalForm: "pme", status: "active" }).toString()).toBe("");
  });

  it("sends each list only the REST parameters it understands", () => {
    const filter: DirectoryFilter = { kind: "projects", text: "  séchoirs ", region: "kaolack", valueChain: "mangue", legalForm: null, status: "active", organisationKind: null };
    expect(apiQuery("projects", filter)).toEqual({ q: "séchoirs", region: "kaolack", valueChain: "mangue", status: "active" });
    expect(apiQuery("cooperatives", { ...NO_FILTER, kind: "cooperatives", legalForm: "gie" })).toEqual({ legalForm: "gie" });
    expect(apiQuery("diaspora-groups", NO_FILTER)).toEqual({});
  });

  it("applies the server's search rules to live entries", () => {
    const match = (patch: Partial<DirectoryFilter>) => matchesDirectoryFilter(entry, "cooperatives", { ...NO_FILTER, ...patch });
    expect(match({ text: "HUILE taourirt" })).toBe(true);
    expect(match({ text: "savon" })).toBe(true); // keywords count
    expect(match({ text: "savon arachide" })).toBe(false); // every word must match
    expect(match({ region: "kaolack" })).toBe(false);
    expect(match({ valueChain: "Olive" })).toBe(true);
    expect(match({ valueChain: "arachide" })).toBe(false);
    expect(match({ legalForm: "cooperative" })).toBe(true);
    expect(match({ legalForm: "gie" })).toBe(false);
  });

  it("filters organisations by their kind, a filter no other list takes", () => {
    const { legalForm: _cooperativeOnly, ...rest } = entry;
    const chamber: DirectoryEntry = { ...rest, kind: "organisation", slug: "cciak", organisationKind: "chamber" };
    const filter: DirectoryFilter = { ...NO_FILTER, kind: "organisations", organisationKind: "chamber", region: "oriental" };
    const hash = routeHref({ name: "home", filter });
    expect(hash).toBe("#/?type=organisations&region=oriental&genre=chamber");
    expect(parseHash(hash)).toEqual({ name: "home", filter });
    expect(apiQuery("organisations", filter)).toEqual({ region: "oriental", organisationKind: "chamber" });
    expect(apiQuery("cooperatives", filter)).toEqual({ region: "oriental" });
    expect(matchesDirectoryFilter(chamber, "organisations", filter)).toBe(true);
    expect(matchesDirectoryFilter(chamber, "organisations", { ...filter, organisationKind: "ngo" })).toBe(false);
    expect(withKind(filter, "projects")).toEqual({ ...NO_FILTER, kind: "projects", region: "oriental" });
    expect(parseFilter(new URLSearchParams("type=projects&genre=chamber"))).toEqual({ ...NO_FILTER, kind: "projects" });
  });

  it("offers the value chains present, once each, sorted", () => {
    expect(valueChainChoices([entry, { ...entry, valueChains: ["Huile d'olive", "arachide"] }], "mil")).toEqual([
      "arachide",
      "huile d'olive",
      "mil",
      "olives de table",
    ]);
  });
});
