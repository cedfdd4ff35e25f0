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

// Issue 9, "invite links that can be found again" (PERM-15, PERM-16).

/** The roles whose link a facilitator may replace; the facilitator link is not one (PERM-15). */
export const REPLACEABLE_ROLES = ['editor', 'viewer'] as const
export type ReplaceableRole = (typeof REPLACEABLE_ROLES)[number]

/** `POST /api/workspaces/{id}/links` (facilitator): a new link for a role; the old one stops. */
export interface ReplaceLinkRequest {
  role: ReplaceableRole
  /** Also end the sessions that came in through the old link (their sockets close with 4401). */
  endSessions: boolean
}

export interface ReplacedLink {
  role: ReplaceableRole
  /** `<origin>/join#<key>`, shown once: the server keeps only the key's hash. */
  url: string
}
