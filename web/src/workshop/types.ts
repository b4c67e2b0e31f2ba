// Wire types of the workshops (docs/PROTOCOL.md → "Workshops"). Dates are ISO 8601 instants.

import type { EntityMeta } from "../types";

export type WorkshopPhase = "scheduled" | "live" | "ended";
export type PollKind = "single" | "multiple" | "open";
export type PollStatus = "draft" | "open" | "closed";

export interface AgendaItem {
  readonly title: string;
  readonly plannedMinutes: number;
}

/** What a coach writes (POST/PUT /api/workshops). */
export interface WorkshopDetails {
  readonly title: string;
  readonly description: string;
  readonly projectSlug: string | null;
  readonly startsAt: string;
  readonly durationMinutes: number;
  readonly agenda: readonly AgendaItem[];
  readonly coaches: readonly string[];
}

/** One line of GET /api/workshops. */
export interface WorkshopListing {
  readonly id: string;
  readonly title: string;
  readonly startsAt: string;
  readonly durationMinutes: number;
  readonly projectSlug: string | null;
  readonly coaches: readonly string[];
  readonly phase: WorkshopPhase;
  readonly version: number;
}

export interface TimerView {
  readonly running: boolean;
  readonly endsAt: string | null;
  readonly remainingMs: number;
  readonly durationMs: number;
  readonly serverNow: string;
}

export interface PollView {
  readonly id: string;
  readonly question: string;
  readonly kind: PollKind;
  readonly options: readonly string[];
  readonly status: PollStatus;
  readonly resultsVisible: boolean;
  readonly voters: number;
  readonly results: { readonly counts: readonly number[]; readonly words: readonly { readonly word: string; readonly count: number }[] } | null;
  readonly myChoices: readonly number[] | null;
  readonly myWords: readonly string[] | null;
}

export interface NoteView {
  readonly id: string;
  readonly columnId: string;
  readonly text: string;
  readonly authorName: string;
  readonly group: string | null;
  readonly dots: number;
  readonly myDots: number;
}

export interface HandView {
  readonly participantId: string;
  readonly displayName: string;
  readonly raisedAt: string;
}

export interface AttendanceView {
  readonly participantId: string;
  readonly displayName: string;
  readonly guest: boolean;
  readonly joinedAt: string;
  readonly leftAt: string | null;
}

/** The whole session as this connection may see it: every `workshop:{id}` event carries one. */
export interface WorkshopView {
  readonly meta: EntityMeta;
  readonly details: WorkshopDetails;
  readonly joinCode: string | null;
  readonly phase: WorkshopPhase;
  readonly currentItem: number;
  readonly gathered: number;
  readonly timer: TimerView;
  readonly polls: readonly PollView[];
  readonly columns: readonly { readonly id: string; readonly title: string }[];
  readonly notes: readonly NoteView[];
  readonly dotBudget: number;
  readonly myDotsLeft: number;
  readonly hands: readonly HandView[];
  readonly speaking: HandView | null;
  readonly attendance: readonly AttendanceView[];
  readonly you: { readonly participantId: string; readonly isCoach: boolean };
  readonly startedAt: string | null;
  readonly endedAt: string | null;
  readonly notesDocument: string;
}

/** POST /api/workshops/join: an account gets only the id; a guest also its name (the session is a cookie). */
export interface JoinAnswer {
  readonly workshopId: string;
  readonly guestId: string | null;
  readonly displayName: string | null;
}

/** A live command (SendWorkshopCommand); `type` first, as the server asks. */
export type WorkshopCommand =
  | { readonly type: "join" | "leave" | "start" | "end" | "next-item" | "previous-item" }
  | { readonly type: "timer-pause" | "timer-resume" | "hand-raise" | "hand-next" }
  | { readonly type: "bring-everyone"; readonly index: number }
  | { readonly type: "timer-start" | "timer-extend"; readonly seconds: number }
  | { readonly type: "poll-create"; readonly pollId: string; readonly question: string; readonly kind: PollKind; readonly options: readonly string[] }
  | { readonly type: "poll-open" | "poll-close"; readonly pollId: string }
  | { readonly type: "poll-results"; readonly pollId: string; readonly visible: boolean }
  | { readonly type: "vote"; readonly pollId: string; readonly choices?: readonly number[]; readonly words?: readonly string[] }
  | { readonly type: "column-add"; readonly columnId: string; readonly title: string }
  | { readonly type: "note-add"; readonly noteId: string; readonly columnId: string; readonly text: string }
  | { readonly type: "note-move"; readonly noteId: string; readonly columnId: string }
  | { readonly type: "note-merge"; readonly noteId: string; readonly intoNoteId: string }
  | { readonly type: "dot-budget"; readonly perPerson: number }
  | { readonly type: "dot-add" | "dot-remove"; readonly noteId: string }
  | { readonly type: "hand-lower"; readonly participantId?: string };
