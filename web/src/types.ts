// Wire types of the Kaolack.Orleans HTTP API and the /hubs/live SignalR hub.

export type Region = "kaolack" | "oriental";

export type ProjectStatus = "proposed" | "active" | "at-risk" | "completed" | "cancelled";

export type EntryKind = "cooperative" | "diaspora-group" | "project";

export interface DirectoryEntry {
  readonly kind: EntryKind;
  readonly slug: string;
  readonly name: string;
  readonly regions: readonly Region[];
  /** Commune (cooperatives, projects) or "city, country" (diaspora groups). */
  readonly place: string;
  readonly valueChains: readonly string[];
  readonly status: ProjectStatus | null;
  readonly summary: string;
  readonly version: number;
  /** ISO 8601 date-time. */
  readonly updatedAt: string;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly page: number;
  readonly pageSize: number;
  readonly total: number;
}

export type LiveChange = "created" | "updated" | "deleted" | "snapshot";

export interface LiveEvent<TData = unknown> {
  readonly topic: string;
  readonly version: number;
  readonly change: LiveChange;
  /** ISO 8601 date-time. */
  readonly at: string;
  readonly data: TData;
}

/** Result of the hub method Subscribe(topic, sinceVersion). */
export interface SubscribeResult {
  readonly topic: string;
  readonly version: number;
  readonly events: readonly LiveEvent[];
}

/** The three directories shown on the home page, by URL segment. */
export type DirectoryName = "cooperatives" | "diaspora-groups" | "projects";

export const directoryTopic = (name: DirectoryName): string => `directory:${name}`;

// ---------- accounts (/api/auth, /api/invitations) ----------

/** Where an account holder lives or works (wider than the directory regions). */
export type AccountRegion = "kaolack" | "oriental" | "elsewhere";

export type Language = "fr" | "en";

export type UserRole = "admin" | "coach" | "partner" | "member";

/** GET /api/auth/me */
export interface CurrentUser {
  readonly email: string;
  readonly displayName: string;
  readonly organisation: string;
  readonly region: AccountRegion;
  readonly language: Language;
  readonly roles: readonly UserRole[];
}

/** POST /api/auth/register */
export interface RegisterRequest {
  readonly email: string;
  readonly password: string;
  readonly displayName: string;
  readonly organisation: string;
  readonly region: AccountRegion;
  readonly language: Language;
}

export type InvitationRole = "owner" | "editor" | "viewer";

/** GET /api/invitations/{token} */
export interface Invitation {
  readonly projectSlug: string;
  readonly projectTitle: string;
  readonly email: string;
  readonly role: InvitationRole;
  /** ISO 8601 date-time. */
  readonly expiresAt: string;
}

/** POST /api/invitations/{token}/accept */
export interface AcceptedInvitation {
  readonly projectSlug: string;
  readonly role: InvitationRole;
}
