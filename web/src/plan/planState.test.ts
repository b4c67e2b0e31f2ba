import { describe, expect, it } from "vitest";
import { docFromSnapshot, docsEqual, fieldValue, getEntity, type PlanDoc } from "./planDoc";
import {
  createPlanState,
  localEdit,
  PlanDesyncError,
  PlanOpError,
  receiveAck,
  receiveChange,
  rejectInflight,
  resetToSnapshot,
  resubmission,
  syncStatus,
  takeSubmission,
  type PlanState,
} from "./planState";
import type { TextOp } from "./textOps";
import { int, rng, type Random } from "./testing/random";
import { randomEdit } from "./testing/randomEdits";
import { SimPlanServer, type SimAck, type SimEvent, type SimSubmission } from "./testing/simServer";
import { parsePlanChange, parsePlanSnapshot, type PlanAck, type PlanChange, type PlanOp, type PlanSnapshot, type PlanSubmission } from "./types";

const wire = <T>(value: unknown): T => JSON.parse(JSON.stringify(value)) as T;

function snapshotOf(server: SimPlanServer): PlanSnapshot {
  const snapshot = parsePlanSnapshot(wire(server.snapshot()));
  if (snapshot === null) throw new Error("bad snapshot");
  return snapshot;
}

function changeOf(event: SimEvent): PlanChange {
  const change = parsePlanChange(event.data);
  if (change === null) throw new Error("bad change");
  return change;
}

const submit = (server: SimPlanServer, submission: PlanSubmission): PlanAck => server.submit(wire<SimSubmission>(submission));

const text = (doc: PlanDoc, id: string, kind: "section" | "task" = "section"): string => {
  const entity = getEntity(doc, kind, id);
  return entity === undefined ? "(none)" : fieldValue(entity, kind === "section" ? "body" : "notes");
};

const body = (id: string, ops: TextOp): PlanOp => ({ type: "text", kind: "section", id, field: "body", text: ops });

/** A server with one section "s1" whose body is `initial`, and the events it sends. */
function serverWith(initial: string): { server: SimPlanServer; events: SimEvent[] } {
  const server = new SimPlanServer("p");
  const events: SimEvent[] = [];
  server.onEvent = (event) => events.push(event);
  submit(server, { clientId: "seed", seq: 1, baseVersion: 0, op: { type: "add", kind: "section", id: "s1", order: "a0", fields: { heading: "Budget", body: initial } } });
  events.length = 0;
  return { server, events };
}

describe("plan state machine", () => {
  it("goes synchronized → awaiting → awaiting with buffer → synchronized", () => {
    const { server, events } = serverWith("Hello");
    let a = createPlanState("A", snapshotOf(server));
    expect(syncStatus(a)).toBe("synchronized");

    a = localEdit(a, body("s1", [5, " world"]));
    expect(syncStatus(a)).toBe("unsent");
    const first = takeSubmission(a)!;
    a = first.state;
    expect(first.submission).toEqual({ clientId: "A", seq: 1, baseVersion: 1, op: body("s1", [5, " world"]) });
    expect(syncStatus(a)).toBe("awaiting");
    expect(takeSubmission(a)).toBeNull();

    // Typing while the op is in flight: buffered, composed into one op, never into the in-flight one.
    a = localEdit(a, body("s1", [11, "!"]));
    a = localEdit(a, body("s1", [12, "!"]));
    expect(syncStatus(a)).toBe("awaiting-with-buffer");
    expect(a.buffer).toEqual([body("s1", [11, "!!"])]);
    expect(a.inflight!.op).toEqual(body("s1", [5, " world"]));
    expect(text(a.view, "s1")).toBe("Hello world!!");

    // The ack may come before the event: the op is confirmed by its event only.
    const ack = submit(server, first.submission);
    expect(ack).toEqual({ version: 2, reason: null });
    const acked = receiveAck(a, 1, ack);
    expect(acked.outcome).toBe("waiting");
    a = acked.state;
    expect(takeSubmission(a)).toBeNull();
    const confirmed = receiveChange(a, changeOf(events.shift()!));
    expect(confirmed.outcome).toBe("confirmed");
    a = confirmed.state;
    expect(a.version).toBe(2);
    expect(syncStatus(a)).toBe("unsent");

    const second = takeSubmission(a)!;
    a = second.state;
    expect(second.submission.seq).toBe(2);
    expect(second.submission.baseVersion).toBe(2);
    submit(server, second.submission);
    a = receiveChange(a, changeOf(events.shift()!)).state;
    expect(syncStatus(a)).toBe("synchronized");
    expect(text(a.view, "s1")).toBe("Hello world!!");
    expect(docsEqual(a.view, docFromSnapshot(snapshotOf(server)))).toBe(true);
  });

  it("transforms in-flight and buffered edits over a concurrent server op, and that op over them", () => {
    const { server, events } = serverWith("abcdef");
    let a = createPlanState("A", snapshotOf(server));
    let b = createPlanState("B", snapshotOf(server));

    a = localEdit(a, body("s1", [3, "X"])); // abcXdef
    const sentA = takeSubmission(a)!;
    a = sentA.state;
    a = localEdit(a, body("s1", [{ d: 1 }])); // bcXdef (buffered)

    b = localEdit(b, body("s1", [5, "Y"])); // abcdeYf
    const sentB = takeSubmission(b)!;
    b = sentB.state;

    // B reaches the server first; A's op is then late and transformed over it.
    submit(server, sentB.submission);
    submit(server, sentA.submission);
    const [eventB, eventA] = events.splice(0);

    const applied = receiveChange(a, changeOf(eventB!));
    expect(applied.outcome).toBe("applied");
    a = applied.state;
    expect(text(a.view, "s1")).toBe("bcXdeYf");
    // What the view got, for moving carets: Y after "bcXde".
    expect(applied.effects).toEqual([{ kind: "section", id: "s1", field: "body", text: [5, "Y"] }]);
    a = receiveChange(a, changeOf(eventA!)).state;
    expect(syncStatus(a)).toBe("unsent");

    b = receiveChange(b, changeOf(eventB!)).state;
    b = receiveChange(b, changeOf(eventA!)).state;
    expect(text(b.view, "s1")).toBe("abcXdeYf");

    const next = takeSubmission(a)!;
    a = next.state;
    submit(server, next.submission);
    const last = changeOf(events.shift()!);
    a = receiveChange(a, last).state;
    b = receiveChange(b, last).state;
    expect(text(a.view, "s1")).toBe("bcXdeYf");
    expect(text(b.view, "s1")).toBe("bcXdeYf");
    expect(text(docFromSnapshot(snapshotOf(server)), "s1")).toBe("bcXdeYf");
  });

  it("breaks insert ties as the server does: the late op's text first", () => {
    const { server, events } = serverWith("");
    let a = createPlanState("A", snapshotOf(server));
    let b = createPlanState("B", snapshotOf(server));
    a = localEdit(a, body("s1", ["a"]));
    b = localEdit(b, body("s1", ["b"]));
    const sa = takeSubmission(a)!;
    const sb = takeSubmission(b)!;
    a = sa.state;
    b = sb.state;
    submit(server, sa.submission);
    submit(server, sb.submission); // late: transformed as "left", its insert goes first
    expect(text(docFromSnapshot(snapshotOf(server)), "s1")).toBe("ba");
    for (const event of events) {
      a = receiveChange(a, changeOf(event)).state;
      b = receiveChange(b, changeOf(event)).state;
    }
    expect(text(a.view, "s1")).toBe("ba");
    expect(text(b.view, "s1")).toBe("ba");
    expect(syncStatus(a)).toBe("synchronized");
    expect(syncStatus(b)).toBe("synchronized");
  });

  it("keeps our pending scalar over an earlier server value: last writer in server order wins", () => {
    const { server, events } = serverWith("");
    let a = createPlanState("A", snapshotOf(server));
    let b = createPlanState("B", snapshotOf(server));
    const heading = (value: string): PlanOp => ({ type: "set", kind: "section", id: "s1", field: "heading", value });
    a = localEdit(a, heading("Par A"));
    b = localEdit(b, heading("Par B"));
    const sa = takeSubmission(a)!;
    const sb = takeSubmission(b)!;
    a = sa.state;
    b = sb.state;
    submit(server, sb.submission);
    submit(server, sa.submission);
    const [first, second] = events.map(changeOf);
    a = receiveChange(a, first!).state;
    expect(getEntity(a.view, "section", "s1")!.fields["heading"]).toBe("Par A"); // ours is still to come
    expect(getEntity(a.server, "section", "s1")!.fields["heading"]).toBe("Par B");
    a = receiveChange(a, second!).state;
    b = receiveChange(b, first!).state;
    b = receiveChange(b, second!).state;
    expect(getEntity(a.view, "section", "s1")!.fields["heading"]).toBe("Par A");
    expect(getEntity(b.view, "section", "s1")!.fields["heading"]).toBe("Par A");
  });

  it("drops pending edits of an entity deleted meanwhile, and a dropped ack removes the op", () => {
    const { server, events } = serverWith("texte");
    let a = createPlanState("A", snapshotOf(server));
    let b = createPlanState("B", snapshotOf(server));
    a = localEdit(a, body("s1", [5, " A"]));
    const sa = takeSubmission(a)!;
    a = sa.state;
    a = localEdit(a, body("s1", [7, "!"]));
    a = localEdit(a, { type: "set", kind: "section", id: "s1", field: "heading", value: "H" });
    b = localEdit(b, { type: "delete", kind: "section", id: "s1" });
    submit(server, takeSubmission(b)!.submission);
    const ack = submit(server, sa.submission);
    expect(ack).toEqual({ version: null, reason: "entity-deleted" });

    a = receiveChange(a, changeOf(events[0]!)).state;
    expect(getEntity(a.view, "section", "s1")).toBeUndefined();
    expect(a.buffer).toEqual([]); // the server would drop them
    expect(syncStatus(a)).toBe("awaiting");
    const dropped = receiveAck(a, sa.submission.seq, ack);
    expect(dropped.outcome).toBe("dropped");
    expect(syncStatus(dropped.state)).toBe("synchronized");

    // The dropped ack may also come before the delete's event: the op leaves the view at once.
    let c = createPlanState("C", snapshotOf(serverWith("texte").server));
    c = localEdit(c, body("s1", [5, "?"]));
    const sc = takeSubmission(c)!;
    c = localEdit(sc.state, body("s1", [6, "!"]));
    c = receiveAck(c, sc.submission.seq, { version: null, reason: "entity-deleted" }).state;
    expect(text(c.view, "s1")).toBe("texte");
    expect(c.buffer).toEqual([]);
  });

  it("ignores stale events and reports gaps", () => {
    const { server, events } = serverWith("x");
    const a = createPlanState("A", snapshotOf(server));
    submit(server, { clientId: "B", seq: 1, baseVersion: 1, op: body("s1", [1, "y"]) });
    submit(server, { clientId: "B", seq: 2, baseVersion: 2, op: body("s1", [2, "z"]) });
    const [v2, v3] = events.map(changeOf);
    expect(receiveChange(a, v3!).outcome).toBe("gap");
    const next = receiveChange(a, v2!).state;
    expect(receiveChange(next, v2!).outcome).toBe("stale");
    expect(receiveChange(next, v3!).state.version).toBe(3);
  });

  it("refuses local edits the server would refuse, changing nothing", () => {
    const { server } = serverWith("abc");
    const a = createPlanState("A", snapshotOf(server));
    expect(() => localEdit(a, body("s1", [10, "x"]))).toThrow(PlanOpError);
    expect(() => localEdit(a, body("nope", ["x"]))).toThrow(PlanOpError);
    expect(() => localEdit(a, { type: "set", kind: "task", id: "s1", field: "status", value: "x" })).toThrow(PlanOpError);
    expect(() => localEdit(a, { type: "set", kind: "section", id: "s1", field: "title", value: "x" })).toThrow(PlanOpError);
    expect(() => localEdit(a, { type: "add", kind: "section", id: "s1", order: "a1", fields: {} })).toThrow(PlanOpError);
    expect(() => localEdit(a, { type: "add", kind: "task", id: "bad id", order: "a1", fields: {} })).toThrow(PlanOpError);
    expect(() => localEdit(a, { type: "set", kind: "section", id: "s1", field: "heading", value: "x".repeat(201) })).toThrow(PlanOpError);
    // Long pastes are split: no insert over the server's 20,000 code points.
    const pasted = localEdit(a, body("s1", [3, "é".repeat(45_000)]));
    expect(pasted.buffer).toHaveLength(3);
    expect(text(pasted.view, "s1")).toBe("abc" + "é".repeat(45_000));
  });

  it("confirms by the op's own event even when the ack never comes", () => {
    const { server, events } = serverWith("");
    let a = createPlanState("A", snapshotOf(server));
    a = localEdit(a, body("s1", ["hi"]));
    const sent = takeSubmission(a)!;
    a = sent.state;
    const ack = submit(server, sent.submission);
    a = receiveChange(a, changeOf(events[0]!)).state;
    expect(syncStatus(a)).toBe("synchronized");
    expect(receiveAck(a, sent.submission.seq, ack).outcome).toBe("ignored");
    // Resubmitting the same seq is answered, not applied twice.
    expect(submit(server, sent.submission)).toEqual(ack);
    expect(events).toHaveLength(1);
  });

  it("resubmits the in-flight op as it stands, against the current version", () => {
    const { server, events } = serverWith("abc");
    let a = createPlanState("A", snapshotOf(server));
    a = localEdit(a, body("s1", [3, "!"]));
    a = takeSubmission(a)!.state; // lost on the way
    submit(server, { clientId: "B", seq: 1, baseVersion: 1, op: body("s1", ["<"]) });
    a = receiveChange(a, changeOf(events.shift()!)).state;
    const again = resubmission(a)!;
    expect(again).toEqual({ clientId: "A", seq: 1, baseVersion: 2, op: body("s1", [4, "!"]) });
    submit(server, again);
    a = receiveChange(a, changeOf(events.shift()!)).state;
    expect(text(a.view, "s1")).toBe("<abc!");
    expect(syncStatus(a)).toBe("synchronized");
  });

  it("throws a desync error when the server's op does not fit", () => {
    const { server } = serverWith("abc");
    const a = createPlanState("A", snapshotOf(server));
    const change: PlanChange = { version: 2, clientId: "B", seq: 1, userId: "u", op: body("s1", [10, "x"]), at: "" };
    expect(() => receiveChange(a, change)).toThrow(PlanDesyncError);
    expect(() => receiveAck(takeSubmission(localEdit(a, body("s1", ["x"])))!.state, 1, { version: 1, reason: null })).toThrow(PlanDesyncError);
  });

  it("rebases pending edits on a snapshot, whatever became of the in-flight op", () => {
    for (const fate of ["applied", "unsent", "dropped", "rejected"] as const) {
      const { server } = serverWith("Le plan de Kaolack");
      let a = createPlanState("A", snapshotOf(server));
      a = localEdit(a, body("s1", [18, " et Oujda"]));
      const sent = takeSubmission(a)!;
      a = localEdit(sent.state, body("s1", [27, "."]));
      if (fate === "applied") submit(server, sent.submission);
      // Many ops later (the client missed them): someone edited the start.
      submit(server, { clientId: "B", seq: 1, baseVersion: server.version, op: body("s1", [{ d: 2 }, "Notre"]) });
      const reset = resetToSnapshot(a, snapshotOf(server), fate);
      expect(reset.version).toBe(server.version);
      expect(reset.inflight).toBeNull();
      const expected = {
        applied: "Notre plan de Kaolack et Oujda.",
        unsent: "Notre plan de Kaolack et Oujda.",
        // The buffered "." was typed on an op that never took effect: it stays, where it can.
        dropped: "Notre plan de Kaolack",
        rejected: "Notre plan de Kaolack.",
      }[fate];
      expect(text(reset.view, "s1")).toBe(expected);
      // What is left pending converges when sent.
      let state = reset;
      for (let sent2 = takeSubmission(state); sent2 !== null; sent2 = takeSubmission(state)) {
        const ack = submit(server, sent2.submission);
        state = receiveChange(sent2.state, { version: ack.version!, clientId: "A", seq: sent2.submission.seq, userId: "", op: sent2.submission.op, at: "" }).state;
      }
      expect(text(docFromSnapshot(snapshotOf(server)), "s1")).toBe(expected);
      expect(() => resetToSnapshot(a, snapshotOf(server))).toThrow();
    }
  });

  it("removes a refused op and what was built on it, keeping later edits", () => {
    const { server } = serverWith("abc");
    let a = createPlanState("A", snapshotOf(server));
    a = localEdit(a, body("s1", [3, "XYZ"]));
    a = takeSubmission(a)!.state;
    a = localEdit(a, body("s1", [{ d: 1 }, 5, "!"]));
    a = localEdit(a, { type: "add", kind: "task", id: "t1", order: "a0", fields: { title: "T" } });
    expect(text(a.view, "s1")).toBe("bcXYZ!");
    a = rejectInflight(a);
    expect(text(a.view, "s1")).toBe("bc!");
    expect(getEntity(a.view, "task", "t1")).toBeDefined();
    expect(syncStatus(a)).toBe("unsent");
  });
});

// ---------- fuzz: N clients and the simulated server ----------

interface FuzzClient {
  state: PlanState;
  toServer: PlanSubmission[];
  events: SimEvent[];
  acks: Array<{ seq: number; ack: SimAck }>;
}

function runFuzz(seed: number, clientCount: number, steps: number): void {
  const random: Random = rng(seed);
  const server = new SimPlanServer("p");
  submit(server, { clientId: "seed", seq: 1, baseVersion: 0, op: { type: "add", kind: "section", id: "s1", order: "a0", fields: { body: "Plan commun" } } });
  submit(server, { clientId: "seed", seq: 2, baseVersion: 1, op: { type: "add", kind: "task", id: "t1", order: "a0", fields: { title: "Tâche", notes: "Notes" } } });
  const clients: FuzzClient[] = Array.from({ length: clientCount }, (_, i) => ({
    state: createPlanState(`c${i}`, snapshotOf(server)),
    toServer: [],
    events: [],
    acks: [],
  }));
  server.onEvent = (event) => clients.forEach((c) => c.events.push(event));

  const pump = (c: FuzzClient) => {
    const taken = takeSubmission(c.state);
    if (taken !== null) {
      c.state = taken.state;
      c.toServer.push(taken.submission);
    }
  };
  const deliverToServer = (c: FuzzClient) => {
    const submission = c.toServer.shift()!;
    c.acks.push({ seq: submission.seq, ack: submit(server, submission) });
  };
  const deliverEvent = (c: FuzzClient) => {
    const result = receiveChange(c.state, changeOf(c.events.shift()!));
    expect(result.outcome === "applied" || result.outcome === "confirmed").toBe(true);
    c.state = result.state;
    pump(c);
  };
  const deliverAck = (c: FuzzClient) => {
    const { seq, ack } = c.acks.shift()!;
    c.state = receiveAck(c.state, seq, ack).state;
    pump(c);
  };

  for (let step = 0; step < steps; step++) {
    const c = clients[int(random, clients.length)]!;
    const roll = random();
    if (roll < 0.35) {
      const op = randomEdit(random, c.state.view, { deletes: random() < 0.5 });
      if (op !== null) c.state = localEdit(c.state, op);
      if (random() < 0.5) pump(c);
    } else if (roll < 0.55 && c.toServer.length > 0) deliverToServer(c);
    else if (roll < 0.85 && c.events.length > 0) deliverEvent(c);
    else if (c.acks.length > 0) deliverAck(c);
    else pump(c);
  }
  // Quiesce: deliver everything, send what is left.
  for (let round = 0; round < 10_000; round++) {
    const busy = clients.find((c) => c.toServer.length + c.events.length + c.acks.length > 0 || c.state.buffer.length > 0 || c.state.inflight !== null);
    if (busy === undefined) break;
    if (busy.toServer.length > 0) deliverToServer(busy);
    else if (busy.acks.length > 0) deliverAck(busy);
    else if (busy.events.length > 0) deliverEvent(busy);
    else pump(busy);
  }
  const final = docFromSnapshot(snapshotOf(server));
  for (const c of clients) {
    expect(syncStatus(c.state)).toBe("synchronized");
    expect(c.state.version).toBe(server.version);
    expect(docsEqual(c.state.view, final)).toBe(true);
    expect(docsEqual(c.state.server, final)).toBe(true);
  }
  expect(server.stats.applied).toBeGreaterThan(steps / 20);
}

describe("plan state machine fuzz", () => {
  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
    it(`converges: ${2 + (seed % 4)} clients, seed ${seed}`, () => runFuzz(seed, 2 + (seed % 4), 1500));
  }
});
