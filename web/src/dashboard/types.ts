// Wire types of the dashboards (GET /api/dashboard, GET /api/projects/{slug}/summary and the live
// topics "dashboard:programme" and "dashboard:project:{slug}"), from the generated contract.
//
// ProgrammeDashboard: over REST and as a live snapshot, `projects` holds every row the reader may see and `removed`
// is empty; as a live update, only the rows changed since the previous push and the slugs of projects gone.
// MilestoneCounts: `onTrack` are not done and due today or later (or undated), `late` not done and due before today.
// MoneyProgress: an amount expected and what was received of it, in one currency (never converted).

export type {
  MilestoneCounts,
  MilestoneFact,
  MoneyProgress,
  PledgeCounts,
  ProgrammeDashboard,
  ProgrammeIndicators,
  ProgressPoint,
  ProjectSummary,
  RegionEngagement,
  RegionPair,
  SummaryPartner,
  TaskCounts,
} from "../wire/contract";

export const PROGRAMME_TOPIC = "dashboard:programme";

export const projectSummaryTopic = (slug: string): string => `dashboard:project:${slug}`;
