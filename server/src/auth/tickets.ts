import type { Principal } from './role.ts'
import { hashSecret, newSecret } from './secrets.ts'

export interface IssuedTicket {
  ticket: string
  expiresAt: Date
}

interface TicketEntry {
  principal: Principal
  expiresAt: number
}

/** Unused tickets one participant may hold at once; a reconnect loop needs one or two. */
export const MAX_OUTSTANDING_PER_PARTICIPANT = 10

/**
 * Single-use, short-lived WebSocket tickets, keyed by their hash (PERM-2: a ticket works once,
 * for one workspace, until it expires). In memory for one process; in PostgreSQL when several
 * instances share the work, so a ticket issued by one works on another (SCALE-2).
 */
export interface TicketStore {
  /** `null` when this participant already holds too many unused tickets. */
  issue(principal: Principal): Promise<IssuedTicket | null>
  /** Returns the principal and forgets the ticket; `null` when unknown, used or expired. */
  consume(ticket: string, workspaceId: string): Promise<Principal | null>
  /** PRIV-2: forgets every unused ticket of a deleted workspace. */
  revokeWorkspace(workspaceId: string): Promise<void>
  /** PERM-16: forgets the unused tickets of these participants of one workspace. */
  revokeParticipants(workspaceId: string, participantIds: readonly string[]): Promise<void>
}

export class MemoryTicketStore implements TicketStore {
  private readonly tickets = new Map<string, TicketEntry>()
  private readonly outstanding = new Map<string, number>()
  private lastSweep = 0

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async issue(principal: Principal): Promise<IssuedTicket | null> {
    const now = this.now()
    this.sweep(now)
    const held = this.outstanding.get(principal.participantId) ?? 0
    if (held >= MAX_OUTSTANDING_PER_PARTICIPANT) return null
    this.outstanding.set(principal.participantId, held + 1)
    const ticket = newSecret()
    const expiresAt = now + this.ttlMs
    this.tickets.set(hashSecret(ticket), { principal, expiresAt })
    return { ticket, expiresAt: new Date(expiresAt) }
  }

  async consume(ticket: string, workspaceId: string): Promise<Principal | null> {
    const key = hashSecret(ticket)
    const entry = this.tickets.get(key)
    if (!entry) return null
    if (entry.principal.workspaceId !== workspaceId) return null
    this.forget(key, entry)
    if (entry.expiresAt <= this.now()) return null
    return entry.principal
  }

  async revokeWorkspace(workspaceId: string): Promise<void> {
    for (const [key, entry] of this.tickets) {
      if (entry.principal.workspaceId === workspaceId) this.forget(key, entry)
    }
  }

  async revokeParticipants(workspaceId: string, participantIds: readonly string[]): Promise<void> {
    const ended = new Set(participantIds)
    for (const [key, entry] of this.tickets) {
      const { principal } = entry
      if (principal.workspaceId === workspaceId && ended.has(principal.participantId)) {
        this.forget(key, entry)
      }
    }
  }

  get size(): number {
    return this.tickets.size
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < this.ttlMs) return
    this.lastSweep = now
    for (const [key, entry] of this.tickets) if (entry.expiresAt <= now) this.forget(key, entry)
  }

  private forget(key: string, entry: TicketEntry): void {
    this.tickets.delete(key)
    const participantId = entry.principal.participantId
    const held = (this.outstanding.get(participantId) ?? 1) - 1
    if (held > 0) this.outstanding.set(participantId, held)
    else this.outstanding.delete(participantId)
  }
}
