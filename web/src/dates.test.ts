import { describe, expect, it } from "vitest";
import { DATE_PLACEHOLDER, formatDateInput, formatDateLong, parseDateInput } from "./dates";

describe("dates typed and shown in the page's language", () => {
  it("shows an ISO date day first (jj/mm/aaaa, dd/mm/yyyy)", () => {
    expect(formatDateInput("2026-05-03")).toBe("03/05/2026");
    expect(formatDateInput("2026-12-31")).toBe("31/12/2026");
  });

  it("shows nothing for what is not a real ISO date", () => {
    for (const value of ["", "03/05/2026", "2026-02-30", "2026-13-01", "2026-5-3", "demain"]) {
      expect(formatDateInput(value)).toBe("");
    }
  });

  it("reads the day first whatever the separator, with two- or four-digit years", () => {
    for (const typed of ["3/5/2026", "03/05/2026", "03.05.2026", "3-5-26", "03 05 2026", " 3 / 5 / 2026 "]) {
      expect(parseDateInput(typed)).toEqual({ ok: true, iso: "2026-05-03" });
    }
  });

  it("reads a pasted ISO date, and empty as no date", () => {
    expect(parseDateInput("2026-05-03")).toEqual({ ok: true, iso: "2026-05-03" });
    expect(parseDateInput("   ")).toEqual({ ok: true, iso: null });
  });

  it("refuses days that do not exist and anything else", () => {
    for (const typed of ["31/04/2026", "29/02/2026", "00/05/2026", "03/00/2026", "3/5", "05/03/2026/1", "2026/05/03", "mai 2026", "2026-02-29"]) {
      expect(parseDateInput(typed)).toEqual({ ok: false });
    }
    expect(parseDateInput("29/02/2028")).toEqual({ ok: true, iso: "2028-02-29" });
  });

  it("round-trips what it shows", () => {
    for (const value of ["2026-01-01", "2028-02-29", "2030-11-09"]) {
      expect(parseDateInput(formatDateInput(value))).toEqual({ ok: true, iso: value });
    }
  });

  it("writes long dates in the page's language, on the calendar day itself", () => {
    expect(formatDateLong("2026-05-03", "fr")).toBe("3 mai 2026");
    expect(formatDateLong("2026-05-03", "en")).toBe("3 May 2026");
    expect(formatDateLong("2026-01-01", "fr")).toBe("1 janvier 2026");
    expect(formatDateLong("pas une date", "fr")).toBe("");
  });

  it("says the format in the field", () => {
    expect(DATE_PLACEHOLDER).toEqual({ fr: "jj/mm/aaaa", en: "dd/mm/yyyy" });
  });
});
