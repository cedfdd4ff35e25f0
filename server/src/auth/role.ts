import type { Role } from '@koers/protocol'

export { ROLES, isRole, type Role } from '@koers/protocol'

/** Who is on the other end of a session or socket; decided once, at connect. */
export interface Principal {
  workspaceId: string
  participantId: string
  role: Role
  displayName: string
}
