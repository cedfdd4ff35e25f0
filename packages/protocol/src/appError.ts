/** Error codes of the HTTP API, each with its HTTP status. Body: `{ error: { code, message } }`. */
export const appErrorStatus = {
  invalid_input: 400,
  unauthorized: 401,
  ticket_invalid: 401,
  create_key_required: 401,
  forbidden: 403,
  not_found: 404,
  /** The resource is in a state that does not allow this (a second reveal, a closed round). */
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  /** Well-formed but against the rules of the resource (over the vote budget, unknown item). */
  unprocessable: 422,
  rate_limited: 429,
  internal: 500,
  store_unavailable: 503,
  /** Too much work at once (the export queue is full); try again shortly. */
  busy: 503,
  capacity_reached: 507,
} as const

export type AppErrorCode = keyof typeof appErrorStatus
export type AppErrorStatus = (typeof appErrorStatus)[AppErrorCode]

export interface AppErrorBody {
  error: { code: AppErrorCode; message: string }
}

export const appErrorBody = (code: AppErrorCode, message: string): AppErrorBody => ({
  error: { code, message },
})
