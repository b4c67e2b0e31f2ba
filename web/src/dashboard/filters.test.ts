import { describe, expect, it } from "vitest";
import { parseHash, routeHref } from "../router";
import {
  dashboardFilterParams,
  dashboardUrl,
  exportHref,
  isPeriod,
  NO_DASHBOARD_FILTER,
  parseDashboardFilter,
  periodChoices,
  periodParts,
  type DashboardFilter,
} from "./filters";

const filter: DashboardFilter = { region: "oriental", status: "at-risk", valueChain: "huile d'olive", period: "2026-T2" };

describe("dashboard filters ↔ address", () => {
  it("reads every filter from the address's French parameters", () => {
    const params = new URLSearchParams("region=oriental&statut=at-risk&filiere=huile%20d%27olive&periode=2026-T2");
    expect(parseDashboardFilter(params)).toEqual(filter);
  });

  it("drops values the server would refuse, and blank ones", () => {
    const params = new URLSearchParams("region=dakar&statut=en-cours&filiere=%20%20&periode=2026-13");
    expect(parseDashboardFilter(params)).toEqual(NO_DASHBOARD_FILTER);
  });

  it("writes the filters back in a stable order that reads to the same route", () => {
    expect(dashboardFilterParams(filter).toString()).toBe("region=oriental&statut=at-risk&filiere=huile+d%27olive&periode=2026-T2");
    const href = routeHref({ name: "dashboard", filter });
    expect(href).toBe("#/tableau-de-bord?region=oriental&statut=at-risk&filiere=huile+d%27olive&periode=2026-T2");
    expect(parseHash(href)).toEqual({ name: "dashboard", filter });
  });

  it("keeps the unfiltered dashboard's address short", () => {
    expect(routeHref({ name: "dashboard" })).toBe("#/tableau-de-bord");
    expect(routeHref({ name: "dashboard", filter: NO_DASHBOARD_FILTER })).toBe("#/tableau-de-bord");
    expect(parseHash("#/tableau-de-bord")).toEqual({ name: "dashboard" });
    expect(parseHash("#/tableau-de-bord?periode=demain")).toEqual({ name: "dashboard" });
  });

  it("accepts years, quarters and months between 2000 and 2100", () => {
    for (const ok of ["2026", "2026-T1", "2026-T4", "2026-01", "2026-12", "2000", "2100"]) expect(isPeriod(ok)).toBe(true);
    for (const bad of ["26", "2026-T5", "2026-T0", "2026-00", "2026-13", "1999", "2101", "2026-5", " 2026"]) expect(isPeriod(bad)).toBe(false);
    expect(periodParts("2026-T2")).toEqual({ year: 2026, quarter: 2, month: null });
    expect(periodParts("2026-05")).toEqual({ year: 2026, quarter: null, month: 5 });
    expect(periodParts("2026-13")).toBeNull();
  });

  it("offers last year, this year and its quarters, next year, and the address's own period", () => {
    expect(periodChoices("2026-05-31", null)).toEqual(["2025", "2026", "2026-T1", "2026-T2", "2026-T3", "2026-T4", "2027"]);
    expect(periodChoices("2026-05-31", "2026-05")).toContain("2026-05");
    expect(periodChoices("2026-05-31", "2026-T3").filter((p) => p === "2026-T3")).toHaveLength(1);
  });
});

describe("dashboard REST and CSV links", () => {
  it("sends the API's parameter names", () => {
    expect(dashboardUrl(filter)).toBe("/api/dashboard?region=oriental&status=at-risk&valueChain=huile+d%27olive&period=2026-T2");
    expect(dashboardUrl(NO_DASHBOARD_FILTER)).toBe("/api/dashboard");
  });

  it("exports the projects table and the indicators with the same filters as the page", () => {
    expect(exportHref("projects", filter, "fr")).toBe("/api/dashboard/projects.csv?region=oriental&status=at-risk&valueChain=huile+d%27olive&period=2026-T2&lang=fr");
    expect(exportHref("indicators", { ...NO_DASHBOARD_FILTER, region: "kaolack" }, "en")).toBe("/api/dashboard/indicators.csv?region=kaolack&lang=en");
    expect(exportHref("projects", NO_DASHBOARD_FILTER, "fr")).toBe("/api/dashboard/projects.csv?lang=fr");
  });
});
