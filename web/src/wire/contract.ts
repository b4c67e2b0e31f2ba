// Generated from the C# contracts by tests/Kaolack.Api.Tests/Wire: do not edit.
// Regenerate with scripts/wire-contract.sh; the .NET tests fail while this file differs from what the C# makes.
// REST payloads (the endpoints' declared request and response types), hub payloads (Kaolack.Contracts.Wire.HubPayloads),
// their enums, the server's limits and the hub's error codes.

import type { TextOp } from "../plan/textOps";

export const CHANGE_KIND_VALUES = ["created", "updated", "deleted", "snapshot"] as const;
export type ChangeKind = (typeof CHANGE_KIND_VALUES)[number];

export const CURRENCY_VALUES = ["XOF", "MAD", "EUR"] as const;
export type Currency = (typeof CURRENCY_VALUES)[number];

export const ENTITY_KIND_VALUES = ["cooperative", "diaspora-group", "project", "organisation", "exchange"] as const;
export type EntityKind = (typeof ENTITY_KIND_VALUES)[number];

export const EXCHANGE_CATEGORY_VALUES = ["product", "service", "training", "skill", "visit", "funding"] as const;
export type ExchangeCategory = (typeof EXCHANGE_CATEGORY_VALUES)[number];

export const EXCHANGE_POST_KIND_VALUES = ["offer", "need"] as const;
export type ExchangePostKind = (typeof EXCHANGE_POST_KIND_VALUES)[number];

export const EXCHANGE_POST_STATUS_VALUES = ["open", "matched", "closed"] as const;
export type ExchangePostStatus = (typeof EXCHANGE_POST_STATUS_VALUES)[number];

export const FAIR_VALUES = ["foire-internationale-kaolack", "salon-ess-oriental"] as const;
export type Fair = (typeof FAIR_VALUES)[number];

export const FAIR_ROLE_VALUES = ["exhibitor", "visitor"] as const;
export type FairRole = (typeof FAIR_ROLE_VALUES)[number];

export const LEGAL_FORM_VALUES = ["cooperative", "gie", "tpe", "pme", "association"] as const;
export type LegalForm = (typeof LEGAL_FORM_VALUES)[number];

export const MAIL_KIND_VALUES = ["verification", "already-registered", "password-reset", "welcome", "invitation"] as const;
export type MailKind = (typeof MAIL_KIND_VALUES)[number];

export const ORGANISATION_KIND_VALUES = ["local-authority", "state-service", "ngo", "training", "chamber", "company", "returning-migrants"] as const;
export type OrganisationKind = (typeof ORGANISATION_KIND_VALUES)[number];

export const PLAN_ENTITY_KIND_VALUES = ["section", "milestone", "task"] as const;
export type PlanEntityKind = (typeof PLAN_ENTITY_KIND_VALUES)[number];

export const PLAN_OP_TYPE_VALUES = ["add", "delete", "move", "set", "text"] as const;
export type PlanOpType = (typeof PLAN_OP_TYPE_VALUES)[number];

export const PLEDGE_KIND_VALUES = ["money", "in-kind"] as const;
export type PledgeKind = (typeof PLEDGE_KIND_VALUES)[number];

export const POLL_KIND_VALUES = ["single", "multiple", "open"] as const;
export type PollKind = (typeof POLL_KIND_VALUES)[number];

export const POLL_STATUS_VALUES = ["draft", "open", "closed"] as const;
export type PollStatus = (typeof POLL_STATUS_VALUES)[number];

export const PROJECT_ROLE_VALUES = ["owner", "editor", "viewer"] as const;
export type ProjectRole = (typeof PROJECT_ROLE_VALUES)[number];

export const PROJECT_STATUS_VALUES = ["proposed", "active", "at-risk", "completed", "cancelled"] as const;
export type ProjectStatus = (typeof PROJECT_STATUS_VALUES)[number];

export const REACTION_VALUES = ["applause", "heart", "laugh", "thumbs-up", "surprise"] as const;
export type Reaction = (typeof REACTION_VALUES)[number];

export const REGION_VALUES = ["kaolack", "oriental"] as const;
export type Region = (typeof REGION_VALUES)[number];

export const REGION_PAIR_VALUES = ["kaolack-oriental", "kaolack", "oriental", "none"] as const;
export type RegionPair = (typeof REGION_PAIR_VALUES)[number];

export const ROLE_VALUES = ["admin", "coach", "partner", "member"] as const;
export type Role = (typeof ROLE_VALUES)[number];

export const SUGGESTION_REASON_CODE_VALUES = ["same-value-chain", "complementary-value-chain", "skill-matches-need", "interest-matches-value-chain", "missing-region", "diaspora-of-region", "offer-meets-need", "region-wanted"] as const;
export type SuggestionReasonCode = (typeof SUGGESTION_REASON_CODE_VALUES)[number];

export const UI_LANGUAGE_VALUES = ["fr", "en"] as const;
export type UiLanguage = (typeof UI_LANGUAGE_VALUES)[number];

export const USER_REGION_VALUES = ["kaolack", "oriental", "elsewhere"] as const;
export type UserRegion = (typeof USER_REGION_VALUES)[number];

export const WORKSHOP_PHASE_VALUES = ["scheduled", "live", "ended"] as const;
export type WorkshopPhase = (typeof WORKSHOP_PHASE_VALUES)[number];

export interface AcceptedInvitation {
  readonly projectSlug: string;
  readonly role: ProjectRole;
}

export interface Account {
  readonly email: string;
  readonly displayName: string;
  readonly organisation: string;
  readonly region: UserRegion;
  readonly language: UiLanguage;
  readonly roles: readonly Role[];
  readonly createdAt: string;
  readonly verified: boolean;
  readonly suspended: boolean;
}

export interface AccountPage {
  readonly items: readonly Account[];
  readonly page: number;
  readonly pageSize: number;
  readonly total: number;
}

export interface AccountProfile {
  readonly displayName: string;
  readonly organisation: string;
  readonly region: UserRegion;
  readonly language: UiLanguage;
}

export interface ActivityEntry {
  readonly version: number;
  readonly at: string;
  readonly kind: string;
  readonly text: string;
}

export interface AddColumn {
  readonly type: "column-add";
  readonly columnId: string;
  readonly title: string;
}

export interface AddDot {
  readonly type: "dot-add";
  readonly noteId: string;
}

export interface AddNote {
  readonly type: "note-add";
  readonly noteId: string;
  readonly columnId: string;
  readonly text: string;
}

export interface AgendaItem {
  readonly title: string;
  readonly plannedMinutes: number;
}

export interface AskQuestion {
  readonly type: "question-ask";
  readonly questionId: string;
  readonly text: string;
}

export interface AttendanceView {
  readonly participantId: string;
  readonly displayName: string;
  readonly guest: boolean;
  readonly joinedAt: string;
  readonly leftAt: string | null;
}

export interface BoardColumnView {
  readonly id: string;
  readonly title: string;
}

export interface BringEveryoneTo {
  readonly type: "bring-everyone";
  readonly index: number;
}

export interface CallNextHand {
  readonly type: "hand-next";
}

export interface CatchUp {
  readonly topic: string;
  readonly version: number;
  readonly events: readonly LiveEvent[];
}

export interface ClosePoll {
  readonly type: "poll-close";
  readonly pollId: string;
}

export interface Contact {
  readonly person: string | null;
  readonly email: string | null;
  readonly phone: string | null;
}

export interface Contribution {
  readonly number: number;
  readonly details: ContributionInput;
  readonly recordedAt: string;
}

export interface ContributionInput {
  readonly from: string;
  readonly amount: Money;
  readonly receivedOn: string;
  readonly note: string;
}

export interface Cooperative {
  readonly meta: EntityMeta;
  readonly profile: CooperativeProfile;
  readonly members: readonly string[];
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

export interface CreatePoll {
  readonly type: "poll-create";
  readonly pollId: string;
  readonly question: string;
  readonly kind: PollKind;
  readonly options: readonly string[];
}

export interface DeleteNote {
  readonly type: "note-delete";
  readonly noteId: string;
}

export interface DeleteQuestion {
  readonly type: "question-delete";
  readonly questionId: string;
}

export interface DiasporaGroup {
  readonly meta: EntityMeta;
  readonly profile: DiasporaGroupProfile;
  readonly members: readonly string[];
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

export interface DirectoryEntry {
  readonly kind: EntityKind;
  readonly slug: string;
  readonly name: string;
  readonly regions: readonly Region[];
  readonly place: string;
  readonly valueChains: readonly string[];
  readonly status: ProjectStatus | null;
  readonly summary: string;
  readonly keywords: readonly string[];
  readonly version: number;
  readonly updatedAt: string;
  readonly capacityNeeds: readonly string[];
  readonly skills: readonly string[];
  readonly interestAreas: readonly string[];
  readonly legalForm?: LegalForm;
  readonly organisationKind?: OrganisationKind;
  readonly exchange?: ExchangeFacts;
}

export interface DirectoryPage {
  readonly items: readonly DirectoryEntry[];
  readonly page: number;
  readonly pageSize: number;
  readonly total: number;
}

export interface DirectoryRemoval {
  readonly slug: string;
}

export interface DirectorySnapshot {
  readonly entries: readonly DirectoryEntry[];
}

export interface EndSession {
  readonly type: "end";
}

export interface EntityMeta {
  readonly slug: string;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface ExchangeFacts {
  readonly kind: ExchangePostKind;
  readonly category: ExchangeCategory;
  readonly status: ExchangePostStatus;
  readonly regionWanted: Region | null;
  readonly organisationKind: EntityKind;
  readonly organisationSlug: string;
}

export interface ExchangeMatch {
  readonly slug: string;
  readonly title: string;
  readonly kind: ExchangePostKind;
  readonly category: ExchangeCategory;
  readonly organisation: PartnerInfo;
  readonly score: number;
  readonly reasons: readonly SuggestionReason[];
}

export interface ExchangePost {
  readonly meta: EntityMeta;
  readonly post: ExchangePostInput;
  readonly organisation: PartnerInfo;
  readonly status: ExchangePostStatus;
  readonly replies: readonly ExchangeReply[];
  readonly matchedWith: PartnerInfo | null;
  readonly projectSlug: string | null;
}

export interface ExchangePostInput {
  readonly kind: ExchangePostKind;
  readonly category: ExchangeCategory;
  readonly organisation: PartnerRef;
  readonly title: string;
  readonly description: string;
  readonly valueChain: string;
  readonly quantity: string;
  readonly period: string;
  readonly regionWanted: Region | null;
}

export interface ExchangeReply {
  readonly organisation: PartnerInfo;
  readonly text: string;
  readonly at: string;
}

export interface ExchangeStatusInput {
  readonly status: ExchangePostStatus;
  readonly matchedWith: PartnerRef | null;
}

export interface ExtendTimer {
  readonly type: "timer-extend";
  readonly seconds: number;
}

export interface FairParticipation {
  readonly fair: Fair;
  readonly year: number;
  readonly role: FairRole;
}

export interface FairYearCount {
  readonly year: number;
  readonly fair: Fair;
  readonly count: number;
}

export interface GroupNote {
  readonly type: "note-group";
  readonly noteId: string;
  readonly group: string | null;
}

export interface GuestView {
  readonly participantId: string;
  readonly displayName: string;
  readonly admittedAt: string;
}

export interface HandQueue {
  readonly hands: readonly HandView[];
  readonly speaking: HandView | null;
}

export interface HandView {
  readonly participantId: string;
  readonly displayName: string;
  readonly raisedAt: string;
}

export interface InvitationDetails {
  readonly projectSlug: string;
  readonly projectTitle: string;
  readonly email: string;
  readonly role: ProjectRole;
  readonly expiresAt: string;
}

export interface InvitationLink {
  readonly token: string;
  readonly link: string;
  readonly email: string;
  readonly role: ProjectRole;
  readonly expiresAt: string;
}

export interface InvitationRequest {
  readonly email: string;
  readonly role: ProjectRole;
}

export interface IssuedAccount {
  readonly account: Account;
  readonly link: IssuedLink;
}

export interface IssuedLink {
  readonly link: string;
  readonly expiresAt: string;
  readonly mailed: boolean;
}

export interface JoinAnswer {
  readonly workshopId: string;
  readonly guestId: string | null;
  readonly displayName: string | null;
  readonly accessToken: string | null;
  readonly expiresIn: number | null;
}

export interface JoinRequest {
  readonly code: string;
  readonly displayName: string | null;
}

export interface JoinSession {
  readonly type: "join";
}

export interface JointProject {
  readonly meta: EntityMeta;
  readonly charter: ProjectCharter;
  readonly status: ProjectStatus;
  readonly partners: readonly ProjectPartner[];
  readonly contributions: readonly Contribution[];
  readonly activity: readonly ActivityEntry[];
  readonly members: readonly ProjectMember[];
}

export interface LeaveSession {
  readonly type: "leave";
}

export interface LiveEvent {
  readonly topic: string;
  readonly version: number;
  readonly change: ChangeKind;
  readonly at: string;
  readonly data: unknown;
}

export interface LoginRequest {
  readonly email: string;
  readonly password: string;
}

export interface LowerHand {
  readonly type: "hand-lower";
  readonly participantId: string | null;
}

export interface MarkQuestionAnswered {
  readonly type: "question-answered";
  readonly questionId: string;
  readonly answered: boolean;
}

export interface MemberRequest {
  readonly email: string;
}

export interface MergeNote {
  readonly type: "note-merge";
  readonly noteId: string;
  readonly intoNoteId: string;
}

export interface MilestoneCounts {
  readonly done: number;
  readonly onTrack: number;
  readonly late: number;
  readonly total: number;
}

export interface MilestoneFact {
  readonly id: string;
  readonly title: string;
  readonly dueDate: string | null;
  readonly done: boolean;
}

export interface Money {
  readonly amount: number;
  readonly currency: Currency;
}

export interface MoneyProgress {
  readonly currency: Currency;
  readonly expected: number;
  readonly received: number;
}

export interface MoveNote {
  readonly type: "note-move";
  readonly noteId: string;
  readonly columnId: string;
}

export interface MyBallot {
  readonly pollId: string;
  readonly choices: readonly number[];
  readonly words: readonly string[];
}

export interface MyDots {
  readonly noteId: string;
  readonly count: number;
}

export interface NamedCount {
  readonly name: string;
  readonly count: number;
}

export interface NewAccount {
  readonly email: string;
  readonly displayName: string;
  readonly organisation: string;
  readonly region: UserRegion;
  readonly language: UiLanguage;
  readonly roles: readonly Role[];
}

export interface NextItem {
  readonly type: "next-item";
}

export interface NoteDots {
  readonly noteId: string;
  readonly dots: number;
}

export interface NoteView {
  readonly id: string;
  readonly columnId: string;
  readonly text: string;
  readonly authorName: string | null;
  readonly group: string | null;
  readonly dots: number;
}

export interface OpenPoll {
  readonly type: "poll-open";
  readonly pollId: string;
}

export interface Organisation {
  readonly meta: EntityMeta;
  readonly profile: OrganisationProfile;
  readonly members: readonly string[];
}

export interface OrganisationProfile {
  readonly name: string;
  readonly kind: OrganisationKind;
  readonly region: Region;
  readonly place: string;
  readonly sectors: readonly string[];
  readonly offers: readonly string[];
  readonly needs: readonly string[];
  readonly contact: Contact;
  readonly languages: readonly string[];
  readonly description: string;
}

export interface OutboxMessage {
  readonly number: number;
  readonly at: string;
  readonly to: string;
  readonly language: UiLanguage;
  readonly kind: MailKind;
  readonly subject: string;
  readonly text: string;
  readonly link: string;
}

export interface ParticipantSelf {
  readonly participantId: string;
  readonly isCoach: boolean;
}

export interface PartnerInfo {
  readonly kind: EntityKind;
  readonly slug: string;
  readonly name: string;
  readonly region: Region;
}

export interface PartnerRef {
  readonly kind: EntityKind;
  readonly slug: string;
}

export interface PartnerSuggestion {
  readonly kind: EntityKind;
  readonly slug: string;
  readonly name: string;
  readonly region: Region;
  readonly place: string;
  readonly score: number;
  readonly reasons: readonly SuggestionReason[];
}

export interface PartnerSuggestionList {
  readonly items: readonly PartnerSuggestion[];
}

export interface PasswordChange {
  readonly currentPassword: string;
  readonly newPassword: string;
}

export interface PasswordResetConfirmation {
  readonly token: string;
  readonly newPassword: string;
}

export interface PasswordResetRequest {
  readonly email: string;
}

export interface PauseTimer {
  readonly type: "timer-pause";
}

export interface PendingInvitation {
  readonly id: string;
  readonly email: string;
  readonly role: ProjectRole;
  readonly expiresAt: string;
}

export interface PlanAck {
  readonly version: number | null;
  readonly reason: string | null;
}

export interface PlanChange {
  readonly version: number;
  readonly clientId: string;
  readonly seq: number;
  readonly userId: string;
  readonly op: PlanOp;
  readonly at: string;
}

export interface PlanDocument {
  readonly sections: readonly PlanEntity[];
  readonly milestones: readonly PlanEntity[];
  readonly tasks: readonly PlanEntity[];
}

export interface PlanEntity {
  readonly kind: PlanEntityKind;
  readonly id: string;
  readonly order: string;
  readonly fields: Readonly<Record<string, string>>;
}

export interface PlanHistoryEntry {
  readonly version: number;
  readonly kind: PlanEntityKind;
  readonly entityId: string;
  readonly change: PlanOpType;
  readonly field: string | null;
  readonly value: string | null;
  readonly userId: string;
  readonly displayName: string;
  readonly at: string;
}

export interface PlanHistoryPage {
  readonly entries: readonly PlanHistoryEntry[];
  readonly nextBefore: number | null;
}

export interface PlanOp {
  readonly type: PlanOpType;
  readonly kind: PlanEntityKind;
  readonly id: string;
  readonly order: string | null;
  readonly field: string | null;
  readonly value: string | null;
  readonly text: TextOp | null;
  readonly fields: Readonly<Record<string, string>> | null;
}

export interface PlanSnapshot {
  readonly version: number;
  readonly document: PlanDocument;
}

export interface PlanSubmission {
  readonly clientId: string;
  readonly seq: number;
  readonly baseVersion: number;
  readonly op: PlanOp;
}

export interface PlanVersionInfo {
  readonly id: number;
  readonly name: string;
  readonly version: number;
  readonly userId: string;
  readonly displayName: string;
  readonly at: string;
}

export interface PlanVersionRequest {
  readonly name: string | null;
}

export interface PlanVersionView {
  readonly info: PlanVersionInfo;
  readonly document: PlanDocument;
}

export interface Pledge {
  readonly kind: PledgeKind;
  readonly value: Money | null;
  readonly description: string;
  readonly projectSlug: string;
  readonly received: boolean;
}

export interface PledgeCounts {
  readonly received: number;
  readonly total: number;
}

export interface PollResults {
  readonly counts: readonly number[];
  readonly words: readonly WordCount[];
}

export interface PollTally {
  readonly pollId: string;
  readonly voters: number;
  readonly results: PollResults | null;
}

export interface PollView {
  readonly id: string;
  readonly question: string;
  readonly kind: PollKind;
  readonly options: readonly string[];
  readonly status: PollStatus;
  readonly resultsVisible: boolean;
  readonly voters: number;
  readonly results: PollResults | null;
}

export interface PreparedPoll {
  readonly question: string;
  readonly kind: PollKind;
  readonly options: readonly string[];
}

export interface PresenceEntry {
  readonly clientId: string;
  readonly userId: string;
  readonly displayName: string;
  readonly kind: PlanEntityKind | null;
  readonly entityId: string | null;
  readonly field: string | null;
  readonly cursor: number | null;
  readonly seenAt: string;
}

export interface PresenceList {
  readonly entries: readonly PresenceEntry[];
}

export interface PresenceUpdate {
  readonly clientId: string;
  readonly kind: PlanEntityKind | null;
  readonly entityId: string | null;
  readonly field: string | null;
  readonly cursor: number | null;
}

export interface PreviousItem {
  readonly type: "previous-item";
}

export interface ProgrammeDashboard {
  readonly version: number;
  readonly asOf: string;
  readonly indicators: ProgrammeIndicators;
  readonly series: readonly ProgressPoint[];
  readonly projects: readonly ProjectSummary[];
  readonly removed: readonly string[];
  readonly wholeProgramme: boolean;
}

export interface ProgrammeIndicators {
  readonly projects: number;
  readonly byStatus: readonly StatusCount[];
  readonly byRegionPair: readonly RegionPairCount[];
  readonly byValueChain: readonly NamedCount[];
  readonly milestones: MilestoneCounts;
  readonly tasks: TaskCounts;
  readonly engaged: readonly RegionEngagement[];
  readonly fairParticipations: readonly FairYearCount[];
  readonly capacityNeeds: readonly NamedCount[];
  readonly budget: readonly MoneyProgress[];
  readonly pledges: readonly MoneyProgress[];
  readonly pledgesInKind: PledgeCounts;
}

export interface ProgressPoint {
  readonly date: string;
  readonly activeProjects: number;
  readonly milestonesDone: number;
  readonly milestonesTotal: number;
  readonly lateMilestones: number;
  readonly tasksDone: number;
  readonly tasksTotal: number;
}

export interface ProjectCharter {
  readonly title: string;
  readonly summary: string;
  readonly sdgTags: readonly number[];
  readonly startDate: string | null;
  readonly endDate: string | null;
  readonly budget: Money | null;
  readonly valueChains: readonly string[];
}

export interface ProjectMember {
  readonly userId: string;
  readonly role: ProjectRole;
  readonly since: string;
}

export interface ProjectPartner {
  readonly kind: EntityKind;
  readonly slug: string;
  readonly name: string;
  readonly region: Region;
  readonly joinedAt: string;
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
  readonly lastActivityAt: string | null;
  readonly asOf: string;
  readonly projectVersion: number;
  readonly planVersion: number;
}

export interface QuestionUpvotes {
  readonly questionId: string;
  readonly upvotes: number;
}

export interface QuestionView {
  readonly id: string;
  readonly text: string;
  readonly authorName: string | null;
  readonly askedAt: string;
  readonly upvotes: number;
  readonly answered: boolean;
}

export interface RaiseHand {
  readonly type: "hand-raise";
}

export interface React {
  readonly type: "react";
  readonly reaction: Reaction;
}

export interface ReactionCount {
  readonly reaction: Reaction;
  readonly count: number;
}

export interface RegionEngagement {
  readonly region: Region;
  readonly cooperatives: number;
  readonly diasporaGroups: number;
}

export interface RegionPairCount {
  readonly regionPair: RegionPair;
  readonly count: number;
}

export interface Registration {
  readonly email: string;
  readonly password: string;
  readonly displayName: string;
  readonly organisation: string;
  readonly region: UserRegion;
  readonly language: UiLanguage;
}

export interface RegistrationAccepted {
  readonly email: string;
}

export interface RemoveDot {
  readonly type: "dot-remove";
  readonly noteId: string;
}

export interface RemoveGuest {
  readonly type: "guest-remove";
  readonly participantId: string;
}

export interface ReplyInput {
  readonly organisation: PartnerRef;
  readonly text: string;
}

export interface ResumeTimer {
  readonly type: "timer-resume";
}

export interface RoleChange {
  readonly role: ProjectRole;
}

export interface RolesChange {
  readonly roles: readonly Role[];
}

export interface SetDotBudget {
  readonly type: "dot-budget";
  readonly perPerson: number;
}

export interface ShowPollResults {
  readonly type: "poll-results";
  readonly pollId: string;
  readonly visible: boolean;
}

export interface StartSession {
  readonly type: "start";
}

export interface StartTimer {
  readonly type: "timer-start";
  readonly seconds: number;
}

export interface StatusChange {
  readonly status: ProjectStatus;
}

export interface StatusCount {
  readonly status: ProjectStatus;
  readonly count: number;
}

export interface SuggestionReason {
  readonly code: SuggestionReasonCode;
  readonly valueChain?: string;
  readonly complements?: string;
  readonly skill?: string;
  readonly need?: string;
  readonly interest?: string;
  readonly region?: Region;
  readonly category?: ExchangeCategory;
}

export interface SummaryColumn {
  readonly title: string;
  readonly notes: readonly SummaryNote[];
}

export interface SummaryNote {
  readonly text: string;
  readonly author: string | null;
  readonly group: string | null;
  readonly dots: number;
}

export interface SummaryPartner {
  readonly kind: EntityKind;
  readonly slug: string;
  readonly name: string;
  readonly region: Region;
}

export interface SummaryPerson {
  readonly name: string;
  readonly guest: boolean;
  readonly arrivedAt: string;
  readonly leftAt: string | null;
  readonly minutes: number;
}

export interface SummaryPoll {
  readonly question: string;
  readonly kind: PollKind;
  readonly status: PollStatus;
  readonly voters: number;
  readonly rows: readonly SummaryRow[];
}

export interface SummaryProject {
  readonly slug: string;
  readonly title: string;
}

export interface SummaryQuestion {
  readonly text: string;
  readonly author: string | null;
  readonly upvotes: number;
  readonly answered: boolean;
}

export interface SummaryRow {
  readonly label: string;
  readonly count: number;
}

export interface SummarySection {
  readonly heading: string;
  readonly body: string;
}

export interface SuspensionChange {
  readonly suspended: boolean;
}

export interface TaskCounts {
  readonly done: number;
  readonly total: number;
}

export interface TeamMember {
  readonly email: string;
  readonly displayName: string;
  readonly organisation: string;
  readonly region: UserRegion | null;
  readonly role: ProjectRole;
  readonly since: string;
}

export interface TeamView {
  readonly members: readonly TeamMember[];
  readonly invitations: readonly PendingInvitation[];
}

export interface TemplateRequest {
  readonly workshopId: string | null;
  readonly name: string;
}

export interface TimerView {
  readonly running: boolean;
  readonly endsAt: string | null;
  readonly remainingMs: number;
  readonly durationMs: number;
  readonly serverNow: string;
}

export interface UpvoteQuestion {
  readonly type: "question-upvote";
  readonly questionId: string;
  readonly up: boolean;
}

export interface VerificationRequest {
  readonly token: string;
  readonly password: string;
}

export interface Vote {
  readonly type: "vote";
  readonly pollId: string;
  readonly choices: readonly number[] | null;
  readonly words: readonly string[] | null;
}

export interface WordCount {
  readonly word: string;
  readonly count: number;
}

export interface WorkshopAck {
  readonly version: number;
}

export type WorkshopCommand =
  | JoinSession
  | LeaveSession
  | StartSession
  | EndSession
  | NextItem
  | PreviousItem
  | BringEveryoneTo
  | StartTimer
  | PauseTimer
  | ResumeTimer
  | ExtendTimer
  | CreatePoll
  | OpenPoll
  | ClosePoll
  | ShowPollResults
  | Vote
  | AddColumn
  | AddNote
  | MoveNote
  | GroupNote
  | MergeNote
  | SetDotBudget
  | AddDot
  | RemoveDot
  | RaiseHand
  | LowerHand
  | CallNextHand
  | DeleteNote
  | AskQuestion
  | UpvoteQuestion
  | MarkQuestionAnswered
  | DeleteQuestion
  | React
  | RemoveGuest;

export interface WorkshopDelta {
  readonly phase?: WorkshopPhase;
  readonly currentItem?: number;
  readonly gathered?: number;
  readonly timer?: TimerView;
  readonly startedAt?: string;
  readonly endedAt?: string;
  readonly dotBudget?: number;
  readonly polls?: readonly PollView[];
  readonly tallies?: readonly PollTally[];
  readonly columns?: readonly BoardColumnView[];
  readonly notes?: readonly NoteView[];
  readonly removedNotes?: readonly string[];
  readonly dots?: readonly NoteDots[];
  readonly questions?: readonly QuestionView[];
  readonly removedQuestions?: readonly string[];
  readonly upvotes?: readonly QuestionUpvotes[];
  readonly reactions?: readonly ReactionCount[];
  readonly hands?: HandQueue;
  readonly present?: number;
  readonly attendance?: readonly AttendanceView[];
  readonly guests?: readonly GuestView[];
  readonly removedGuests?: readonly string[];
  readonly mine?: WorkshopMine;
}

export interface WorkshopDetails {
  readonly title: string;
  readonly description: string;
  readonly projectSlug: string | null;
  readonly startsAt: string;
  readonly durationMinutes: number;
  readonly agenda: readonly AgendaItem[];
  readonly coaches: readonly string[];
  readonly anonymous: boolean;
}

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

export interface WorkshopMine {
  readonly ballots: readonly MyBallot[];
  readonly dots: readonly MyDots[];
  readonly upvoted: readonly string[];
}

export interface WorkshopOutline {
  readonly title: string;
  readonly description: string;
  readonly durationMinutes: number;
  readonly agenda: readonly AgendaItem[];
  readonly anonymous: boolean;
  readonly polls: readonly PreparedPoll[];
  readonly columns: readonly string[];
}

export interface WorkshopSummary {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly startsAt: string;
  readonly durationMinutes: number;
  readonly phase: WorkshopPhase;
  readonly startedAt: string | null;
  readonly endedAt: string | null;
  readonly coaches: readonly string[];
  readonly project: SummaryProject | null;
  readonly anonymous: boolean;
  readonly agenda: readonly AgendaItem[];
  readonly people: readonly SummaryPerson[];
  readonly polls: readonly SummaryPoll[];
  readonly board: readonly SummaryColumn[];
  readonly questions: readonly SummaryQuestion[];
  readonly reactions: readonly ReactionCount[];
  readonly notes: readonly SummarySection[];
}

export interface WorkshopTemplate {
  readonly id: string;
  readonly name: string;
  readonly outline: WorkshopOutline;
  readonly createdBy: string;
  readonly creatorName: string;
  readonly createdAt: string;
}

export interface WorkshopView {
  readonly meta: EntityMeta;
  readonly details: WorkshopDetails;
  readonly coachNames: readonly string[];
  readonly joinCode: string | null;
  readonly phase: WorkshopPhase;
  readonly currentItem: number;
  readonly gathered: number;
  readonly timer: TimerView;
  readonly polls: readonly PollView[];
  readonly columns: readonly BoardColumnView[];
  readonly notes: readonly NoteView[];
  readonly dotBudget: number;
  readonly questions: readonly QuestionView[];
  readonly reactions: readonly ReactionCount[];
  readonly hands: readonly HandView[];
  readonly speaking: HandView | null;
  readonly present: number;
  readonly attendance: readonly AttendanceView[];
  readonly guests: readonly GuestView[];
  readonly you: ParticipantSelf;
  readonly mine: WorkshopMine;
  readonly startedAt: string | null;
  readonly endedAt: string | null;
  readonly notesDocument: string;
}

export const PLAN_LIMITS = {
  entitiesPerKind: 500,
  idLength: 40,
  orderLength: 64,
  scalarLength: 200,
  textLength: 100000,
  insertLength: 20000,
  clientIdLength: 64,
  versionNameLength: 80,
} as const;

export const PLAN_FIELDS = {
  section: {
    scalars: ["heading"],
    texts: ["body"],
    statuses: [],
  },
  milestone: {
    scalars: ["title", "dueDate", "status", "ownerRegion"],
    texts: [],
    statuses: ["planned", "in-progress", "done"],
  },
  task: {
    scalars: ["title", "assignee", "dueDate", "status", "milestoneId"],
    texts: ["notes"],
    statuses: ["todo", "doing", "done"],
  },
} as const;

export const PLAN_DROP_REASONS = ["entity-deleted", "entity-exists", "entity-missing"] as const;
export type PlanDropReason = (typeof PLAN_DROP_REASONS)[number];

export const ACCOUNT_LIMITS = {
  passwordMinLength: 10,
  passwordMaxLength: 256,
} as const;

export const WORKSHOP_LIMITS = {
  titleLength: 200,
  descriptionLength: 4000,
  agendaItems: 50,
  coaches: 10,
  polls: 50,
  options: 10,
  optionLength: 100,
  questionLength: 300,
  words: 3,
  wordLength: 40,
  columns: 10,
  columnTitleLength: 60,
  notes: 500,
  noteLength: 280,
  dotBudget: 20,
  displayNameLength: 60,
  qaQuestions: 300,
  qaQuestionLength: 280,
  guests: 500,
  templateNameLength: 80,
  cloudWords: 60,
  joinCodeLength: 8,
  timerSeconds: 14400,
} as const;

export const HUB_ERROR_CODES = [
  "validation-failed",
  "not-found",
  "already-exists",
  "version-conflict",
  "rule-violation",
  "forbidden",
  "invitation-expired",
  "invitation-used",
  "link-invalid",
  "unauthenticated",
  "unavailable",
  "invalid-topic",
  "too-many-topics",
  "signed-out",
  "access-removed",
  "throttled",
] as const;
export type HubErrorCode = (typeof HUB_ERROR_CODES)[number];

export const RESYNC_RULE = "resync" as const;

export const PLAN_READ_ONLY_RULE = "plan-read-only" as const;

export const AHEAD_OF_SERVER_RULE = "ahead-of-server" as const;
