import { describe, expect, it } from "vitest";
import { applyDelta } from "./deltas";
import type { NoteView, PollView, QuestionView, WorkshopView } from "./types";

const poll = (id: string, over: Partial<PollView> = {}): PollView => ({
  id,
  question: `Question ${id}`,
  kind: "single",
  options: ["Oui", "Non"],
  status: "open",
  resultsVisible: true,
  voters: 0,
  results: { counts: [0, 0], words: [] },
  ...over,
});
const note = (id: string, dots = 0): NoteView => ({ id, columnId: "c1", text: `Idée ${id}`, authorName: "Awa", group: null, dots });
const question = (id: string, upvotes = 0): QuestionView => ({ id, text: `Q ${id}`, authorName: null, askedAt: "2026-06-10T10:00:00Z", upvotes, answered: false });

const base: WorkshopView = {
  meta: { slug: "atelier", version: 7, createdAt: "2026-06-01T08:00:00Z", updatedAt: "2026-06-10T10:00:00Z" },
  details: { title: "Atelier", description: "", projectSlug: null, startsAt: "2026-06-10T10:00:00Z", durationMinutes: 90, agenda: [], coaches: [], anonymous: false },
  coachNames: ["Coach"],
  joinCode: null,
  phase: "live",
  currentItem: 0,
  gathered: 1,
  timer: { running: false, endsAt: null, remainingMs: 0, durationMs: 0, serverNow: "2026-06-10T10:00:00Z" },
  polls: [poll("p1"), poll("p2")],
  columns: [{ id: "c1", title: "Idées" }],
  notes: [note("n1", 1), note("n2"), note("n3")],
  dotBudget: 3,
  questions: [question("q1", 2), question("q2")],
  reactions: [],
  hands: [],
  speaking: null,
  present: 12,
  attendance: [{ participantId: "a", displayName: "Awa", guest: false, joinedAt: "2026-06-10T10:00:00Z", leftAt: null }],
  guests: [{ participantId: "g1", displayName: "Fatou", admittedAt: "2026-06-10T10:01:00Z" }],
  you: { participantId: "a", isCoach: false },
  mine: { ballots: [], dots: [], upvoted: [] },
  startedAt: "2026-06-10T10:00:00Z",
  endedAt: null,
  notesDocument: "atelier--notes",
};

describe("workshop deltas", () => {
  it("stamps the version and instant and leaves what the delta does not name untouched", () => {
    const after = applyDelta(base, {}, 8, "2026-06-10T10:05:00Z");
    expect(after.meta).toEqual({ ...base.meta, version: 8, updatedAt: "2026-06-10T10:05:00Z" });
    expect({ ...after, meta: base.meta }).toEqual(base);
  });

  it("applies a vote as a tally: voters and results of that poll only, the caller's ballot as sent", () => {
    const after = applyDelta(
      base,
      { tallies: [{ pollId: "p2", voters: 1, results: { counts: [1, 0], words: [] } }], mine: { ballots: [{ pollId: "p2", choices: [0], words: [] }], dots: [], upvoted: [] } },
      8,
      "2026-06-10T10:05:00Z",
    );
    expect(after.polls[0]).toBe(base.polls[0]);
    expect(after.polls[1]).toEqual({ ...base.polls[1], voters: 1, results: { counts: [1, 0], words: [] } });
    expect(after.mine.ballots).toEqual([{ pollId: "p2", choices: [0], words: [] }]);
  });

  it("replaces changed items in place, appends new ones in order, drops removed ones, and moves counts alone", () => {
    const after = applyDelta(
      base,
      {
        notes: [{ ...note("n2"), columnId: "c2" }, note("n4")],
        removedNotes: ["n3"],
        dots: [{ noteId: "n1", dots: 4 }],
        columns: [{ id: "c2", title: "Actions" }],
        questions: [question("q3")],
        removedQuestions: ["q2"],
        upvotes: [{ questionId: "q1", upvotes: 3 }],
        reactions: [{ reaction: "applause", count: 5 }],
        hands: { hands: [], speaking: { participantId: "g1", displayName: "Fatou", raisedAt: "2026-06-10T10:02:00Z" } },
        guests: [{ participantId: "g2", displayName: "Omar", admittedAt: "2026-06-10T10:03:00Z" }],
        removedGuests: ["g1"],
        present: 13,
        phase: "ended",
        endedAt: "2026-06-10T11:30:00Z",
      },
      8,
      "2026-06-10T11:30:00Z",
    );
    expect(after.notes.map((n) => [n.id, n.columnId, n.dots])).toEqual([
      ["n1", "c1", 4],
      ["n2", "c2", 0],
      ["n4", "c1", 0],
    ]);
    expect(after.columns.map((c) => c.id)).toEqual(["c1", "c2"]);
    expect(after.questions.map((q) => [q.id, q.upvotes])).toEqual([
      ["q1", 3],
      ["q3", 0],
    ]);
    expect(after.reactions).toEqual([{ reaction: "applause", count: 5 }]);
    expect(after.speaking?.participantId).toBe("g1");
    expect(after.guests.map((g) => g.participantId)).toEqual(["g2"]);
    expect([after.present, after.phase, after.endedAt]).toEqual([13, "ended", "2026-06-10T11:30:00Z"]);
  });

  it("closes a stay by participant and arrival, and lowers the last hand with an empty queue", () => {
    const raised = applyDelta(base, { hands: { hands: [{ participantId: "a", displayName: "Awa", raisedAt: "2026-06-10T10:02:00Z" }], speaking: null } }, 8, "2026-06-10T10:02:00Z");
    const after = applyDelta(
      raised,
      { hands: { hands: [], speaking: null }, attendance: [{ participantId: "a", displayName: "Awa", guest: false, joinedAt: "2026-06-10T10:00:00.000Z", leftAt: "2026-06-10T10:30:00Z" }] },
      9,
      "2026-06-10T10:30:00Z",
    );
    expect(raised.hands).toHaveLength(1);
    expect(after.hands).toEqual([]);
    expect(after.attendance).toEqual([{ participantId: "a", displayName: "Awa", guest: false, joinedAt: "2026-06-10T10:00:00.000Z", leftAt: "2026-06-10T10:30:00Z" }]);
  });
});
