import { JOIN_CODE_ALPHABET } from '@koers/protocol'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, onTestFinished, test } from 'vitest'
import {
  call,
  joinAs,
  joinByCode,
  openJoinCode,
  ticket,
  workspaceWithRoles,
  type Session,
} from '../support/api.ts'
import { startTestServer } from '../support/testServer.ts'

function errorCode(body: unknown): unknown {
  return (body as { error?: { code?: unknown } } | null)?.error?.code
}

const codePath = (workspaceId: string) =>
  `/api/workspaces/${encodeURIComponent(workspaceId)}/join-code`

async function openCode(url: string, facilitator: Session) {
  const opened = await openJoinCode(url, facilitator.workspaceId, facilitator.cookie)
  expect(opened.status).toBe(201)
  return opened.body as { code: string; url: string; expiresAt: string }
}

/** Flips the case of every letter: the code must still work (STUDY-8). */
const otherCase = (code: string) =>
  [...code].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('')

describe('joining a study day by code (STUDY-8, PERM-13, PERM-14)', () => {
  test('STUDY-8 PERM-13 a facilitator opens a code; joining with it in any case gives an editor session', async () => {
    const server = await startTestServer()
    const { facilitator } = await workspaceWithRoles(server.url)
    const before = Date.now()
    const opened = await openCode(server.url, facilitator)
    expect(opened.code).toMatch(new RegExp(`^[${JOIN_CODE_ALPHABET}]{6}$`))
    expect(opened.url).toBe(`${server.url}/j/${opened.code}`)
    const expires = new Date(opened.expiresAt).getTime()
    expect(expires - before).toBeGreaterThanOrEqual(12 * 3600_000 - 5_000)
    expect(expires - before).toBeLessThanOrEqual(12 * 3600_000 + 60_000)

    const status = await call(server.url, codePath(facilitator.workspaceId), {
      headers: { cookie: facilitator.cookie },
    })
    expect(status.body).toEqual({ open: true, expiresAt: opened.expiresAt })

    const joined = await joinByCode(
      server.url,
      ` ${otherCase(opened.code).slice(0, 3)}-${otherCase(opened.code).slice(3)} `,
      'Sanne',
    )
    expect(joined.status).toBe(200)
    expect(joined.body).toMatchObject({ workspaceId: facilitator.workspaceId, role: 'editor' })
    expect(joined.cookie).not.toBeNull()
    // The session is a real one: it gets a WebSocket ticket.
    expect(await ticket(server.url, facilitator.workspaceId, joined.cookie!)).toMatch(/\S{20,}/)
  })

  test('STUDY-8 a closed code is refused at once; sessions made with it stay', async () => {
    const server = await startTestServer()
    const { facilitator } = await workspaceWithRoles(server.url)
    const opened = await openCode(server.url, facilitator)
    const early = await joinByCode(server.url, opened.code, 'Vroeg')
    expect(early.status).toBe(200)

    const closed = await call(server.url, codePath(facilitator.workspaceId), {
      method: 'DELETE',
      headers: { cookie: facilitator.cookie },
    })
    expect(closed.status).toBe(204)
    const late = await joinByCode(server.url, opened.code, 'Laat')
    expect(late.status).toBe(410)
    expect(errorCode(late.body)).toBe('gone')
    expect(late.cookie).toBeNull()
    expect(await ticket(server.url, facilitator.workspaceId, early.cookie!)).toMatch(/\S{20,}/)
    const status = await call(server.url, codePath(facilitator.workspaceId), {
      headers: { cookie: facilitator.cookie },
    })
    expect(status.body).toEqual({ open: false, expiresAt: null })

    // Opening again gives a new code; the old one is no longer known.
    const again = await openCode(server.url, facilitator)
    expect(again.code).not.toBe(opened.code)
    expect((await joinByCode(server.url, opened.code, 'Oud')).status).toBe(404)
    expect((await joinByCode(server.url, again.code, 'Nieuw')).status).toBe(200)
  })

  test('STUDY-8 unknown and malformed codes get a clear error, no session', async () => {
    const server = await startTestServer()
    const unknown = await joinByCode(server.url, 'ZZZZZZ', 'Iemand')
    expect(unknown.status).toBe(404)
    expect(errorCode(unknown.body)).toBe('not_found')
    expect(unknown.cookie).toBeNull()
    const malformed = await joinByCode(server.url, 'ABC0O1', 'Iemand')
    expect(malformed.status).toBe(400)
    expect(errorCode(malformed.body)).toBe('invalid_input')
    const both = await call(server.url, '/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: 'ABC234', key: 'x'.repeat(20), displayName: 'Iemand' }),
    })
    expect(both.status).toBe(400)
  })

  test('PERM-13 only facilitators open, read or close a code: editors and viewers get 403, nothing changes', async () => {
    const server = await startTestServer()
    const { facilitator, editor, viewer } = await workspaceWithRoles(server.url)
    const opened = await openCode(server.url, facilitator)
    for (const session of [editor, viewer]) {
      const headers = { cookie: session.cookie }
      const path = codePath(session.workspaceId)
      expect((await call(server.url, path, { method: 'POST', headers })).status).toBe(403)
      expect((await call(server.url, path, { method: 'DELETE', headers })).status).toBe(403)
      expect((await call(server.url, path, { headers })).status).toBe(403)
    }
    expect(
      (await call(server.url, codePath(facilitator.workspaceId), { method: 'POST' })).status,
    ).toBe(401)
    // Still the same code, still open.
    expect((await joinByCode(server.url, opened.code, 'Na de weigering')).status).toBe(200)
  })

  test('PERM-13 a facilitator who joins by code in the same browser stays facilitator; a viewer becomes editor', async () => {
    const server = await startTestServer()
    const { facilitator, viewer } = await workspaceWithRoles(server.url)
    const opened = await openCode(server.url, facilitator)
    const self = await joinByCode(server.url, opened.code, 'Fenna', facilitator.cookie)
    expect(self.body).toMatchObject({
      role: 'facilitator',
      participantId: facilitator.participantId,
    })
    const reader = await joinByCode(server.url, opened.code, 'Victor', viewer.cookie)
    expect(reader.body).toMatchObject({ role: 'editor', participantId: viewer.participantId })
  })

  test('PERM-14 wrong codes are throttled per address with 429 and Retry-After; joins that work do not count', async () => {
    const server = await startTestServer({ env: { KOERS_CODE_GUESSES_PER_MINUTE: '5' } })
    const { facilitator } = await workspaceWithRoles(server.url)
    const opened = await openCode(server.url, facilitator)
    for (let i = 0; i < 7; i++) {
      expect((await joinByCode(server.url, opened.code, `Deelnemer ${i}`)).status).toBe(200)
    }
    // Key joins are not counted either.
    const { workspace } = await workspaceWithRoles(server.url)
    await joinAs(server.url, workspace.keys.editor, 'Met link')
    for (let i = 0; i < 5; i++) {
      const wrong = await joinByCode(server.url, `ZZZZZ${JOIN_CODE_ALPHABET[i]}`, 'Gokker')
      expect(wrong.status).toBe(404)
    }
    const blocked = await joinByCode(server.url, 'ZZZZZZ', 'Gokker')
    expect(blocked.status).toBe(429)
    expect(errorCode(blocked.body)).toBe('rate_limited')
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0)
    // From this address even the right code waits now: a guess that hits is not let through.
    expect((await joinByCode(server.url, opened.code, 'Te laat')).status).toBe(429)
    // Joining with a link is not affected by wrong codes.
    await joinAs(server.url, workspace.keys.editor, 'Nog steeds met link')
  })

  test('STUDY-9 the short link /j/<CODE> serves the app', async () => {
    const webDir = await mkdtemp(join(tmpdir(), 'koers-web-'))
    onTestFinished(() => rm(webDir, { recursive: true, force: true }))
    await writeFile(join(webDir, 'index.html'), '<!doctype html><title>Koers app</title>')
    const server = await startTestServer({ env: { KOERS_WEB_DIR: webDir } })
    const res = await fetch(`${server.url}/j/K7QM4X`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/html')
    expect(await res.text()).toContain('<title>Koers app</title>')
  })

  test('STUDY-4 GET /api/time answers the server clock, uncached', async () => {
    const server = await startTestServer()
    const before = Date.now()
    const res = await call(server.url, '/api/time')
    const after = Date.now()
    expect(res.status).toBe(200)
    const { now } = res.body as { now: number }
    expect(now).toBeGreaterThanOrEqual(before - 1_000)
    expect(now).toBeLessThanOrEqual(after + 1_000)
    expect(res.headers.get('cache-control')).toBe('no-store')
  })
})
