/**
 * The JSON bodies of the HTTP API, shared by the server (whose zod schemas must match them, see
 * server/src/http/schemas.ts) and the web app. Dates travel as ISO 8601 strings.
 */
export const ROLES = ['facilitator', 'editor', 'viewer'] as const
export type Role = (typeof ROLES)[number]

export const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (ROLES as readonly string[]).includes(value)

export interface CreateWorkspaceRequest {
  title: string
  school: string
  language?: 'nl' | 'en' | undefined
}

export interface CreatedWorkspace {
  id: string
  links: Record<Role, string>
}

export interface KeySessionRequest {
  key: string
  displayName: string
}

/** Joining by the study day's code (STUDY-8) gives an editor session. */
export interface CodeSessionRequest {
  code: string
  displayName: string
}

export type SessionRequest = KeySessionRequest | CodeSessionRequest

export interface SessionInfo {
  workspaceId: string
  role: Role
  participantId: string
}

export interface Me extends SessionInfo {
  displayName: string
  /** When the server deletes this workspace if nobody uses it (null: no retention period). */
  retention: Retention | null
}

export interface Retention {
  /** ISO 8601: the last activity plus `KOERS_RETENTION_DAYS`. */
  deletesAt: string
}

/** `GET /api/privacy`: what this server keeps and for how long (for the privacy page). */
export interface PrivacyFacts {
  sessionDays: number
  /** Days a workspace may go unused before the server deletes it; null: kept until deleted. */
  retentionDays: number | null
}

export interface TicketResponse {
  ticket: string
  /** ISO 8601 */
  expiresAt: string
}

/** `POST /api/workspaces/{id}/join-code` (facilitator): the new code, shown once (STUDY-8). */
export interface JoinCode {
  /** Six characters, e.g. `K7QM4X`. */
  code: string
  /** `<origin>/j/<code>`, the address behind the QR code. */
  url: string
  /** ISO 8601: 12 hours after opening, unless closed earlier. */
  expiresAt: string
}

/** `GET /api/workspaces/{id}/join-code` (facilitator): whether joining by code is open. */
export interface JoinCodeStatus {
  open: boolean
  /** ISO 8601 expiry of the open code; null when closed. */
  expiresAt: string | null
}

/** `GET /api/time`: the server's clock, for the shared timer (STUDY-4). */
export interface ServerTime {
  /** Milliseconds since the Unix epoch. */
  now: number
}

// Issue 10, "deliver the vision": exports, the backup import and named versions.

/** What `GET /api/workspaces/{id}/export?format=…` can produce (docs/export.md). */
export const EXPORT_FORMAT_NAMES = ['docx', 'pdf', 'md', 'html', 'json'] as const
export type ExportFormatName = (typeof EXPORT_FORMAT_NAMES)[number]

/** How a version came about: saved by a facilitator, on a status change, or before a restore. */
export const VERSION_KINDS = ['named', 'auto-status', 'before-restore'] as const
export type VersionKind = (typeof VERSION_KINDS)[number]

/** Longest version name (code points, after `cleanDisplayText`). */
export const VERSION_NAME_MAX = 100

export interface SaveVersionRequest {
  name: string
}

export interface SavedVersion {
  id: string
  name: string
  /** ISO 8601 */
  createdAt: string
}

export interface VersionInfo extends SavedVersion {
  kind: VersionKind
}

/** `GET /api/workspaces/{id}/versions`, newest first. */
export interface VersionList {
  versions: VersionInfo[]
}

/** `POST …/versions/{versionId}/restore`: what was restored, and the version saved just before. */
export interface RestoredVersion {
  restored: VersionInfo
  before: VersionInfo
}

// Issue 12, participation rounds (docs/rounds.md). Private input goes to these routes, never
// into the shared document; the server writes only what a reveal makes public.

/** A brainstorm (private cards), a dot vote, or a consent round (instemmen) per principle. */
export const ROUND_KINDS = ['brainstorm', 'vote', 'consent'] as const
export type RoundKind = (typeof ROUND_KINDS)[number]

/** `open`: taking input; `revealed`: input closed, results public (the only way a round ends). */
export const ROUND_STATUSES = ['open', 'revealed'] as const
export type RoundStatus = (typeof ROUND_STATUSES)[number]

export const CONSENT_CHOICES = ['consent', 'concern', 'objection'] as const
export type ConsentChoice = (typeof CONSENT_CHOICES)[number]

/** ROUND-2, ROUND-7: limits of what one request may carry (code points, after cleaning). */
export const ROUND_LIMITS = {
  questionMax: 300,
  cardTextMax: 500,
  /** Cards one person may have in one round. */
  cardsPerPerson: 50,
  /** Cards one round may hold in all (300 people × a handful). */
  cardsPerRound: 3_000,
  /** Items of a vote or consent round. */
  itemsMax: 200,
  dotsPerPersonMax: 100,
  consentNoteMax: 280,
  /** Rounds one workspace may hold. */
  roundsPerWorkspace: 500,
} as const

export interface CreateBrainstormRound {
  kind: 'brainstorm'
  question: string
  /** The agenda phase the round belongs to (`session.agenda` id), if any. */
  phaseId?: string | undefined
}

export interface CreateVoteRound {
  kind: 'vote'
  /** What the vote is about, e.g. "Wat vinden we het belangrijkst?"; may be empty. */
  question?: string | undefined
  /** Ids of revealed cards (`board.cards`), clusters (`board.clusters`) or principles. */
  items: string[]
  dotsPerPerson: number
  maxPerItem: number
  phaseId?: string | undefined
}

export interface CreateConsentRound {
  kind: 'consent'
  question?: string | undefined
  /** Ids of principles. */
  items: string[]
  /** ROUND-12: a rerun for a revised principle names the round it repeats. */
  rerunOf?: string | undefined
  phaseId?: string | undefined
}

/** `POST /api/workspaces/{id}/rounds` (facilitator). */
export type CreateRoundRequest = CreateBrainstormRound | CreateVoteRound | CreateConsentRound

/** `201` of creating a round or a card. */
export interface CreatedId {
  id: string
}

/** `POST …/rounds/{roundId}/cards` and `PATCH …/cards/{cardId}`. */
export interface CardRequest {
  text: string
}

export interface CardView {
  id: string
  text: string
}

/**
 * `GET …/rounds/{roundId}/cards`. Before the reveal: `cards` holds only the caller's own cards
 * (`mine: true`), `count` and `authors` count everyone's. After the reveal: every card in a
 * random order, no author anywhere, `mine: false`.
 */
export interface CardList {
  status: RoundStatus
  count: number
  /** How many people wrote at least one card. */
  authors: number
  mine: boolean
  cards: CardView[]
}

/** `PUT …/rounds/{roundId}/votes`: replaces the caller's whole allocation; `{}` withdraws. */
export interface VoteRequest {
  allocation: Record<string, number>
}

export interface ConsentAnswer {
  choice: ConsentChoice
  /** Only with a concern or an objection; shown after the reveal without a name. */
  note?: string | undefined
}

/** `PUT …/rounds/{roundId}/consent`: replaces the caller's answers; unanswered items allowed. */
export interface ConsentRequest {
  answers: Record<string, ConsentAnswer>
}

export interface ConsentTally {
  consent: number
  concern: number
  objection: number
  /** Texts of concerns and objections, in a random order, without names. */
  notes: { choice: 'concern' | 'objection'; text: string }[]
}

/** `GET /api/workspaces/{id}/rounds/{roundId}` (any member). */
export interface RoundInfo {
  id: string
  kind: RoundKind
  status: RoundStatus
  question: string
  phaseId: string | null
  /** vote: the items; consent: the principles; brainstorm: `[]`. */
  items: string[]
  dotsPerPerson: number | null
  maxPerItem: number | null
  rerunOf: string | null
  /** ISO 8601 */
  createdAt: string
  revealedAt: string | null
  /** How many people took part: wrote a card, voted, or answered. */
  participants: number
  /** brainstorm: how many cards; otherwise 0. */
  cards: number
  /** vote: the caller's allocation (`{}` when none; `null` after the reveal or other kinds). */
  ownAllocation: Record<string, number> | null
  /** consent: the caller's answers, like `ownAllocation`. */
  ownAnswers: Record<string, ConsentAnswer> | null
  /** vote, after the reveal only: item id → total dots (every item, 0 included). */
  results: Record<string, number> | null
  /** consent, after the reveal only: principle id → tally. */
  consentResults: Record<string, ConsentTally> | null
}

/** `GET /api/workspaces/{id}/rounds`: every round, oldest first (no private input). */
export interface RoundList {
  rounds: RoundInfo[]
}
