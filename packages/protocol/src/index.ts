export { MessageType, SyncMessageType, AuthMessageType } from './messageType.ts'
export {
  decodeClientFrame,
  decodeServerFrame,
  encodeAwarenessUpdate,
  encodePermissionDenied,
  encodeQueryAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  type ClientFrame,
} from './frame.ts'
export { FrameError } from './frameError.ts'
export {
  decodeAwarenessEntries,
  encodeAwarenessEntries,
  peekAwarenessClientIds,
  type AwarenessEntry,
} from './awarenessUpdate.ts'
export { CloseCode, closeReason, isRetryableClose } from './closeCode.ts'
export {
  appErrorBody,
  appErrorStatus,
  type AppErrorBody,
  type AppErrorCode,
  type AppErrorStatus,
} from './appError.ts'
export { DEFAULT_LIMITS, type Limits } from './limits.ts'
export { isWorkspaceId, newWorkspaceId } from './workspaceId.ts'
export {
  TICKET_QUERY_PARAM,
  SESSION_COOKIE,
  PERMISSION_DENIED_READ_ONLY,
  PERMISSION_DENIED_PROTECTED,
} from './wire.ts'
export { PARTICIPANT_COLORS, participantColor, preferredColorIndex } from './participantColor.ts'
export { sendOnlyOwnAwareness, type AwarenessProvider } from './ownAwarenessOnly.ts'
export { stampedUserIn, watchOwnStamp, type StampedProvider, type StampedUser } from './ownStamp.ts'
