/** Top-level y-websocket message kinds (first varUint of every frame). */
export const MessageType = {
  Sync: 0,
  Awareness: 1,
  Auth: 2,
  QueryAwareness: 3,
} as const
export type MessageType = (typeof MessageType)[keyof typeof MessageType]

/** Sub-kinds of a `Sync` message (second varUint), as in y-protocols/sync. */
export const SyncMessageType = {
  Step1: 0,
  Step2: 1,
  Update: 2,
} as const
export type SyncMessageType = (typeof SyncMessageType)[keyof typeof SyncMessageType]

/** Sub-kinds of an `Auth` message, as in y-protocols/auth. */
export const AuthMessageType = {
  PermissionDenied: 0,
} as const
export type AuthMessageType = (typeof AuthMessageType)[keyof typeof AuthMessageType]
