import { describe, expect, it } from "vitest";
import { canEditPlan } from "./access";

const project = {
  members: [
    { userId: "awa.ndiaye@example.org", role: "owner" as const, since: "" },
    { userId: "youssef.benali@example.org", role: "editor" as const, since: "" },
    { userId: "mariama.sarr@example.org", role: "viewer" as const, since: "" },
  ],
};

describe("who may edit a plan", () => {
  it("lets owners, editors and admins edit; viewers, partners and outsiders only read", () => {
    expect(canEditPlan({ email: "Awa.Ndiaye@example.org", roles: ["member"] }, project)).toBe(true);
    expect(canEditPlan({ email: "youssef.benali@example.org", roles: ["member"] }, project)).toBe(true);
    expect(canEditPlan({ email: "mariama.sarr@example.org", roles: ["member"] }, project)).toBe(false);
    expect(canEditPlan({ email: "root@example.org", roles: ["admin"] }, project)).toBe(true);
    expect(canEditPlan({ email: "coach.cect@example.org", roles: ["coach"] }, project)).toBe(false);
    expect(canEditPlan({ email: "youssef.benali@example.org", roles: ["member", "partner"] }, project)).toBe(false);
  });
});
