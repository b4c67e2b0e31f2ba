import { describe, expect, it } from "vitest";
import { fr } from "../i18n/fr";
import { timeInZone } from "../format";
import { lockoutMessage, registerErrors, registerRequest, signInErrors, validateRegister, validateSignIn, type RegisterValues } from "./forms";
import { toProblem } from "./problem";

const now = Date.parse("2026-05-03T12:00:00Z");

describe("sign-in refusals", () => {
  it("gives the lockout end in Dakar and Oujda time", () => {
    // As .NET writes it: 7 fractional digits and an offset.
    const problem = toProblem(423, { code: "locked-out", lockedUntil: "2026-05-03T14:32:58.6886392+00:00" });
    // May: Morocco is one hour ahead of Senegal.
    expect(lockoutMessage(problem, now)).toBe("Trop de tentatives : ce compte est verrouillé jusqu’à 14:32 à Dakar (15:32 à Oujda).");
    expect(signInErrors(problem, now)).toEqual({ fields: {}, general: [fr.signIn.lockedUntil("14:32", "15:32")] });
  });

  it("adds the day when the lockout ends on another day in that zone", () => {
    const problem = toProblem(423, { code: "locked-out", lockedUntil: "2026-05-03T23:50:00Z" });
    expect(lockoutMessage(problem, now)).toBe(fr.signIn.lockedUntil("23:50", "00:50 le 4 mai"));
    // During Ramadan Morocco is on UTC+0, like Dakar.
    expect(timeInZone(Date.parse("2026-03-01T14:32:00Z"), "Africa/Casablanca", Date.parse("2026-03-01T10:00:00Z"))).toBe("14:32");
  });

  it("falls back to a general lockout message without a valid time", () => {
    expect(lockoutMessage(toProblem(423, { code: "locked-out" }), now)).toBe(fr.signIn.locked);
    expect(lockoutMessage(toProblem(423, { code: "locked-out", lockedUntil: "demain" }), now)).toBe(fr.signIn.locked);
    expect(signInErrors(toProblem(401, { detail: "LockedOut" }), now).general).toEqual([fr.signIn.locked]);
  });

  it("reports invalid credentials and rate limits as general messages", () => {
    expect(signInErrors(toProblem(401, { code: "invalid-credentials", title: "Identifiants invalides" }), now)).toEqual({
      fields: {},
      general: [fr.problems.codes["invalid-credentials"]],
    });
    expect(signInErrors(toProblem(429, { code: "rate-limited" }, "90"), now).general).toEqual([
      `${fr.problems.codes["rate-limited"]} ${fr.problems.retryIn(2)}`,
    ]);
    expect(signInErrors(toProblem(400, { code: "validation-failed", errors: { email: ["Adresse invalide."] } }), now)).toEqual({
      fields: { email: "Adresse invalide." },
      general: [],
    });
  });
});

describe("register", () => {
  const valid: RegisterValues = {
    email: " awa@exemple.sn ",
    password: "0123456789",
    displayName: " Awa Diop ",
    organisation: "",
    region: "kaolack",
    language: "fr",
  };

  it("checks the fields before sending", () => {
    expect(validateRegister(valid)).toEqual({});
    expect(registerRequest(valid)).toEqual({ ...valid, email: "awa@exemple.sn", displayName: "Awa Diop" });
    expect(validateRegister({ ...valid, email: "awa", password: "123456789", displayName: " ", region: "", language: "" })).toEqual({
      email: fr.form.emailInvalid,
      password: fr.form.passwordTooShort(10),
      displayName: fr.form.fieldRequired,
      region: fr.form.choose,
      language: fr.form.choose,
    });
    expect(registerRequest({ ...valid, region: "" })).toBeNull();
    expect(validateSignIn({ email: "", password: "" })).toEqual({ email: fr.form.fieldRequired, password: fr.form.fieldRequired });
    expect(validateSignIn({ email: "awa@exemple.sn", password: "x" })).toEqual({});
  });

  it("shows an existing account on the e-mail field", () => {
    expect(registerErrors(toProblem(409, { code: "already-exists", title: "Conflit" }))).toEqual({
      fields: { email: fr.problems.codes["already-exists"] },
      general: [],
    });
    expect(registerErrors(toProblem(400, { code: "validation-failed", errors: { displayName: ["Trop long."] } })).fields).toEqual({
      displayName: "Trop long.",
    });
  });
});
