/** Query parameter that carries the single-use WebSocket ticket. */
export const TICKET_QUERY_PARAM = 'ticket'

/** Name of the HttpOnly session cookie set by `POST /api/session`. */
export const SESSION_COOKIE = 'koers_session'

/**
 * Auth reasons sent with `permission denied` (PROTO-4): `read-only` for a viewer's dropped
 * update; otherwise why the server reverted part of an update.
 */
export const PERMISSION_DENIED_READ_ONLY = 'read-only'
export const PERMISSION_DENIED_PROTECTED = 'protected'
export const PERMISSION_DENIED_REASONS = [
  PERMISSION_DENIED_READ_ONLY,
  PERMISSION_DENIED_PROTECTED,
  'adopted',
  'paused',
  'locked',
  'invalid',
] as const
export type PermissionDeniedReason = (typeof PERMISSION_DENIED_REASONS)[number]
