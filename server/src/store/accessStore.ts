import type { Principal, Role } from '../auth/role.ts'

export interface NewWorkspace {
  id: string
  title: string
  school: string
  /** SHA-256 hashes of the role keys; the keys themselves are never stored. */
  keyHashes: Record<Role, string>
}

export interface KeyGrant {
  workspaceId: string
  role: Role
}

/** Workspaces, their hashed role keys and hashed browser sessions. */
export interface AccessStore {
  createWorkspace(workspace: NewWorkspace): Promise<void>
  findKey(keyHash: string): Promise<KeyGrant | null>
  /**
   * Inserts or replaces the session of one browser token for one workspace, with the hash of
   * the key it came in through (none: a join code).
   */
  saveSession(tokenHash: string, principal: Principal, keyHash?: string | null): Promise<void>
  /** A session younger than SESSION_LIFETIME_MS, or null. */
  findSession(tokenHash: string, workspaceId: string): Promise<Principal | null>
  /** Moves every session of one browser token to a new token (the old one stops working). */
  moveSessions(fromTokenHash: string, toTokenHash: string): Promise<void>
  /**
   * PERM-15, PERM-16: in one transaction, the role's key of the workspace is replaced by a new
   * hash (the old one stops admitting at once) and, with `endSessions`, the sessions that came
   * in through the old key are deleted. Returns the participant ids of the deleted sessions.
   */
  replaceKey(
    workspaceId: string,
    role: Role,
    newKeyHash: string,
    endSessions: boolean,
  ): Promise<{ endedParticipantIds: string[] }>
}
