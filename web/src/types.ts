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
  /** Further words free-text search matches (products, skills, needs, partners…). */
  readonly keywords?: readonly string[];
  /** A cooperative's legal form. */
  readonly legalForm?: LegalForm;
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

// ---------- organisation profiles (/api/cooperatives/{slug}, /api/diaspora-groups/{slug}) ----------

export type LegalForm = "cooperative" | "gie" | "tpe" | "pme" | "association";

export type FairName = "foire-internationale-kaolack" | "salon-ess-oriental";

export type FairRole = "exhibitor" | "visitor";

export type PledgeKind = "money" | "in-kind";

export type Currency = "XOF" | "MAD" | "EUR";

export interface EntityMeta {
  readonly slug: string;
  readonly version: number;
  /** ISO 8601 date-time. */
  readonly createdAt: string;
  /** ISO 8601 date-time. */
  readonly updatedAt: string;
}

export interface Contact {
  readonly person?: string | null;
  readonly email?: string | null;
  readonly phone?: string | null;
}

export interface FairParticipation {
  readonly fair: FairName;
  readonly year: number;
  readonly role: FairRole;
}

export interface CooperativeProfile {
  readonly name: string;
  readonly region: Region;
  readonly commune: string;
  readonly legalForm: LegalForm;
  readonly valueChains: readonly string[];
  readonly products: readonly string[];
  readonly memberCount: number;
  readonly womenSharePercent: number;
  readonly youthSharePercent: number;
  readonly contact: Contact;
  readonly languages: readonly string[];
  readonly capacityNeeds: readonly string[];
  readonly fairParticipations: readonly FairParticipation[];
  readonly description: string;
}

export interface Money {
  readonly amount: number;
  readonly currency: Currency;
}

export interface Pledge {
  readonly kind: PledgeKind;
  readonly value?: Money | null;
  readonly description: string;
  readonly projectSlug: string;
  readonly received: boolean;
}

export interface DiasporaGroupProfile {
  readonly name: string;
  readonly originRegion: Region;
  readonly country: string;
  readonly city: string;
  readonly memberCount: number;
  readonly skills: readonly string[];
  readonly interestAreas: readonly string[];
  readonly pledges: readonly Pledge[];
  readonly contact: Contact;
  readonly description: string;
}

/** GET /api/cooperatives/{slug} or /api/diaspora-groups/{slug} (ETag = meta.version). */
export interface Organisation<P> {
  readonly meta: EntityMeta;
  readonly profile: P;
  /** Accounts (normalised e-mails) that may edit it. */
  readonly members: readonly string[];
}
