// Wire types of the Kaolack.Orleans HTTP API and the /hubs/live SignalR hub: the generated contract
// (wire/contract.ts, made from the C# contracts), under the names the client uses, and what the client
// builds on it (topic names, a live event of known data).

import type { EntityMeta, LiveEvent as WireLiveEvent } from "./wire/contract";

export type {
  AcceptedInvitation,
  ChangeKind as LiveChange,
  Contact,
  CooperativeProfile,
  Currency,
  DiasporaGroupProfile,
  DirectoryEntry,
  DirectoryPage,
  EntityKind as EntryKind,
  EntityMeta,
  Fair as FairName,
  FairParticipation,
  FairRole,
  LegalForm,
  Money,
  OrganisationKind,
  OrganisationProfile,
  Pledge,
  PledgeKind,
  ProjectStatus,
  Region,
  // Accounts (/api/auth, /api/invitations, /api/admin).
  Account as CurrentUser,
  AccountProfile,
  InvitationDetails as Invitation,
  ProjectRole as InvitationRole,
  Registration as RegisterRequest,
  Role as UserRole,
  UiLanguage as Language,
  UserRegion as AccountRegion,
  // Answer of the hub method Subscribe(topic, sinceVersion).
  CatchUp as SubscribeResult,
} from "./wire/contract";

/** A live event whose data the topic determines (the contract's `data` is any topic's). */
export type LiveEvent<TData = unknown> = Omit<WireLiveEvent, "data"> & { readonly data: TData };

/** A cooperative, a diaspora group or another organisation (GET /api/{cooperatives|diaspora-groups|organisations}/{slug}; ETag = meta.version). */
export type Organisation<P> = {
  readonly meta: EntityMeta;
  readonly profile: P;
  /** Accounts (normalised e-mails) that may edit it. */
  readonly members: readonly string[];
};

/** The directories shown on the home page, by URL segment. */
export type DirectoryName = "cooperatives" | "diaspora-groups" | "projects" | "organisations";

export const directoryTopic = (name: DirectoryName): string => `directory:${name}`;
