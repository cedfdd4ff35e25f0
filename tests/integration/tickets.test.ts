import { describe, expect, test, vi } from 'vitest'
import {
  createWorkspace,
  joinAs,
  ticket,
  ticketWithExpiry,
  workspaceWithRoles,
} from '../support/api.ts'
import { tryUpgrade } from '../support/rawSocket.ts'
import { startTestServer } from '../support/testServer.ts'

describe('PERM-2 WebSocket tickets', () => {
  test('PERM-2 a ticket upgrades once; the same ticket again is refused with 401', async () => {
    const server = await startTestServer()
    const { editor } = await workspaceWithRoles(server.url)
    const value = await ticket(server.url, editor.workspaceId, editor.cookie)

    const first = await tryUpgrade(server.url, editor.workspaceId, value)
    expect(first.ok).toBe(true)
    if (first.ok) first.socket.ws.terminate()

    const second = await tryUpgrade(server.url, editor.workspaceId, value)
    expect(second).toEqual({ ok: false, status: 401 })
  })

  test('PERM-2 an expired ticket is refused with 401', async () => {
    const server = await startTestServer({ env: { KOERS_TICKET_TTL_MS: '300' } })
    const { editor } = await workspaceWithRoles(server.url)
    const { ticket: value, expiresAt } = await ticketWithExpiry(
      server.url,
      editor.workspaceId,
      editor.cookie,
    )
    expect(expiresAt - Date.now()).toBeLessThanOrEqual(300)
    await vi.waitFor(() => expect(Date.now()).toBeGreaterThan(expiresAt + 50), {
      timeout: 5_000,
      interval: 50,
    })

    expect(await tryUpgrade(server.url, editor.workspaceId, value)).toEqual({
      ok: false,
      status: 401,
    })
    // A fresh ticket still works, so the refusal was the expiry and nothing else.
    const fresh = await tryUpgrade(
      server.url,
      editor.workspaceId,
      await ticket(server.url, editor.workspaceId, editor.cookie),
    )
    expect(fresh.ok).toBe(true)
    if (fresh.ok) fresh.socket.ws.terminate()
  })

  test('PERM-2 a missing, made-up or other-workspace ticket is refused with 401', async () => {
    const server = await startTestServer()
    const { editor } = await workspaceWithRoles(server.url)
    const other = await createWorkspace(server.url)
    const otherSession = await joinAs(server.url, other.keys.editor, 'Olga')
    const foreign = await ticket(server.url, other.id, otherSession.cookie)

    expect(await tryUpgrade(server.url, editor.workspaceId, '')).toEqual({ ok: false, status: 401 })
    expect(await tryUpgrade(server.url, editor.workspaceId, 'made-up-ticket')).toEqual({
      ok: false,
      status: 401,
    })
    expect(await tryUpgrade(server.url, editor.workspaceId, foreign)).toEqual({
      ok: false,
      status: 401,
    })
  })
})
