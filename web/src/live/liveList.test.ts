import { describe, expect, it } from "vitest";
import type { DirectoryEntry, LiveEvent } from "../types";
import {
  applyLiveEvent,
  applyRestItems,
  applySubscribeResult,
  emptyLiveList,
  type LiveListState,
} from "./liveList";

const topic = "directory:cooperatives";

function entry(slug: string, name: string, version = 1): DirectoryEntry {
  return {
    kind: "cooperative",
    slug,
    name,
    regions: ["kaolack"],
    place: "Kaolack",
    valueChains: ["arachide"],
    status: null,
    summary: "",
    keywords: [],
    version,
    updatedAt: "2025-01-01T00:00:00Z",
    capacityNeeds: [],
    skills: [],
    interestAreas: [],
  };
}

function ev(version: number, change: LiveEvent["change"], data: unknown): LiveEvent {
  return { topic, version, change, at: "2025-01-01T00:00:00Z", data };
}

const names = (s: LiveListState) => s.entries.map((e) => e.name);

describe("live list", () => {
  it("replaces the whole list on a snapshot and keeps it sorted by name", () => {
    const rest = applyRestItems(emptyLiveList, [entry("old", "Ancienne")]);
    const s = applyLiveEvent(rest, ev(3, "snapshot", { entries: [entry("b", "Zone"), entry("a", "Égalité"), entry("c", "abeille")] }));
    expect(names(s)).toEqual(["abeille", "Égalité", "Zone"]);
    expect(s.version).toBe(3);
  });

  it("upserts created/updated entries and removes deleted ones", () => {
    let s = applyLiveEvent(emptyLiveList, ev(1, "snapshot", { entries: [entry("a", "Alpha")] }));
    s = applyLiveEvent(s, ev(2, "created", entry("b", "Beta")));
    s = applyLiveEvent(s, ev(3, "updated", entry("a", "Omega", 2)));
    expect(names(s)).toEqual(["Beta", "Omega"]);
    expect(s.entries.find((e) => e.slug === "a")?.version).toBe(2);
    s = applyLiveEvent(s, ev(4, "deleted", { slug: "b" }));
    expect(names(s)).toEqual(["Omega"]);
    expect(s.version).toBe(4);
  });

  it("ignores events whose version was already seen, returning the same state", () => {
    const s = applyLiveEvent(emptyLiveList, ev(5, "snapshot", { entries: [entry("a", "Alpha")] }));
    expect(applyLiveEvent(s, ev(5, "created", entry("x", "Dup")))).toBe(s);
    expect(applyLiveEvent(s, ev(4, "deleted", { slug: "a" }))).toBe(s);
    expect(applyLiveEvent(s, ev(2, "snapshot", { entries: [] }))).toBe(s);
  });

  it("ignores a late REST answer once live data arrived", () => {
    const live = applyLiveEvent(emptyLiveList, ev(1, "snapshot", { entries: [entry("a", "Alpha")] }));
    expect(applyRestItems(live, [entry("z", "Stale")])).toBe(live);
    const rest = applyRestItems(emptyLiveList, [entry("b", "Beta"), entry("a", "Alpha")]);
    expect(names(rest)).toEqual(["Alpha", "Beta"]);
    expect(rest.version).toBeNull();
  });

  it("applies a subscribe answer, then the events buffered meanwhile, without duplicates", () => {
    let s = applyLiveEvent(emptyLiveList, ev(2, "snapshot", { entries: [entry("a", "Alpha")] }));
    // Reconnected with sinceVersion = 2: the server returns 3..4; event 4 and 5 were also pushed.
    s = applySubscribeResult(
      s,
      { topic, version: 4, events: [ev(3, "created", entry("b", "Beta")), ev(4, "deleted", { slug: "a" })] },
      [ev(4, "deleted", { slug: "a" }), ev(5, "created", entry("c", "Gamma"))],
    );
    expect(names(s)).toEqual(["Beta", "Gamma"]);
    expect(s.version).toBe(5);
  });

  it("treats a snapshot in a subscribe answer as authoritative even after a server reset", () => {
    const s = applyLiveEvent(emptyLiveList, ev(40, "snapshot", { entries: [entry("a", "Alpha")] }));
    const reset = applySubscribeResult(s, { topic, version: 1, events: [ev(1, "snapshot", { entries: [entry("n", "Neuf")] })] });
    expect(names(reset)).toEqual(["Neuf"]);
    expect(reset.version).toBe(1);
  });

});
