import { isRole, type Principal } from '../../auth/role.ts'
import { hashSecret, newSecret } from '../../auth/secrets.ts'
import { MAX_OUTSTANDING_PER_PARTICIPANT, type TicketStore } from '../../auth/tickets.ts'
import type { PgPool } from './pool.ts'

interface TicketRow {
  workspace_id: string
  participant_id: string
  role: string
  display_name: string
  expires_at: Date
}

/** Tickets in PostgreSQL: issued by one instance, consumed on any (SCALE-2, PERM-2). */
export const createPgTicketStore = (pool: PgPool, ttlMs: number): TicketStore => ({
  issue: async (principal) => {
    await pool.query('DELETE FROM tickets WHERE expires_at <= now()')
    const held = await pool.query<{ n: string }>(
      'SELECT COUNT(*) AS n FROM tickets WHERE participant_id = $1',
      [principal.participantId],
    )
    if (Number(held.rows[0]?.n) >= MAX_OUTSTANDING_PER_PARTICIPANT) return null
    const ticket = newSecret()
    const expiresAt = new Date(Date.now() + ttlMs)
    await pool.query(
      `INSERT INTO tickets (ticket_hash, workspace_id, participant_id, role, display_name, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        hashSecret(ticket),
        principal.workspaceId,
        principal.participantId,
        principal.role,
        principal.displayName,
        expiresAt,
      ],
    )
    return { ticket, expiresAt }
  },

  consume: async (ticket, workspaceId): Promise<Principal | null> => {
    // Deleting it is what makes it single use, also when two instances race for it.
    const { rows } = await pool.query<TicketRow>(
      `DELETE FROM tickets WHERE ticket_hash = $1 AND workspace_id = $2
       RETURNING workspace_id, participant_id, role, display_name, expires_at`,
      [hashSecret(ticket), workspaceId],
    )
    const row = rows[0]
    if (!row || !isRole(row.role)) return null
    if (row.expires_at.getTime() <= Date.now()) return null
    return {
      workspaceId: row.workspace_id,
      participantId: row.participant_id,
      role: row.role,
      displayName: row.display_name,
    }
  },

  revokeWorkspace: async (workspaceId) => {
    await pool.query('DELETE FROM tickets WHERE workspace_id = $1', [workspaceId])
  },

  revokeParticipants: async (workspaceId, participantIds) => {
    if (participantIds.length === 0) return
    await pool.query(
      'DELETE FROM tickets WHERE workspace_id = $1 AND participant_id = ANY($2::text[])',
      [workspaceId, [...participantIds]],
    )
  },
})
