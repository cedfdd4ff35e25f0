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
  /** Inserts or replaces the session of one browser token for one workspace. */
  saveSession(tokenHash: string, principal: Principal): Promise<void>
  /** A session younger than SESSION_LIFETIME_MS, or null. */
  findSession(tokenHash: string, workspaceId: string): Promise<Principal | null>
  /** Moves every session of one browser token to a new token (the old one stops working). */
  moveSessions(fromTokenHash: string, toTokenHash: string): Promise<void>
}
