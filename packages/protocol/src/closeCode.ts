/**
 * WebSocket close codes used by the sync server. 4400–4499 mirror HTTP 4xx (the server decided;
 * the stock y-websocket client does not reconnect), 4500–4599 mirror 5xx (try again later).
 */
export const CloseCode = {
  Normal: 1000,
  GoingAway: 1001,
  FrameTooLarge: 1009,
  TryAgainLater: 1013,
  MalformedFrame: 4400,
  SessionEnded: 4401,
  PermissionDenied: 4403,
  SlowConsumer: 4408,
  WorkspaceDeleted: 4410,
  DocumentTooLarge: 4413,
  RateLimited: 4429,
  InternalError: 4500,
  StoreUnavailable: 4503,
} as const
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode]

/** Reason strings sent with each close code (at most 123 bytes each, as RFC 6455 requires). */
export const closeReason: Record<CloseCode, string> = {
  [CloseCode.Normal]: 'normal closure',
  [CloseCode.GoingAway]: 'server shutting down',
  [CloseCode.FrameTooLarge]: 'frame too large',
  [CloseCode.TryAgainLater]: 'server busy, try again later',
  [CloseCode.MalformedFrame]: 'malformed frame',
  [CloseCode.SessionEnded]: 'link replaced, session ended',
  [CloseCode.PermissionDenied]: 'permission denied',
  [CloseCode.SlowConsumer]: 'slow consumer',
  [CloseCode.WorkspaceDeleted]: 'workspace deleted',
  [CloseCode.DocumentTooLarge]: 'document too large',
  [CloseCode.RateLimited]: 'rate limited',
  [CloseCode.InternalError]: 'internal error',
  [CloseCode.StoreUnavailable]: 'store unavailable',
}

/**
 * True when a client should reconnect after this close code. The stock y-websocket client treats
 * every 44xx as permanent; slow consumers and rate-limited sockets may safely come back.
 */
export const isRetryableClose = (code: number): boolean =>
  !(code >= 4400 && code < 4500) ||
  code === CloseCode.SlowConsumer ||
  code === CloseCode.RateLimited
