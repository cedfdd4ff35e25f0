import { describe, expect, it } from 'vitest'
import type { Principal } from './role.ts'
import { ticketStoreContract } from './ticketStore.contract.ts'
import { MemoryTicketStore } from './tickets.ts'

ticketStoreContract('memory', (ttlMs) => new MemoryTicketStore(ttlMs))

const principal: Principal = {
  workspaceId: 'workspace-aaaaaaaaaa',
  participantId: 'p1',
  role: 'editor',
  displayName: 'Eva',
}

describe('memory tickets (PERM-2)', () => {
  it('PERM-2: expires exactly after its TTL', async () => {
    let now = 1_000
    const tickets = new MemoryTicketStore(30_000, () => now)
    const { ticket, expiresAt } = (await tickets.issue(principal))!
    expect(expiresAt.getTime()).toBe(31_000)
    now = 31_000
    expect(await tickets.consume(ticket, principal.workspaceId)).toBeNull()
  })

  it('forgets expired tickets', async () => {
    let now = 0
    const tickets = new MemoryTicketStore(10, () => now)
    for (let i = 0; i < 5; i++) await tickets.issue(principal)
    now = 100
    await tickets.issue(principal)
    expect(tickets.size).toBe(1)
  })
})
