import { describe, expect, it } from "vitest";
import { createPlanState, localEdit, takeSubmission } from "./planState";
import { cursorToServer, cursorToView, parsePresenceList, positionBeforeOp, PresenceClient, type PresenceHub } from "./presence";
import { ManualTimers } from "./testing/fakeHub";
import { transformPosition } from "./textOps";

const snapshot = {
  version: 3,
  document: {
    sections: [{ kind: "section" as const, id: "budget", order: "a0", fields: { heading: "Budget", body: "Transport des olives" } }],
    milestones: [],
    tasks: [],
  },
};

class RecordingHub implements PresenceHub {
  readonly calls: { method: string; args: unknown[]; resolve: () => void }[] = [];
  invoke<T>(method: string, ...args: unknown[]): Promise<T> {
    return new Promise<T>((resolve) => this.calls.push({ method, args, resolve: () => resolve(undefined as T) }));
  }
}

const entry = (clientId: string, extra: Record<string, unknown> = {}) => ({
  clientId,
  userId: `${clientId}@example.org`,
  displayName: `Person ${clientId}`,
  kind: "section",
  entityId: "budget",
  field: "body",
  cursor: 4,
  seenAt: "2026-11-29T10:00:00+00:00",
  ...extra,
});

describe("presence cursors", () => {
  it("takes a position back through an op: inserted text maps to where it was inserted", () => {
    expect(positionBeforeOp([3, "ab"], 2)).toBe(2);
    expect(positionBeforeOp([3, "ab"], 4)).toBe(3);
    expect(positionBeforeOp([3, "ab"], 5)).toBe(3);
    expect(positionBeforeOp([3, "ab"], 6)).toBe(4);
    expect(positionBeforeOp([2, { d: 3 }], 3)).toBe(6);
    expect(positionBeforeOp(["😀"], 1)).toBe(0);
    for (let p = 0; p <= 10; p++) expect(positionBeforeOp([4, { d: 2 }, "xyz"], transformPosition(p, [4, { d: 2 }, "xyz"]))).toBeLessThanOrEqual(p);
  });

  it("sends our caret in the server's text: our unsent typing before it is taken out", () => {
    let state = createPlanState("c-me", snapshot);
    state = localEdit(state, { type: "text", kind: "section", id: "budget", field: "body", text: ["Le "] });
    state = takeSubmission(state)!.state; // in flight
    state = localEdit(state, { type: "text", kind: "section", id: "budget", field: "body", text: [23, " de Berkane"] }); // buffered
    // The view is "Le Transport des olives de Berkane"; caret at its end (34).
    expect(cursorToServer(state, "section", "budget", "body", 34)).toBe(20);
    expect(cursorToServer(state, "section", "budget", "body", 3)).toBe(0);
    // Other fields are not touched by those ops.
    expect(cursorToServer(state, "section", "budget", "notes", 7)).toBe(7);
  });

  it("shows someone's cursor in our view: moved past our unsent typing before it", () => {
    let state = createPlanState("c-me", snapshot);
    state = localEdit(state, { type: "text", kind: "section", id: "budget", field: "body", text: ["Le "] });
    // Youssef's caret after "Transport" in the server's text (9) is after "Le Transport" here (12).
    expect(cursorToView(state, "section", "budget", "body", 9)).toBe(12);
    expect(cursorToView(state, "section", "other", "body", 9)).toBe(9);
  });
});

describe("presence client", () => {
  it("reads the server's entries and leaves out malformed ones and our own", () => {
    expect(parsePresenceList({ entries: [entry("a"), { clientId: 3 }, entry("b", { kind: "bogus", cursor: -1 })] })).toEqual([
      { ...entry("a") },
      { ...entry("b"), kind: null, cursor: null },
    ]);
    expect(parsePresenceList({})).toBeNull();

    const client = new PresenceClient({ hub: new RecordingHub(), projectSlug: "p", clientId: "c-me", timers: new ManualTimers() });
    const seen: string[][] = [];
    client.onChange((others) => seen.push(others.map((e) => e.clientId)));
    client.receive({ entries: [entry("c-me"), entry("c-you")] });
    expect(seen).toEqual([["c-you"]]);
  });

  it("sends where it is, one call at a time, the latest focus winning, and refreshes it", async () => {
    const hub = new RecordingHub();
    const timers = new ManualTimers();
    const client = new PresenceClient({ hub, projectSlug: "p", clientId: "c-me", timers, heartbeatMs: 5_000 });
    client.start();
    client.focus({ kind: "section", entityId: "budget", field: "body", cursor: 1 });
    client.focus({ kind: "section", entityId: "budget", field: "body", cursor: 2 });
    expect(hub.calls.map((c) => c.method)).toEqual(["UpdatePresence"]);
    expect(hub.calls[0]!.args).toEqual(["p", { clientId: "c-me", kind: null, entityId: null, field: null, cursor: null }]);

    hub.calls[0]!.resolve();
    await Promise.resolve();
    await Promise.resolve();
    expect(hub.calls).toHaveLength(2);
    expect(hub.calls[1]!.args[1]).toEqual({ clientId: "c-me", kind: "section", entityId: "budget", field: "body", cursor: 2 });

    hub.calls[1]!.resolve();
    await Promise.resolve();
    await Promise.resolve();
    expect(hub.calls).toHaveLength(2);
    expect(timers.fireNext()).toBe(true); // heartbeat
    expect(hub.calls).toHaveLength(3);
    expect(hub.calls[2]!.args[1]).toEqual(hub.calls[1]!.args[1]);

    client.stop();
    expect(hub.calls[3]!.method).toBe("LeavePresence");
    expect(hub.calls[3]!.args).toEqual(["p", "c-me"]);
    expect(timers.fireNext()).toBe(false);
  });

  it("sends no cursor without a field", () => {
    const hub = new RecordingHub();
    const client = new PresenceClient({ hub, projectSlug: "p", clientId: "c-me", timers: new ManualTimers() });
    client.focus({ kind: "task", entityId: "t1", field: null, cursor: 5 });
    expect(hub.calls[0]!.args[1]).toEqual({ clientId: "c-me", kind: "task", entityId: "t1", field: null, cursor: null });
  });
});
