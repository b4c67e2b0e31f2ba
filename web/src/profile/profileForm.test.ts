import { describe, expect, it } from "vitest";
import { messagesFor } from "../i18n";
import type { CooperativeProfile } from "../types";
import { conflictRows, COOPERATIVE_FIELDS, formProblems, fromForm, rebase, toForm } from "./profileForm";

const profile: CooperativeProfile = {
  name: "Coopérative Zitoun Taourirt",
  region: "oriental",
  commune: "Taourirt",
  legalForm: "cooperative",
  valueChains: ["huile d'olive", "olives de table"],
  products: ["huile extra vierge"],
  memberCount: 40,
  womenSharePercent: 55,
  youthSharePercent: 20,
  contact: { person: "Youssef Benali", email: null, phone: "+212 600 000 000" },
  languages: ["ar", "fr"],
  capacityNeeds: ["export"],
  fairParticipations: [{ fair: "salon-ess-oriental", year: 2025, role: "exhibitor" }],
  description: "Huilerie",
};
const fr = messagesFor("fr");

describe("profile form", () => {
  it("round-trips a profile, one list value per line, keeping what the form does not show", () => {
    const form = toForm(COOPERATIVE_FIELDS, profile);
    expect(form["valueChains"]).toBe("huile d'olive\nolives de table");
    expect(form["contactEmail"]).toBe("");
    expect(fromForm(COOPERATIVE_FIELDS, form, profile)).toEqual(profile);
    const edited = fromForm(COOPERATIVE_FIELDS, { ...form, products: " savon \n\n huile ", memberCount: " 41 ", contactEmail: "z@exemple.ma" }, profile);
    expect(edited).toEqual({ ...profile, products: ["savon", "huile"], memberCount: 41, contact: { ...profile.contact, email: "z@exemple.ma" } });
  });

  it("checks required fields and whole numbers before sending", () => {
    const form = toForm(COOPERATIVE_FIELDS, profile);
    expect(formProblems(COOPERATIVE_FIELDS, { ...form, name: "  ", memberCount: "quarante" }, fr)).toEqual({
      name: fr.form.fieldRequired,
      memberCount: fr.form.wholeNumber,
    });
    expect(formProblems(COOPERATIVE_FIELDS, form, fr)).toEqual({});
  });
});

describe("a save refused because someone saved first", () => {
  const base = toForm(COOPERATIVE_FIELDS, profile);
  const yours = { ...base, description: "Notre huilerie", products: "huile extra vierge\nsavon", commune: "Taourirt " };
  const theirs = { ...base, description: "Huilerie de Taourirt", memberCount: "42", products: "huile extra vierge\nsavon" };

  it("lists the fields whose versions differ, saying who changed each", () => {
    expect(conflictRows(COOPERATIVE_FIELDS, base, yours, theirs)).toEqual([
      { key: "memberCount", theirs: "42", yours: "40", youChanged: false, theyChanged: true },
      { key: "description", theirs: "Huilerie de Taourirt", yours: "Notre huilerie", youChanged: true, theyChanged: true },
    ]);
  });

  it("retries with the editor's changes over their version, theirs wherever the editor changed nothing", () => {
    expect(rebase(COOPERATIVE_FIELDS, base, yours, theirs)).toEqual({
      ...theirs,
      description: "Notre huilerie",
      // Same on both sides: nothing lost either way.
      products: "huile extra vierge\nsavon",
    });
  });
});
