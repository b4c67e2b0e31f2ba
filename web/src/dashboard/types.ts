// Wire types of the dashboards (GET /api/dashboard, GET /api/projects/{slug}/summary and the live
// topics "dashboard:programme" and "dashboard:project:{slug}"; see grains/Kaolack.Contracts/Dashboard).

import type { Currency, ProjectStatus, Region } from "../types";

export type RegionPair = "kaolack-oriental" | "kaolack" | "oriental" | "none";

export interface MilestoneCounts {
  readonly done: number;
  /** Not done, due today or later (or without a due date). */
  readonly onTrack: number;
  /** Not done and due before today. */
  readonly late: number;
  readonly total: number;
}

export interface TaskCounts {
  readonly done: number;
  readonly total: number;
}

/** Pledges in kind without a value: how many were made, and how many of them were received. */
export interface PledgeCounts {
  readonly received: number;
  readonly total: number;
}

/** An amount expected and what was received of it, in one currency (never converted). */
export interface MoneyProgress {
  readonly currency: Currency;
  readonly expected: number;
  readonly received: number;
}

export interface MilestoneFact {
  readonly id: string;
  readonly title: string;
  /** "2026-05-31" or null. */
  readonly dueDate: string | null;
  readonly done: boolean;
}

export interface SummaryPartner {
  readonly kind: "cooperative" | "diaspora-group";
  readonly slug: string;
  readonly name: string;
  readonly region: Region;
}

export interface ProjectSummary {
  readonly slug: string;
  readonly version: number;
  readonly title: string;
  readonly status: ProjectStatus;
  readonly valueChains: readonly string[];
  readonly startDate: string | null;
  readonly endDate: string | null;
  readonly regionPair: RegionPair;
  readonly partners: readonly SummaryPartner[];
  readonly kaolackPartners: number;
  readonly orientalPartners: number;
  readonly milestones: MilestoneCounts;
  readonly tasks: TaskCounts;
  readonly nextMilestone: MilestoneFact | null;
  readonly budget: readonly MoneyProgress[];
  readonly pledges: readonly MoneyProgress[];
  readonly pledgesInKind: PledgeCounts;
  /** ISO 8601 date-time or null. */
  readonly lastActivityAt: string | null;
  readonly asOf: string;
  readonly projectVersion: number;
  readonly planVersion: number;
}

export interface RegionEngagement {
  readonly region: Region;
  readonly cooperatives: number;
  readonly diasporaGroups: number;
}

export interface ProgrammeIndicators {
  readonly projects: number;
  readonly byStatus: readonly { readonly status: ProjectStatus; readonly count: number }[];
  readonly byRegionPair: readonly { readonly regionPair: RegionPair; readonly count: number }[];
  readonly byValueChain: readonly { readonly name: string; readonly count: number }[];
  readonly milestones: MilestoneCounts;
  readonly tasks: TaskCounts;
  readonly engaged: readonly RegionEngagement[];
  readonly fairParticipations: readonly { readonly year: number; readonly fair: string; readonly count: number }[];
  readonly capacityNeeds: readonly { readonly name: string; readonly count: number }[];
  readonly budget: readonly MoneyProgress[];
  readonly pledges: readonly MoneyProgress[];
  readonly pledgesInKind: PledgeCounts;
}

/** The programme's progress on one day. */
export interface ProgressPoint {
  /** "2026-05-31". */
  readonly date: string;
  readonly activeProjects: number;
  readonly milestonesDone: number;
  readonly milestonesTotal: number;
  readonly lateMilestones: number;
  readonly tasksDone: number;
  readonly tasksTotal: number;
}

/**
 * The programme dashboard. Over REST and as a live snapshot, `projects` holds every row the reader may
 * see and `removed` is empty; as a live update, only the rows changed since the previous push and the
 * slugs of projects gone.
 */
export interface ProgrammeDashboard {
  readonly version: number;
  readonly asOf: string;
  readonly indicators: ProgrammeIndicators;
  readonly series: readonly ProgressPoint[];
  readonly projects: readonly ProjectSummary[];
  readonly removed: readonly string[];
}

export const PROGRAMME_TOPIC = "dashboard:programme";

export const projectSummaryTopic = (slug: string): string => `dashboard:project:${slug}`;
