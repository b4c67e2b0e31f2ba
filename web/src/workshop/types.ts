// Wire types of the workshops (docs/PROTOCOL.md → "Workshops"), from the generated contract. Dates are ISO 8601 instants.

export type {
  AgendaItem,
  AttendanceView,
  HandView,
  JoinAnswer,
  NoteView,
  PollKind,
  PollStatus,
  PollView,
  TimerView,
  /** A live command (SendWorkshopCommand); `type` first, as the server asks. */
  WorkshopCommand,
  /** What a coach writes (POST/PUT /api/workshops). */
  WorkshopDetails,
  /** One line of GET /api/workshops. */
  WorkshopListing,
  WorkshopPhase,
  /** The whole session as this connection may see it: every `workshop:{id}` event carries one. */
  WorkshopView,
} from "../wire/contract";
