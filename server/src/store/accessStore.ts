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
  workspaceExists(id: string): Promise<boolean>
  findKey(keyHash: string): Promise<KeyGrant | null>
  /** Inserts or replaces the session of one browser token for one workspace. */
  saveSession(tokenHash: string, principal: Principal): Promise<void>
  findSession(tokenHash: string, workspaceId: string): Promise<Principal | null>
  /** Any session of this token (to reuse a participant id and the cookie). */
  hasToken(tokenHash: string): Promise<boolean>
}
