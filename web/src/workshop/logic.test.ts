import { describe, expect, it } from "vitest";
import {
  answerWords,
  canAddDot,
  clockOffset,
  clockText,
  columnNotes,
  dakarInputToIso,
  dotsLeft,
  hasVoted,
  cloudWords,
  myBallot,
  myDots,
  orderedQuestions,
  NO_CLOCK_SYNC,
  normalizeCode,
  observeServerClock,
  presentNow,
  remainingMs,
  spacedCode,
  tallyRows,
  timerState,
} from "./logic";
import type { PollView, TimerView } from "./types";

const at = (iso: string) => Date.parse(iso);

const timer = (over: Partial<TimerView>): TimerView => ({
  running: false,
  endsAt: null,
  remainingMs: 0,
  durationMs: 30_000,
  serverNow: "2026-05-03T10:00:00Z",
  ...over,
});

describe("the shared countdown", () => {
  it("counts down to the server's end instant, corrected by the clock offset", () => {
    // The local clock is 4 s behind the server; the view took 100 ms to arrive.
    const received = at("2026-05-03T09:59:56.100Z");
    const sync = observeServerClock(NO_CLOCK_SYNC, "2026-05-03T10:00:00.000Z", received);
    expect(clockOffset(sync)).toBe(3_900);
    const running = timer({ running: true, endsAt: "2026-05-03T10:00:30Z", remainingMs: 30_000 });
    // Two seconds later on the local clock.
    expect(remainingMs(running, received + 2_000, clockOffset(sync))).toBe(28_000);
    expect(remainingMs(running, received + 60_000, clockOffset(sync))).toBe(0);
  });

  it("keeps the least delayed sample, so a catch-up carrying an old instant does not skew the offset", () => {
    let sync = observeServerClock(NO_CLOCK_SYNC, "2026-05-03T10:00:00.000Z", at("2026-05-03T10:00:00.050Z"));
    // A catch-up after a reconnect: the event is 20 s old.
    sync = observeServerClock(sync, "2026-05-03T10:00:05.000Z", at("2026-05-03T10:00:25.000Z"));
    expect(clockOffset(sync)).toBe(-50);
    // .NET writes seven fractional digits; bad stamps are ignored.
    sync = observeServerClock(sync, "2026-05-03T10:00:30.0201234+00:00", at("2026-05-03T10:00:30.030Z"));
    expect(clockOffset(sync)).toBe(-10);
    expect(observeServerClock(sync, "not a date", 0)).toBe(sync);
    // Only recent samples count: a local clock that was set back is followed.
    for (let i = 0; i < 8; i++) sync = observeServerClock(sync, "2026-05-03T10:01:00.000Z", at("2026-05-03T10:01:01.000Z"));
    expect(clockOffset(sync)).toBe(-1_000);
  });

  it("shows the frozen remainder while paused, and whole seconds rounded up", () => {
    const paused = timer({ running: false, endsAt: null, remainingMs: 12_345 });
    expect(remainingMs(paused, Date.now(), 99_999)).toBe(12_345);
    expect(clockText(12_345)).toBe("0:13");
    expect(clockText(12_000)).toBe("0:12");
    expect(clockText(0)).toBe("0:00");
    expect(clockText(3_600_000)).toBe("1:00:00");
    expect(clockText(-5)).toBe("0:00");
    expect(timerState(paused, 12_345)).toBe("paused");
    expect(timerState(timer({ running: true }), 1)).toBe("running");
    expect(timerState(timer({ running: true }), 0)).toBe("over");
    expect(timerState(timer({ durationMs: 0 }), 0)).toBe("idle");
  });
});

const poll = (over: Partial<PollView>): PollView => ({
  id: "p",
  question: "Quel salon ?",
  kind: "single",
  options: ["Foire de Kaolack", "Salon de l'ESS", "Les deux"],
  status: "open",
  resultsVisible: true,
  voters: 4,
  results: { counts: [1, 3, 0], words: [] },
  ...over,
});

describe("poll tallies", () => {
  it("gives one row per option with its count, bar length against the largest, share of ballots and the viewer's choice", () => {
    const ballot = myBallot({ mine: { ballots: [{ pollId: "p", choices: [1], words: [] }], dots: [], upvoted: [] } }, "p");
    expect(tallyRows(poll({}), ballot)).toEqual([
      { label: "Foire de Kaolack", count: 1, barPercent: 33, sharePercent: 25, mine: false },
      { label: "Salon de l'ESS", count: 3, barPercent: 100, sharePercent: 75, mine: true },
      { label: "Les deux", count: 0, barPercent: 0, sharePercent: 0, mine: false },
    ]);
    expect(hasVoted(poll({}), ballot)).toBe(true);
    expect(tallyRows(poll({})).some((r) => r.mine)).toBe(false);
  });

  it("counts words for open polls, shows nothing while hidden and nothing divided by zero", () => {
    const open = poll({ kind: "open", options: [], voters: 2, results: { counts: [], words: [{ word: "miel", count: 2 }, { word: "Huile", count: 1 }] } });
    expect(tallyRows(open, { choices: [], words: ["huile"] }).map((r) => [r.label, r.count, r.barPercent, r.sharePercent, r.mine])).toEqual([
      ["miel", 2, 100, 100, false],
      ["Huile", 1, 50, 50, true],
    ]);
    expect(tallyRows(poll({ results: null }))).toEqual([]);
    expect(tallyRows(poll({ voters: 0, results: { counts: [0, 0, 0], words: [] } })).every((r) => r.barPercent === 0 && r.sharePercent === 0)).toBe(true);
    expect(hasVoted(poll({}), myBallot({ mine: { ballots: [], dots: [], upvoted: [] } }, "p"))).toBe(false);
    expect(cloudWords(open)).toEqual([
      { word: "miel", count: 2, step: 5 },
      { word: "Huile", count: 1, step: 3 },
    ]);
    expect(answerWords("  miel, huile ;  couscous  argan ")).toEqual(["miel", "huile", "couscous"]);
  });
});

describe("dot voting", () => {
  it("shows the budget left, never below zero nor above the budget, and none once voting is closed", () => {
    const placed = (...counts: number[]) => ({ ballots: [], upvoted: [], dots: counts.map((count, i) => ({ noteId: `n${i}`, count })) });
    expect(dotsLeft({ dotBudget: 5, mine: placed(1, 1) })).toBe(3);
    expect(dotsLeft({ dotBudget: 2, mine: placed(3) })).toBe(0);
    expect(dotsLeft({ dotBudget: 0, mine: placed() })).toBe(0);
    expect(myDots({ mine: placed(1, 2) }, "n1")).toBe(2);
    expect(myDots({ mine: placed(1, 2) }, "n9")).toBe(0);
    expect(canAddDot({ dotBudget: 3, mine: placed(2), phase: "live" })).toBe(true);
    expect(canAddDot({ dotBudget: 3, mine: placed(3), phase: "live" })).toBe(false);
    expect(canAddDot({ dotBudget: 3, mine: placed(1), phase: "ended" })).toBe(false);
  });

  it("orders a column's notes by dots, stable for ties", () => {
    const notes = [
      { id: "a", columnId: "c1", dots: 1 },
      { id: "b", columnId: "c2", dots: 9 },
      { id: "c", columnId: "c1", dots: 3 },
      { id: "d", columnId: "c1", dots: 1 },
    ];
    expect(columnNotes(notes, "c1").map((n) => n.id)).toEqual(["c", "a", "d"]);
  });
});

describe("questions", () => {
  it("puts open questions first, the most upvoted first, ties oldest first, answered ones last", () => {
    const q = (id: string, upvotes: number, askedAt: string, answered = false) => ({ id, text: id, authorName: null, askedAt, upvotes, answered });
    const ordered = orderedQuestions([q("a", 1, "2026-06-10T10:00:00Z"), q("b", 5, "2026-06-10T10:05:00Z", true), q("c", 3, "2026-06-10T10:02:00Z"), q("d", 1, "2026-06-10T09:59:00Z")]);
    expect(ordered.map((x) => x.id)).toEqual(["c", "d", "a", "b"]);
  });
});

describe("codes, dates and attendance", () => {
  it("reads codes as typed, spaces them for reading, and takes the creation form's time as Dakar's", () => {
    expect(normalizeCode(" k7m-2qx ")).toBe("K7M2QX");
    expect(spacedCode("K7M2QXP4")).toBe("K7M2 QXP4");
    expect(spacedCode("K7M2QX")).toBe("K7M 2QX");
    expect(dakarInputToIso("2026-06-10T10:30")).toBe("2026-06-10T10:30:00.000Z");
    expect(dakarInputToIso("2026-06-10")).toBeNull();
  });

  it("lists each person present once", () => {
    const stays = [
      { participantId: "a", leftAt: "2026-05-03T10:00:00Z" },
      { participantId: "a", leftAt: null },
      { participantId: "b", leftAt: null },
      { participantId: "b", leftAt: null },
      { participantId: "c", leftAt: "2026-05-03T10:00:00Z" },
    ];
    expect(presentNow(stays).map((s) => s.participantId)).toEqual(["a", "b"]);
  });
});
