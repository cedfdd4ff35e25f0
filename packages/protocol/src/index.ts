export { MessageType, SyncMessageType, AuthMessageType } from './messageType.ts'
export {
  decodeClientFrame,
  decodeServerFrame,
  peekFrameKind,
  type FrameKind,
  encodeAwarenessFrame,
  encodePermissionDeniedFrame,
  encodeQueryAwarenessFrame,
  encodeSyncStep1Frame,
  encodeSyncStep2Frame,
  encodeUpdateFrame,
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
  PERMISSION_DENIED_REASONS,
  type PermissionDeniedReason,
} from './wire.ts'
export { PARTICIPANT_COLORS, participantColor, preferredColorIndex } from './participantColor.ts'
export {
  cleanDisplayText,
  displayTextProblemMessage,
  DISPLAY_NAME_MAX,
  TITLE_MAX,
  type CleanedDisplayText,
  type DisplayTextProblem,
} from './displayText.ts'
export { sendOnlyOwnAwareness, type AwarenessProvider } from './ownAwarenessOnly.ts'
export {
  ROLES,
  isRole,
  type Role,
  type CreateWorkspaceRequest,
  type CreatedWorkspace,
  type SessionRequest,
  type KeySessionRequest,
  type CodeSessionRequest,
  type SessionInfo,
  type JoinCode,
  type JoinCodeStatus,
  type ServerTime,
  type Me,
  type TicketResponse,
  type Retention,
  type PrivacyFacts,
  EXPORT_FORMAT_NAMES,
  VERSION_KINDS,
  VERSION_NAME_MAX,
  type ExportFormatName,
  type VersionKind,
  type SaveVersionRequest,
  type SavedVersion,
  type VersionInfo,
  type VersionList,
  type RestoredVersion,
  ROUND_KINDS,
  ROUND_STATUSES,
  CONSENT_CHOICES,
  ROUND_LIMITS,
  type RoundKind,
  type RoundStatus,
  type ConsentChoice,
  type CreateBrainstormRound,
  type CreateVoteRound,
  type CreateConsentRound,
  type CreateRoundRequest,
  type CreatedId,
  type CardRequest,
  type CardView,
  type CardList,
  type VoteRequest,
  type ConsentAnswer,
  type ConsentRequest,
  type ConsentTally,
  type RoundInfo,
  type RoundList,
} from './api.ts'
export { stampedUserIn, watchOwnStamp, type StampedProvider, type StampedUser } from './ownStamp.ts'
export {
  JOIN_CODE_ALPHABET,
  JOIN_CODE_LENGTH,
  JOIN_CODE_PATH,
  normalizeJoinCode,
} from './joinCode.ts'
