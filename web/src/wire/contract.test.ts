// The client's own shapes built on the generated contract (a union where the contract has one record, generics where it
// has one type per case) must keep matching it. These checks run in the type check of the build (tsc), so a contract
// change that they no longer match fails `npm run build`.

import { describe, expectTypeOf, it } from "vitest";
import type { PlanChange, PlanOp, PlanSubmission } from "../plan/types";
import type { LiveEvent, Organisation } from "../types";
import type * as Wire from "./contract";

/** Keys of every member of a union. */
type KeysOf<T> = T extends unknown ? keyof T : never;

/** True when each member of V has a type the contract allows for it (a variant leaves the members it does not use out). */
type Conforms<V, W> = {
  [K in keyof V]-?: K extends keyof W ? ([V[K]] extends [W[K]] ? true : false) : false;
}[keyof V];

describe("client shapes on the wire contract", () => {
  it("plan ops: one variant per op type, using every member of the contract's PlanOp with its type", () => {
    expectTypeOf<PlanOp["type"]>().toEqualTypeOf<Wire.PlanOpType>();
    expectTypeOf<KeysOf<PlanOp>>().toEqualTypeOf<keyof Wire.PlanOp>();
    expectTypeOf<PlanOp extends infer V ? (V extends unknown ? Conforms<V, Wire.PlanOp> : never) : never>().toEqualTypeOf<true>();
    expectTypeOf<keyof PlanChange>().toEqualTypeOf<keyof Wire.PlanChange>();
    expectTypeOf<keyof PlanSubmission>().toEqualTypeOf<keyof Wire.PlanSubmission>();
  });

  it("a live event of any data, and an organisation of either profile, are the contract's types", () => {
    expectTypeOf<keyof LiveEvent>().toEqualTypeOf<keyof Wire.LiveEvent>();
    expectTypeOf<Organisation<Wire.CooperativeProfile>>().toEqualTypeOf<Wire.Cooperative>();
    expectTypeOf<Organisation<Wire.DiasporaGroupProfile>>().toEqualTypeOf<Wire.DiasporaGroup>();
  });
});
