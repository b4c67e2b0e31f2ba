import { describe, expect, it } from "vitest";
import { DAKAR, OUJDA, zonedTime } from "./time";

describe("times for both regions", () => {
  it("shows one moment in Dakar and in Oujda time", () => {
    const at = "2026-11-29T14:32:00.1234567+00:00";
    expect(zonedTime(at, DAKAR, "en")).toBe("Nov 29, 2026, 2:32 PM");
    expect(zonedTime(at, OUJDA, "en")).toBe("Nov 29, 2026, 3:32 PM");
    expect(zonedTime("not a date", DAKAR, "fr")).toBe("");
  });
});
