import { describe, expect, it } from 'vitest'
import type { Principal } from './role.ts'
import type { TicketStore } from './tickets.ts'

const principal: Principal = {
  workspaceId: 'workspace-aaaaaaaaaa',
  participantId: 'p1',
  role: 'editor',
  displayName: 'Eva',
}

/** PERM-2 for every TicketStore (memory, PostgreSQL); `open(ttlMs)` gives an empty store. */
export const ticketStoreContract = (name: string, open: (ttlMs: number) => TicketStore): void => {
  describe(`TicketStore contract: ${name} (PERM-2)`, () => {
    it('PERM-2: a ticket works once', async () => {
      const tickets = open(30_000)
      const { ticket } = (await tickets.issue(principal))!
      expect(await tickets.consume(ticket, principal.workspaceId)).toEqual(principal)
      expect(await tickets.consume(ticket, principal.workspaceId)).toBeNull()
    })

    it('PERM-2: a ticket is bound to its workspace; unknown tickets fail', async () => {
      const tickets = open(30_000)
      const { ticket } = (await tickets.issue({ ...principal, participantId: 'p-bound' }))!
      expect(await tickets.consume(ticket, 'another-workspace-id')).toBeNull()
      expect(await tickets.consume('made-up', principal.workspaceId)).toBeNull()
      expect((await tickets.consume(ticket, principal.workspaceId))?.participantId).toBe('p-bound')
    })

    it('PERM-2: an expired ticket fails', async () => {
      const tickets = open(0)
      const { ticket } = (await tickets.issue({ ...principal, participantId: 'p-late' }))!
      expect(await tickets.consume(ticket, principal.workspaceId)).toBeNull()
    })

    it('PERM-2: one participant holds at most ten unused tickets; using one frees a place', async () => {
      const tickets = open(30_000)
      const mine = { ...principal, participantId: 'p-many' }
      const issued = []
      for (let i = 0; i < 10; i++) issued.push(await tickets.issue(mine))
      expect(issued.every((t) => t !== null)).toBe(true)
      expect(await tickets.issue(mine)).toBeNull()
      expect(await tickets.issue({ ...mine, participantId: 'p-other' })).not.toBeNull()
      await tickets.consume(issued[0]!.ticket, mine.workspaceId)
      expect(await tickets.issue(mine)).not.toBeNull()
    })

    it('PRIV-2: revoking a workspace forgets its unused tickets', async () => {
      const tickets = open(30_000)
      const { ticket } = (await tickets.issue({ ...principal, participantId: 'p-gone' }))!
      await tickets.revokeWorkspace(principal.workspaceId)
      expect(await tickets.consume(ticket, principal.workspaceId)).toBeNull()
    })

    it('PERM-16: revoking participants forgets their unused tickets, and nobody else’s', async () => {
      const tickets = open(30_000)
      const ended = (await tickets.issue({ ...principal, participantId: 'p-ended' }))!
      const kept = (await tickets.issue({ ...principal, participantId: 'p-kept' }))!
      const elsewhere = (await tickets.issue({
        ...principal,
        workspaceId: 'workspace-bbbbbbbbbb',
        participantId: 'p-ended',
      }))!
      await tickets.revokeParticipants(principal.workspaceId, ['p-ended'])
      expect(await tickets.consume(ended.ticket, principal.workspaceId)).toBeNull()
      expect((await tickets.consume(kept.ticket, principal.workspaceId))?.participantId).toBe(
        'p-kept',
      )
      expect((await tickets.consume(elsewhere.ticket, 'workspace-bbbbbbbbbb'))?.participantId).toBe(
        'p-ended',
      )
    })
  })
}
