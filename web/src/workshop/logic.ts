// Pure rules of the workshop screens: the shared countdown, poll tallies, dot budget, join codes,
// the creation form's dates. No DOM, no network: unit-tested in logic.test.ts.

import { parseIsoDate } from "../format";
import type { PollView, QuestionView, TimerView, WorkshopView } from "./types";

// ---------- the shared countdown ----------

/**
 * What a client knows of the server's clock. Each view carries `timer.serverNow`, the instant the server shaped it;
 * `serverNow − local arrival time` is the true offset minus the delivery delay, so it never overestimates the offset.
 * The largest recent sample is the least delayed one; a catch-up that carries an old event (its `serverNow` is the
 * event's instant) only gives a smaller sample, which is then ignored.
 */
export interface ClockSync {
  readonly samples: readonly number[];
}

/** Samples kept: enough to smooth a burst of delayed deliveries, few enough to follow a local clock that was reset. */
const CLOCK_SAMPLES = 8;

export const NO_CLOCK_SYNC: ClockSync = { samples: [] };

/** Adds a sample taken when a view stamped `serverNowIso` arrived at local time `receivedAt` (ms). */
export function observeServerClock(sync: ClockSync, serverNowIso: string, receivedAt: number): ClockSync {
  const serverNow = parseIsoDate(serverNowIso);
  if (Number.isNaN(serverNow)) return sync;
  return { samples: [...sync.samples, serverNow - receivedAt].slice(-CLOCK_SAMPLES) };
}

/** Milliseconds to add to the local clock to read the server's (0 before any sample). */
export function clockOffset(sync: ClockSync): number {
  return sync.samples.length === 0 ? 0 : Math.max(...sync.samples);
}

/** Milliseconds left on the shared timer at local time `now`: counted to the server's end instant while running. */
export function remainingMs(timer: TimerView, now: number, offsetMs: number): number {
  if (!timer.running || timer.endsAt === null) return Math.max(0, timer.remainingMs);
  const endsAt = parseIsoDate(timer.endsAt);
  if (Number.isNaN(endsAt)) return Math.max(0, timer.remainingMs);
  return Math.max(0, endsAt - (now + offsetMs));
}

/** "4:05", "0:09", "1:00:00": whole seconds, rounded up (a timer shows 0:00 only once it is over). */
export function clockText(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${seconds}` : `${minutes}:${seconds}`;
}

/** The timer's state for display and for the coach's controls. */
export type TimerState = "idle" | "running" | "paused" | "over";

export function timerState(timer: TimerView, leftMs: number): TimerState {
  if (timer.durationMs <= 0) return "idle";
  if (leftMs <= 0) return "over";
  return timer.running ? "running" : "paused";
}

// ---------- polls ----------

export interface TallyRow {
  readonly label: string;
  readonly count: number;
  /** Share of the largest count (0–100), for the bar's length. */
  readonly barPercent: number;
  /** Share of the ballots (0–100, rounded), for the text. */
  readonly sharePercent: number;
  /** Chosen by the viewer. */
  readonly mine: boolean;
}

/** The viewer's own ballot in a poll (the view's `mine` part), empty when they have not voted. */
export interface MyBallot {
  readonly choices: readonly number[];
  readonly words: readonly string[];
}

const NO_BALLOT: MyBallot = { choices: [], words: [] };

export function myBallot(view: Pick<WorkshopView, "mine">, pollId: string): MyBallot {
  return view.mine.ballots.find((b) => b.pollId === pollId) ?? NO_BALLOT;
}

/** The rows shown under a poll: one per option (choice polls) or per word (open polls); empty while results are hidden. */
export function tallyRows(poll: PollView, ballot: MyBallot = NO_BALLOT): TallyRow[] {
  if (poll.results === null) return [];
  const rows =
    poll.kind === "open"
      ? poll.results.words.map((w) => ({ label: w.word, count: w.count, mine: ballot.words.some((m) => m.toLocaleLowerCase() === w.word.toLocaleLowerCase()) }))
      : poll.options.map((label, index) => ({ label, count: poll.results?.counts[index] ?? 0, mine: ballot.choices.includes(index) }));
  const largest = Math.max(0, ...rows.map((r) => r.count));
  return rows.map((row) => ({
    ...row,
    barPercent: largest === 0 ? 0 : Math.round((row.count / largest) * 100),
    sharePercent: poll.voters === 0 ? 0 : Math.round((row.count / poll.voters) * 100),
  }));
}

/** Whether the viewer has a ballot in this poll. */
export function hasVoted(poll: PollView, ballot: MyBallot): boolean {
  return poll.kind === "open" ? ballot.words.length > 0 : ballot.choices.length > 0;
}

/**
 * A word cloud's words: the most frequent first (as the server sends them), each with a size step 1–5 by its share
 * of the largest count, so the room reads the main answers from the back of the hall.
 */
export function cloudWords(poll: PollView): { readonly word: string; readonly count: number; readonly step: number }[] {
  const words = poll.results?.words ?? [];
  const largest = Math.max(1, ...words.map((w) => w.count));
  return words.map((w) => ({ word: w.word, count: w.count, step: 1 + Math.round((w.count / largest) * 4) }));
}

/** The words of an open answer as the server takes them: 1 to 3, split on spaces and commas. */
export function answerWords(text: string): string[] {
  return text
    .split(/[\s,;]+/u)
    .map((w) => w.trim())
    .filter((w) => w !== "")
    .slice(0, 3);
}

// ---------- idea board ----------

/** Dots the viewer placed on a note. */
export function myDots(view: Pick<WorkshopView, "mine">, noteId: string): number {
  return view.mine.dots.find((d) => d.noteId === noteId)?.count ?? 0;
}

/** Dots the viewer may still place (the budget less those placed, as WorkshopDeltas.DotsLeft), and whether one can be added. */
export function dotsLeft(view: Pick<WorkshopView, "dotBudget" | "mine">): number {
  return Math.max(0, view.dotBudget - view.mine.dots.reduce((sum, d) => sum + d.count, 0));
}

export function canAddDot(view: Pick<WorkshopView, "dotBudget" | "mine" | "phase">): boolean {
  return view.phase === "live" && dotsLeft(view) > 0;
}

/** Notes of a column, the most dotted first (stable: equal dots keep the board's order). */
export function columnNotes<N extends { readonly columnId: string; readonly dots: number }>(notes: readonly N[], columnId: string): N[] {
  return notes
    .map((note, index) => ({ note, index }))
    .filter(({ note }) => note.columnId === columnId)
    .sort((a, b) => b.note.dots - a.note.dots || a.index - b.index)
    .map(({ note }) => note);
}

// ---------- questions ----------

/** The Q&A as the room reads it: open questions first, the most upvoted first (equal ones oldest first); answered last. */
export function orderedQuestions(questions: readonly QuestionView[]): QuestionView[] {
  return [...questions].sort(
    (a, b) => Number(a.answered) - Number(b.answered) || b.upvotes - a.upvotes || Date.parse(a.askedAt) - Date.parse(b.askedAt),
  );
}

// ---------- ids, codes, creation ----------

/** A client-chosen id (letters, digits, - and _), unlikely to collide with another participant's. */
export function newId(prefix: string, random: () => number = Math.random): string {
  const alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
  let id = `${prefix}-`;
  for (let i = 0; i < 10; i++) id += alphabet[Math.floor(random() * alphabet.length)] ?? "x";
  return id;
}

/** A typed join code as the server reads it: spaces and dashes dropped, upper case. */
export function normalizeCode(typed: string): string {
  return typed.replace(/[\s-]+/g, "").toUpperCase();
}

/** "K7M2 QXP4": easier to read aloud and to copy from a projected screen. */
export function spacedCode(code: string): string {
  return code.length % 2 === 0 && code.length >= 6 ? `${code.slice(0, code.length / 2)} ${code.slice(code.length / 2)}` : code;
}

/**
 * The value of a date-time field, entered in Dakar time (UTC+0 all year, so the instant has the same digits),
 * as an ISO instant; null when incomplete.
 */
export function dakarInputToIso(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const ms = Date.parse(`${value}:00Z`);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** The total of the agenda's planned minutes. */
export function plannedMinutes(agenda: readonly { readonly plannedMinutes: number }[]): number {
  return agenda.reduce((sum, item) => sum + (Number.isFinite(item.plannedMinutes) ? item.plannedMinutes : 0), 0);
}

/** People present now (one line per person, whatever their stays). */
export function presentNow<A extends { readonly participantId: string; readonly leftAt: string | null }>(attendance: readonly A[]): A[] {
  const seen = new Set<string>();
  return attendance.filter((stay) => stay.leftAt === null && !seen.has(stay.participantId) && seen.add(stay.participantId));
}
