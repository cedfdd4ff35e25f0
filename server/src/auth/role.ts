export const ROLES = ['facilitator', 'editor', 'viewer'] as const
export type Role = (typeof ROLES)[number]

export const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (ROLES as readonly string[]).includes(value)

/** Who is on the other end of a session or socket; decided once, at connect. */
export interface Principal {
  workspaceId: string
  participantId: string
  role: Role
  displayName: string
}
