import { describe, expect, it } from "vitest";
import { parseHubError } from "./hubErrors";

describe("hub errors", () => {
  it("reads hub error codes", () => {
    expect(parseHubError(new Error("An unexpected error occurred invoking 'SubmitPlanOp' on the server. HubException: rule-violation: Trop…"))?.code).toBe("rule-violation");
    expect(parseHubError(new Error("forbidden: non"))?.code).toBe("forbidden");
    expect(parseHubError(new Error("Invocation canceled due to the underlying connection being closed."))).toBeNull();
  });

  it("reads the rule a rule violation names, and the server's words", () => {
    const error = new Error("An unexpected error occurred invoking 'SendWorkshopCommand' on the server. HubException: rule-violation: poll-closed: Le vote est clos.");
    expect(parseHubError(error)).toEqual({ code: "rule-violation", rule: "poll-closed", retryAfterMs: null, message: "Le vote est clos." });
    expect(parseHubError(new Error("HubException: too-many-topics: 64 sujets au plus par connexion."))).toEqual({
      code: "too-many-topics",
      rule: null,
      retryAfterMs: null,
      message: "64 sujets au plus par connexion.",
    });
  });

  it("keeps a code this page does not know yet (a newer server's)", () => {
    expect(parseHubError(new Error("HubException: some-new-code: x"))).toEqual({ code: "some-new-code", rule: null, retryAfterMs: null, message: "x" });
  });

  it("reads how long an unavailable service asks to wait", () => {
    const error = new Error("An unexpected error occurred invoking 'SubmitPlanOp' on the server. HubException: unavailable: 2: Service momentanément indisponible, nouvel essai dans 2 s.");
    expect(parseHubError(error)).toEqual({
      code: "unavailable",
      rule: null,
      retryAfterMs: 2_000,
      message: "Service momentanément indisponible, nouvel essai dans 2 s.",
    });
  });
});
