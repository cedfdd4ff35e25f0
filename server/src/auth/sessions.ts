import type { AccessStore } from '../store/accessStore.ts'
import type { Principal } from './role.ts'
import { hashSecret, newParticipantId, newSecret } from './secrets.ts'

export interface StartedSession {
  principal: Principal
  /** The browser token to put in the cookie (new, or the one the browser already had). */
  token: string
}

/**
 * Key + display name → session (PERM-1). One browser holds one `koers_session` token; the
 * token may carry a session for several workspaces (one row per workspace). Only hashes of
 * keys and tokens are stored.
 */
export class SessionService {
  constructor(private readonly access: AccessStore) {}

  /** `null` when the key matches no workspace. */
  async start(
    key: string,
    displayName: string,
    existingToken: string | null,
  ): Promise<StartedSession | null> {
    const grant = await this.access.findKey(hashSecret(key))
    if (!grant) return null
    let token = existingToken
    if (token === null || !(await this.access.hasToken(hashSecret(token)))) token = newSecret()
    const tokenHash = hashSecret(token)
    const previous = await this.access.findSession(tokenHash, grant.workspaceId)
    const principal: Principal = {
      workspaceId: grant.workspaceId,
      role: grant.role,
      // The same browser keeps its participant id (and colour) when it re-joins.
      participantId: previous?.participantId ?? newParticipantId(),
      displayName,
    }
    await this.access.saveSession(tokenHash, principal)
    return { principal, token }
  }

  resolve(token: string, workspaceId: string): Promise<Principal | null> {
    return this.access.findSession(hashSecret(token), workspaceId)
  }
}
