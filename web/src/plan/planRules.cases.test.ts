// The server's plan rules, as the server answered them (tests/Kaolack.Client.Tests/PlanRulesCases.cs writes
// testing/planRules.cases.json from PlanSequencer and PlanRules, and fails while the file differs from what they
// answer now): the client's rules and the simulated server these tests run against must give the same answers.

import { describe, expect, it } from "vitest";
import { parseHubError } from "../live/hubErrors";
import { applyPlanOp, emptyDoc, planOpProblem, toDocument, type PlanDoc } from "./planDoc";
import cases from "./testing/planRules.cases.json";
import { SimPlanServer, type SimOp, type SimSubmission } from "./testing/simServer";
import { parsePlanEntity, parsePlanOp, type PlanOp } from "./types";

interface CaseStep {
  readonly submission: SimSubmission;
  readonly valid: boolean;
  readonly duplicate: boolean;
  readonly version?: number;
  readonly reason?: string;
  readonly applied?: SimOp;
  readonly error?: string;
}

interface Case {
  readonly seed: number;
  readonly steps: readonly CaseStep[];
  readonly version: number;
  readonly document: Readonly<Record<"sections" | "milestones" | "tasks", readonly unknown[]>>;
}

const all = cases as unknown as readonly Case[];

/** An op as the wire carries it: every member present, null when unused (the cases leave nulls out). */
function wireOp(op: SimOp): PlanOp {
  const parsed = parsePlanOp({ order: null, field: null, value: null, text: null, fields: null, ...op });
  if (parsed === null) throw new Error(`not a plan op: ${JSON.stringify(op)}`);
  return parsed;
}

/** What `call` threw (null when it did not). */
function refusalOf(call: () => unknown): unknown {
  try {
    call();
    return null;
  } catch (error: unknown) {
    return error;
  }
}

/** The server's document as the client holds entities (parsed, so both sides compare alike). */
const expectedDocument = (c: Case) => ({
  sections: c.document.sections.map(parsePlanEntity),
  milestones: c.document.milestones.map(parsePlanEntity),
  tasks: c.document.tasks.map(parsePlanEntity),
});

describe("the server's plan rules, case by case", () => {
  it("has cases to check", () => {
    expect(all.length).toBeGreaterThan(10);
  });

  it.each(all.map((c) => [c.seed, c] as const))("case %i: the client refuses exactly the ops the server finds invalid", (_, c) => {
    for (const step of c.steps) {
      const op = { order: null, field: null, value: null, text: null, fields: null, ...step.submission.op };
      const parsed = parsePlanOp(op);
      expect(parsed !== null && planOpProblem(parsed) === null, JSON.stringify(step.submission.op)).toBe(step.valid);
    }
  });

  it.each(all.map((c) => [c.seed, c] as const))("case %i: the simulated server answers every submission as the server did", (_, c) => {
    const server = new SimPlanServer(`cas-${c.seed}`);
    for (const step of c.steps) {
      const label = JSON.stringify(step.submission);
      const submission = { ...step.submission, op: { order: null, field: null, value: null, text: null, fields: null, ...step.submission.op } };
      if (step.error !== undefined) {
        expect(parseHubError(refusalOf(() => server.submit(submission)))?.code, label).toBe(step.error);
        continue;
      }
      expect(server.submit(submission), label).toEqual({ version: step.version ?? null, reason: step.reason ?? null });
      if (step.applied !== undefined) expect(wireOp(server.log[server.log.length - 1]!.op), label).toEqual(wireOp(step.applied));
    }
    expect(server.version).toBe(c.version);
    const snapshot = server.snapshot();
    expect({
      sections: snapshot.document.sections.map(parsePlanEntity),
      milestones: snapshot.document.milestones.map(parsePlanEntity),
      tasks: snapshot.document.tasks.map(parsePlanEntity),
    }).toEqual(expectedDocument(c));
  });

  it.each(all.map((c) => [c.seed, c] as const))("case %i: the client applies the server's changes to the server's document", (_, c) => {
    let doc: PlanDoc = emptyDoc;
    for (const step of c.steps) {
      if (step.version === undefined || step.duplicate) continue;
      const result = applyPlanOp(doc, wireOp(step.applied ?? step.submission.op));
      expect(result.dropped, JSON.stringify(step.submission)).toBeNull();
      doc = result.doc;
    }
    expect(toDocument(doc)).toEqual(expectedDocument(c));
  });
});
