import { describe, expect, it } from 'vitest'
import type { Principal } from './role.ts'
import { TicketStore } from './tickets.ts'

const principal: Principal = {
  workspaceId: 'workspace-aaaaaaaaaa',
  participantId: 'p1',
  role: 'editor',
  displayName: 'Eva',
}

describe('tickets (PERM-2)', () => {
  it('works once', () => {
    const tickets = new TicketStore(30_000)
    const { ticket } = tickets.issue(principal)!
    expect(tickets.consume(ticket, principal.workspaceId)).toEqual(principal)
    expect(tickets.consume(ticket, principal.workspaceId)).toBeNull()
  })

  it('expires after its TTL', () => {
    let now = 1_000
    const tickets = new TicketStore(30_000, () => now)
    const { ticket, expiresAt } = tickets.issue(principal)!
    expect(expiresAt.getTime()).toBe(31_000)
    now = 31_000
    expect(tickets.consume(ticket, principal.workspaceId)).toBeNull()
  })

  it('is bound to its workspace and unknown tickets fail', () => {
    const tickets = new TicketStore(30_000)
    const { ticket } = tickets.issue(principal)!
    expect(tickets.consume(ticket, 'another-workspace-id')).toBeNull()
    expect(tickets.consume('made-up', principal.workspaceId)).toBeNull()
    expect(tickets.consume(ticket, principal.workspaceId)).toEqual(principal)
  })

  it('forgets expired tickets', () => {
    let now = 0
    const tickets = new TicketStore(10, () => now)
    for (let i = 0; i < 5; i++) tickets.issue(principal)
    now = 100
    tickets.issue(principal)
    expect(tickets.size).toBe(1)
  })

  it('caps the unused tickets of one participant; using one frees a place', () => {
    const tickets = new TicketStore(30_000)
    const issued = Array.from({ length: 10 }, () => tickets.issue(principal))
    expect(issued.every((t) => t !== null)).toBe(true)
    expect(tickets.issue(principal)).toBeNull()
    expect(tickets.issue({ ...principal, participantId: 'p2' })).not.toBeNull()
    tickets.consume(issued[0]!.ticket, principal.workspaceId)
    expect(tickets.issue(principal)).not.toBeNull()
  })
})
