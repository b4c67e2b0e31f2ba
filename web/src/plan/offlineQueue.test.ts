import { describe, expect, it } from "vitest";
import { OfflineQueue, parseSavedQueue, queueKey, recoverOps } from "./offlineQueue";
import { docFromSnapshot, fieldValue, getEntity } from "./planDoc";
import { appendRecovered, createPlanState, localEdit, receiveChange, takeSubmission, type PlanState } from "./planState";
import { MemoryStorage } from "./testing/fakeHub";
import { SimPlanServer, type SimEvent, type SimSubmission } from "./testing/simServer";
import { parsePlanChange, parsePlanSnapshot, type PlanOp, type PlanSnapshot, type PlanSubmission } from "./types";
import type { TextOp } from "./textOps";

const wire = <T>(value: unknown): T => JSON.parse(JSON.stringify(value)) as T;
const snapshotOf = (server: SimPlanServer): PlanSnapshot => parsePlanSnapshot(wire(server.snapshot()))!;
const submit = (server: SimPlanServer, submission: PlanSubmission) => server.submit(wire<SimSubmission>(submission));
const body = (text: TextOp): PlanOp => ({ type: "text", kind: "section", id: "s1", field: "body", text });

function setup(initial: string): { server: SimPlanServer; state: PlanState } {
  const server = new SimPlanServer("p");
  submit(server, { clientId: "seed", seq: 1, baseVersion: 0, op: { type: "add", kind: "section", id: "s1", order: "a0", fields: { body: initial } } });
  submit(server, { clientId: "seed", seq: 2, baseVersion: 1, op: { type: "add", kind: "task", id: "t1", order: "a0", fields: { title: "Autre" } } });
  return { server, state: createPlanState("page-1", snapshotOf(server)) };
}

describe("offline queue", () => {
  it("saves the in-flight op with its seq, the buffer and the entities they touch; removes the entry when nothing is pending", () => {
    const storage = new MemoryStorage();
    const clock = { now: 1_000 };
    const queue = new OfflineQueue(storage, "p", "page-1", { now: () => clock.now, leaseMs: 60_000 });
    let { state } = setup("Bonjour");
    expect(queue.save(state)).toBe("saved");
    expect(storage.length).toBe(0);

    state = localEdit(state, body([7, " à tous"]));
    state = takeSubmission(state)!.state;
    state = localEdit(state, body([14, "!"]));
    expect(queue.save(state)).toBe("saved");
    const saved = parseSavedQueue(storage.getItem(queueKey("p", "page-1"))!)!;
    expect(saved.inflight).toEqual({ seq: 1, op: body([7, " à tous"]) });
    expect(saved.buffer).toEqual([body([14, "!"])]);
    expect(saved.version).toBe(2);
    expect(saved.nextSeq).toBe(2);
    expect(saved.base.map((e) => e.id)).toEqual(["s1"]); // not the untouched task
    expect(fieldValue(saved.base[0]!, "body")).toBe("Bonjour");
    expect(saved.owner).toBe("page-1");
    expect(saved.leaseUntil).toBe(61_000);

    const emptied = createPlanState("page-1", snapshotOf(setup("x").server));
    expect(queue.save(emptied)).toBe("saved");
    expect(storage.length).toBe(0);
  });

  it("lets another page adopt an entry only once its lease is released or expired", () => {
    const storage = new MemoryStorage();
    const clock = { now: 0 };
    const options = { now: () => clock.now, leaseMs: 30_000 };
    const first = new OfflineQueue(storage, "p", "page-1", options);
    const state = localEdit(setup("a").state, body([1, "b"]));
    first.save(state);
    new OfflineQueue(storage, "other-project", "page-9", options).save({ ...state, clientId: "page-9" });

    expect(new OfflineQueue(storage, "p", "page-2", options).adoptAbandoned()).toEqual([]);
    clock.now = 10_000;
    first.renew();
    clock.now = 35_000;
    expect(new OfflineQueue(storage, "p", "page-2", options).adoptAbandoned()).toEqual([]); // renewed at 10 s

    first.release(); // pagehide
    const second = new OfflineQueue(storage, "p", "page-2", options);
    const adopted = second.adoptAbandoned();
    expect(adopted.map((s) => s.clientId)).toEqual(["page-1"]);
    expect(adopted[0]!.buffer).toEqual([body([1, "b"])]);
    // Held by page-2 now: a third page does not take it too.
    expect(new OfflineQueue(storage, "p", "page-3", options).adoptAbandoned()).toEqual([]);
    expect(second.holds("page-1")).toBe(true);
    // The first page, if it comes back, finds its edits taken over and must stop.
    expect(first.save(state)).toBe("taken");
    second.forget("page-1");
    expect(storage.getItem(queueKey("p", "page-1"))).toBeNull();
    expect(first.save(state)).toBe("taken");

    // A crashed page (no release) is adopted once its lease has run out.
    const crashed = new OfflineQueue(storage, "p", "page-4", options);
    crashed.save({ ...state, clientId: "page-4" });
    expect(new OfflineQueue(storage, "p", "page-5", options).adoptAbandoned()).toEqual([]);
    clock.now += 30_001;
    expect(new OfflineQueue(storage, "p", "page-5", options).adoptAbandoned().map((s) => s.clientId)).toEqual(["page-4"]);
  });

  it("reports a full or missing storage instead of throwing", () => {
    const storage = new MemoryStorage();
    const queue = new OfflineQueue(storage, "p", "page-1");
    storage.full = true;
    expect(queue.save(localEdit(setup("a").state, body([1, "b"])))).toBe("failed");
    expect(new OfflineQueue(null, "p", "page-1").save(setup("a").state)).toBe("failed");
    storage.setItem = () => {
      throw new Error("denied");
    };
    expect(new OfflineQueue(storage, "p", "page-2").adoptAbandoned()).toEqual([]);
  });

  it("ignores entries it cannot read", () => {
    const storage = new MemoryStorage();
    storage.setItem(queueKey("p", "old"), "{not json");
    storage.setItem(queueKey("p", "older"), JSON.stringify({ format: 0 }));
    expect(new OfflineQueue(storage, "p", "page-1").adoptAbandoned()).toEqual([]);
    expect(parseSavedQueue(JSON.stringify({ format: 1, owner: "x" }))).toBeNull();
  });

  it("keeps typed text across a simulated reload, whatever became of the op in flight", () => {
    for (const fate of ["applied", "unsent", "lost"] as const) {
      const storage = new MemoryStorage();
      const { server, state: initial } = setup("Plan de Kaolack\nBudget\n");
      // Page 1 types two things; the first is sent; then the page reloads.
      let state = localEdit(initial, body([15, " et Oujda"]));
      const sent = takeSubmission(state)!;
      state = localEdit(sent.state, body([24, " 2025"]));
      state = localEdit(state, body([29, " prévisionnel"]));
      const page1 = new OfflineQueue(storage, "p", "page-1");
      page1.save(state);
      page1.release();
      if (fate === "applied") submit(server, sent.submission);
      // Meanwhile someone else edits the first line.
      submit(server, { clientId: "other", seq: 1, baseVersion: server.version, op: body(["Le "]) });

      // Page 2 (after the reload) adopts page 1's entry...
      const page2 = new OfflineQueue(storage, "p", "page-2");
      const [saved] = page2.adoptAbandoned();
      expect(saved).toBeDefined();
      // ...resends its op in flight with page 1's clientId and seq (applied at most once)...
      let resolved: "applied" | "unsent" = "unsent";
      if (fate !== "lost") {
        const ack = submit(server, { clientId: saved!.clientId, seq: saved!.inflight!.seq, baseVersion: saved!.version, op: saved!.inflight!.op });
        expect(ack.version).not.toBeNull();
        resolved = "applied";
      }
      // (fate "lost": the server said "resync", it never had the op: it is rebased as unsent)
      // ...then loads a snapshot and rebases the rest on it.
      const snapshot = snapshotOf(server);
      let state2 = createPlanState("page-2", snapshot);
      state2 = appendRecovered(state2, recoverOps(saved!, fate === "lost" ? "unsent" : resolved, docFromSnapshot(snapshot))).state;
      page2.save(state2);
      page2.forget(saved!.clientId);
      const events: SimEvent[] = [];
      server.onEvent = (event) => events.push(event);
      for (let next = takeSubmission(state2); next !== null; next = takeSubmission(state2)) {
        submit(server, next.submission);
        state2 = receiveChange(next.state, parsePlanChange(events.shift()!.data)!).state;
      }
      expect(state2.buffer).toEqual([]);
      const final = fieldValue(getEntity(docFromSnapshot(snapshotOf(server)), "section", "s1")!, "body");
      expect(final).toBe("Le Plan de Kaolack et Oujda 2025 prévisionnel\nBudget\n");
      expect(storage.keys()).toEqual([queueKey("p", "page-2")]);
    }
  });
});
