import type { AccessStore, KeyGrant } from '../store/accessStore.ts'
import type { Principal } from './role.ts'
import { hashSecret, newParticipantId, newSecret } from './secrets.ts'

/** How long a session (and its cookie) lasts without joining again. */
export const SESSION_LIFETIME_MS = 180 * 24 * 60 * 60 * 1000

export interface StartedSession {
  principal: Principal
  /** The new browser token to put in the cookie. */
  token: string
}

/**
 * Key + display name → session (PERM-1). One browser holds one `koers_session` token; the
 * token may carry a session for several workspaces (one row per workspace). Every join issues a
 * new token and moves the browser's sessions to it, so a token planted in a browser beforehand
 * never gains what the person joins. Only hashes of keys and tokens are stored.
 */
export class SessionService {
  constructor(private readonly access: AccessStore) {}

  /** `null` when the key matches no workspace. */
  async start(
    key: string,
    displayName: string,
    existingToken: string | null,
  ): Promise<StartedSession | null> {
    const keyHash = hashSecret(key)
    const grant = await this.access.findKey(keyHash)
    if (!grant) return null
    return this.startWith(grant, displayName, existingToken, { keyHash })
  }

  /**
   * A session for a grant that was checked elsewhere (a join code, PERM-13). With
   * `keepFacilitator`, a browser that already leads this workspace stays its facilitator.
   * `keyHash` is the link the session came in through (PERM-16); none for a join code.
   */
  async startWith(
    grant: KeyGrant,
    displayName: string,
    existingToken: string | null,
    options: { keepFacilitator?: boolean; keyHash?: string } = {},
  ): Promise<StartedSession> {
    const token = newSecret()
    const tokenHash = hashSecret(token)
    if (existingToken !== null) await this.access.moveSessions(hashSecret(existingToken), tokenHash)
    const previous = await this.access.findSession(tokenHash, grant.workspaceId)
    const keep = options.keepFacilitator === true && previous?.role === 'facilitator'
    const principal: Principal = {
      workspaceId: grant.workspaceId,
      role: keep ? 'facilitator' : grant.role,
      // The same browser keeps its participant id (and colour) when it re-joins.
      participantId: previous?.participantId ?? newParticipantId(),
      displayName,
    }
    await this.access.saveSession(tokenHash, principal, options.keyHash ?? null)
    return { principal, token }
  }

  resolve(token: string, workspaceId: string): Promise<Principal | null> {
    return this.access.findSession(hashSecret(token), workspaceId)
  }
}
