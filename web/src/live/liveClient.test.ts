import { describe, expect, it } from "vitest";
import { isUnauthorized } from "./liveClient";

describe("live client", () => {
  it("recognises a hub refused for want of a session", () => {
    expect(isUnauthorized({ statusCode: 401, message: "Unauthorized" })).toBe(true);
    expect(
      isUnauthorized(new Error("Failed to complete negotiation with the server: Error: {\"status\":401}: Status code '401'")),
    ).toBe(true);
    expect(isUnauthorized(new Error("Failed to complete negotiation with the server: Error: Status code '404'"))).toBe(false);
    expect(isUnauthorized(new Error("WebSocket closed with status code: 1006"))).toBe(false);
    expect(isUnauthorized(undefined)).toBe(false);
  });
});
