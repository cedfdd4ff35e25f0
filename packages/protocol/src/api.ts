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

export interface SessionRequest {
  key: string
  displayName: string
}

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
