// Wire types of the workshops (docs/PROTOCOL.md → "Workshops"), from the generated contract. Dates are ISO 8601 instants.

export type {
  AgendaItem,
  AttendanceView,
  GuestView,
  HandView,
  JoinAnswer,
  NoteView,
  PollKind,
  PollStatus,
  PollView,
  QuestionView,
  Reaction,
  ReactionCount,
  TimerView,
  /** A live command (SendWorkshopCommand); `type` first, as the server asks. */
  WorkshopCommand,
  /** What one stored change changed, as this connection may see it: the `updated` events of `workshop:{id}`. */
  WorkshopDelta,
  /** What a coach writes (POST/PUT /api/workshops). */
  WorkshopDetails,
  /** One line of GET /api/workshops. */
  WorkshopListing,
  WorkshopOutline,
  WorkshopSummary,
  WorkshopTemplate,
  WorkshopPhase,
  /** The whole session as this connection may see it: REST and the `snapshot` events of `workshop:{id}` carry one. */
  WorkshopView,
} from "../wire/contract";
