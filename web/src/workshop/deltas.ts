// How the page follows a workshop between snapshots: a WorkshopDelta applied to the view it holds gives the view at the
// delta's version, as the server's WorkshopDeltas.Apply does (Kaolack.Contracts.Workshops); the same rules on both
// sides, checked by deltas.test.ts here and WorkshopDeltaTests on the server.

import type { EntityMeta } from "../wire/contract";
import type { WorkshopDelta, WorkshopView } from "./types";

/** The view at `version`, stored at `at`: `view` with `delta` applied. */
export function applyDelta(view: WorkshopView, delta: WorkshopDelta, version: number, at: string): WorkshopView {
  let polls = upsert(view.polls, delta.polls, (p) => p.id);
  if (delta.tallies !== undefined) {
    const byPoll = new Map(delta.tallies.map((t) => [t.pollId, t]));
    polls = polls.map((p) => {
      const tally = byPoll.get(p.id);
      return tally === undefined ? p : { ...p, voters: tally.voters, results: tally.results };
    });
  }
  let notes = remove(upsert(view.notes, delta.notes, (n) => n.id), delta.removedNotes, (n) => n.id);
  if (delta.dots !== undefined) {
    const byNote = new Map(delta.dots.map((d) => [d.noteId, d.dots]));
    notes = notes.map((n) => ({ ...n, dots: byNote.get(n.id) ?? n.dots }));
  }
  let questions = remove(upsert(view.questions, delta.questions, (q) => q.id), delta.removedQuestions, (q) => q.id);
  if (delta.upvotes !== undefined) {
    const byQuestion = new Map(delta.upvotes.map((u) => [u.questionId, u.upvotes]));
    questions = questions.map((q) => ({ ...q, upvotes: byQuestion.get(q.id) ?? q.upvotes }));
  }
  const meta: EntityMeta = { ...view.meta, version, updatedAt: at };
  return {
    ...view,
    meta,
    phase: delta.phase ?? view.phase,
    currentItem: delta.currentItem ?? view.currentItem,
    gathered: delta.gathered ?? view.gathered,
    timer: delta.timer ?? view.timer,
    startedAt: delta.startedAt ?? view.startedAt,
    endedAt: delta.endedAt ?? view.endedAt,
    dotBudget: delta.dotBudget ?? view.dotBudget,
    polls,
    columns: upsert(view.columns, delta.columns, (c) => c.id),
    notes,
    questions,
    reactions: delta.reactions ?? view.reactions,
    hands: delta.hands?.hands ?? view.hands,
    speaking: delta.hands === undefined ? view.speaking : delta.hands.speaking,
    present: delta.present ?? view.present,
    attendance: upsert(view.attendance, delta.attendance, (s) => `${s.participantId}@${Date.parse(s.joinedAt)}`),
    guests: remove(upsert(view.guests, delta.guests, (g) => g.participantId), delta.removedGuests, (g) => g.participantId),
    mine: delta.mine ?? view.mine,
  };
}

/** Items replaced in place by key; new ones appended in the delta's order. */
function upsert<T>(items: readonly T[], changes: readonly T[] | undefined, key: (item: T) => string): readonly T[] {
  if (changes === undefined) return items;
  const byKey = new Map(changes.map((c) => [key(c), c]));
  const known = new Set(items.map(key));
  return [...items.map((item) => byKey.get(key(item)) ?? item), ...changes.filter((c) => !known.has(key(c)))];
}

function remove<T>(items: readonly T[], removed: readonly string[] | undefined, key: (item: T) => string): readonly T[] {
  if (removed === undefined) return items;
  const gone = new Set(removed);
  return items.filter((item) => !gone.has(key(item)));
}
