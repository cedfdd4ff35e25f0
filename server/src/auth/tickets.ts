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

/**
 * Single-use, short-lived WebSocket tickets, held in memory and keyed by their hash
 * (PERM-2: a ticket works once, for one workspace, until it expires).
 */
export class TicketStore {
  private readonly tickets = new Map<string, TicketEntry>()
  private lastSweep = 0

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  issue(principal: Principal): IssuedTicket {
    const now = this.now()
    this.sweep(now)
    const ticket = newSecret()
    const expiresAt = now + this.ttlMs
    this.tickets.set(hashSecret(ticket), { principal, expiresAt })
    return { ticket, expiresAt: new Date(expiresAt) }
  }

  /** Returns the principal and forgets the ticket; `null` when unknown, used or expired. */
  consume(ticket: string, workspaceId: string): Principal | null {
    const key = hashSecret(ticket)
    const entry = this.tickets.get(key)
    if (!entry) return null
    if (entry.principal.workspaceId !== workspaceId) return null
    this.tickets.delete(key)
    if (entry.expiresAt <= this.now()) return null
    return entry.principal
  }

  get size(): number {
    return this.tickets.size
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < this.ttlMs) return
    this.lastSweep = now
    for (const [key, entry] of this.tickets) if (entry.expiresAt <= now) this.tickets.delete(key)
  }
}
