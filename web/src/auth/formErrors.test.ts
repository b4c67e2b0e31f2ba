import { describe, expect, it } from "vitest";
import { fr } from "../i18n/fr";
import { fieldForKey, formErrors } from "./formErrors";
import { problemMessage, toProblem } from "./problem";

const REGISTER = ["email", "password", "displayName", "organisation", "region", "language"] as const;

describe("problem details → form fields", () => {
  it("puts each validation message under its field", () => {
    const problem = toProblem(400, {
      type: "/problems/validation-failed",
      title: "Certaines valeurs sont invalides.",
      status: 400,
      code: "validation-failed",
      errors: {
        email: ["L’adresse e-mail est invalide."],
        password: ["Au moins 10 caractères.", "Au moins un chiffre."],
        displayName: ["Le nom est obligatoire."],
      },
    });
    expect(formErrors(problem, REGISTER)).toEqual({
      fields: {
        email: "L’adresse e-mail est invalide.",
        password: "Au moins 10 caractères. Au moins un chiffre.",
        displayName: "Le nom est obligatoire.",
      },
      general: [],
    });
  });

  it("matches keys whatever their case or JSON path", () => {
    expect(fieldForKey("Email", REGISTER)).toBe("email");
    expect(fieldForKey("$.displayName", REGISTER)).toBe("displayName");
    expect(fieldForKey("body.organisation", REGISTER)).toBe("organisation");
    expect(fieldForKey("DisplayName", REGISTER)).toBe("displayName");
    expect(fieldForKey("region[0]", REGISTER)).toBe("region");
  });

  it("understands ASP.NET Identity codes and aliases", () => {
    expect(fieldForKey("PasswordTooShort", REGISTER)).toBe("password");
    expect(fieldForKey("PasswordRequiresDigit", REGISTER)).toBe("password");
    expect(fieldForKey("DuplicateEmail", REGISTER)).toBe("email");
    expect(fieldForKey("InvalidUserName", REGISTER)).toBe("email");
    expect(fieldForKey("UserName", ["email", "password"] as const)).toBe("email");
    expect(fieldForKey("Organization", REGISTER)).toBe("organisation");
    expect(fieldForKey("somethingElse", REGISTER)).toBeNull();
  });

  it("keeps messages for fields the form does not show as general messages", () => {
    const problem = toProblem(400, {
      code: "validation-failed",
      errors: { password: ["Trop court."], region: ["Région inconnue."], "": ["Corps illisible."] },
    });
    expect(formErrors(problem, ["email", "password"] as const)).toEqual({
      fields: { password: "Trop court." },
      general: ["Région inconnue.", "Corps illisible."],
    });
  });

  it("reads Identity's array form of errors", () => {
    const problem = toProblem(400, {
      errors: [
        { code: "PasswordTooShort", description: "Passwords must be at least 10 characters." },
        { code: "DuplicateUserName", description: "Username 'a@b.sn' is already taken." },
      ],
    });
    expect(formErrors(problem, REGISTER).fields).toEqual({
      password: "Passwords must be at least 10 characters.",
      email: "Username 'a@b.sn' is already taken.",
    });
  });

  it("without field errors, shows the refusal by code, else by title, else by status", () => {
    const general = (status: number, body: unknown) => formErrors(toProblem(status, body), REGISTER);
    expect(general(409, { code: "already-exists", title: "Conflit" })).toEqual({
      fields: {},
      general: [fr.problems.codes["already-exists"]],
    });
    expect(general(400, { code: "something-new", title: "Titre du serveur" }).general).toEqual(["Titre du serveur"]);
    expect(general(500, "<html>").general).toEqual([fr.problems.server]);
    expect(general(0, { code: "network" }).general).toEqual([fr.problems.network]);
    expect(general(429, null).general).toEqual([fr.problems.codes["rate-limited"]]);
    expect(general(403, {}).general).toEqual([fr.problems.generic]);
  });

  it("tolerates malformed bodies", () => {
    for (const body of [null, "texte", 42, [], { errors: "x" }, { errors: { email: "un seul message" } }, { errors: { email: [1, null] } }]) {
      const result = formErrors(toProblem(400, body), REGISTER);
      expect(result.general.length + Object.keys(result.fields).length).toBeGreaterThan(0);
    }
    expect(formErrors(toProblem(400, { errors: { email: "un seul message" } }), REGISTER).fields).toEqual({ email: "un seul message" });
  });

  it("reads the problem members and Retry-After", () => {
    const now = Date.parse("2026-05-03T12:00:00Z");
    const problem = toProblem(423, { status: 423, code: "locked-out", title: "Compte verrouillé", lockedUntil: "2026-05-03T12:15:00Z" }, "120", now);
    expect(problem).toMatchObject({ status: 423, code: "locked-out", title: "Compte verrouillé", retryAfterSeconds: 120 });
    expect(problem.extensions["lockedUntil"]).toBe("2026-05-03T12:15:00Z");
    expect(toProblem(429, null, "Sun, 03 May 2026 12:05:00 GMT", now).retryAfterSeconds).toBe(300);
    expect(toProblem(429, null, "bientôt", now).retryAfterSeconds).toBeNull();
    expect(problemMessage(problem)).toBe(fr.problems.codes["locked-out"]);
  });
});
