/** Query parameter that carries the single-use WebSocket ticket. */
export const TICKET_QUERY_PARAM = 'ticket'

/** Name of the HttpOnly session cookie set by `POST /api/session`. */
export const SESSION_COOKIE = 'koers_session'

/** Auth reasons sent with `permission denied`. */
export const PERMISSION_DENIED_READ_ONLY = 'read-only'
export const PERMISSION_DENIED_PROTECTED = 'protected'
