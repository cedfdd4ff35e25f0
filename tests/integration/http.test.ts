import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { call, createWorkspace, joinAs, postOnFreshConnection } from '../support/api.ts'
import { spawnServer, removeDataDir, type ServerHandle } from '../support/spawnServer.ts'
import { startTestServer } from '../support/testServer.ts'

const json = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: typeof body === 'string' ? body : JSON.stringify(body),
})

function errorCode(body: unknown): unknown {
  return (body as { error?: { code?: unknown } } | null)?.error?.code
}

describe('HTTP contract (docs/architecture.md)', () => {
  // One server for the read-only checks of this file; tests that need other settings spawn their own.
  let server: ServerHandle
  beforeAll(async () => {
    server = await spawnServer()
  })
  afterAll(async () => {
    await server.stop()
    await removeDataDir(server.dataDir)
  })

  test('HTTP-1 POST /api/workspaces → 201 with id and one join link per role', async () => {
    const res = await call(
      server.url,
      '/api/workspaces',
      json({ title: 'Visie 2026', school: 'De Regenboog' }),
    )
    expect(res.status).toBe(201)
    const body = res.body as { id: string; links: Record<string, string> }
    expect(body.id).toMatch(/^[A-Za-z0-9_-]{16,32}$/)
    expect(Object.keys(body.links).sort()).toEqual(['editor', 'facilitator', 'viewer'])
    const keys = new Set<string>()
    for (const link of Object.values(body.links)) {
      const parsed = new URL(link)
      expect(`${parsed.origin}${parsed.pathname}`).toBe(`${server.url}/join`)
      expect(parsed.hash.length).toBeGreaterThan(16)
      keys.add(parsed.hash)
    }
    expect(keys.size).toBe(3)
  })

  test.each([
    ['bad JSON', '{"title": "Visie",'],
    ['missing school', { title: 'Visie' }],
    ['missing title', { school: 'De Regenboog' }],
    ['wrong types', { title: 42, school: ['x'] }],
    ['an over-long title', { title: 'x'.repeat(20_000), school: 'De Regenboog' }],
  ])('HTTP-2 POST /api/workspaces with %s → 400 invalid_input', async (_name, body) => {
    const res = await call(server.url, '/api/workspaces', json(body))
    expect(res.status).toBe(400)
    expect(errorCode(res.body)).toBe('invalid_input')
    expect(typeof (res.body as { error: { message: unknown } }).error.message).toBe('string')
  })

  test('HTTP-2 an oversized request body is refused with a JSON error', async () => {
    const body = JSON.stringify({ title: 'x'.repeat(2_000_000), school: 'y' })
    const res = await postOnFreshConnection(server.url, '/api/workspaces', body)
    expect(res.status).toBe(413)
    expect(errorCode(res.body)).toBe('payload_too_large')
  })

  test('PERM-1 POST /api/session sets an HttpOnly SameSite=Strict cookie; bad input is refused', async () => {
    const workspace = await createWorkspace(server.url)
    const res = await fetch(
      `${server.url}/api/session`,
      json({ key: workspace.keys.editor, displayName: 'Eva' }),
    )
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ workspaceId: workspace.id, role: 'editor' })
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('koers_session='))
    expect(cookie).toBeDefined()
    expect(cookie).toMatch(/;\s*HttpOnly/i)
    expect(cookie).toMatch(/;\s*SameSite=Strict/i)

    const wrongKey = await call(
      server.url,
      '/api/session',
      json({ key: 'A'.repeat(workspace.keys.editor.length), displayName: 'Eva' }),
    )
    expect(wrongKey.status).toBe(401)
    expect(errorCode(wrongKey.body)).toBe('unauthorized')
    const noName = await call(server.url, '/api/session', json({ key: workspace.keys.editor }))
    expect(noName.status).toBe(400)
    expect(errorCode(noName.body)).toBe('invalid_input')
  })

  test('PERM-2 a ticket needs a session cookie of that workspace', async () => {
    const workspace = await createWorkspace(server.url)
    const other = await createWorkspace(server.url)
    const session = await joinAs(server.url, workspace.keys.viewer, 'Victor')
    const noCookie = await call(server.url, `/api/workspaces/${workspace.id}/ticket`, {
      method: 'POST',
    })
    expect(noCookie.status).toBe(401)
    expect(errorCode(noCookie.body)).toBe('unauthorized')
    const wrongWorkspace = await call(server.url, `/api/workspaces/${other.id}/ticket`, {
      method: 'POST',
      headers: { cookie: session.cookie },
    })
    expect([401, 403]).toContain(wrongWorkspace.status)
    const ok = await call(server.url, `/api/workspaces/${workspace.id}/ticket`, {
      method: 'POST',
      headers: { cookie: session.cookie },
    })
    expect(ok.status).toBe(200)
    const body = ok.body as { ticket: string; expiresAt: string }
    expect(body.ticket.length).toBeGreaterThan(16)
    const ttl = new Date(body.expiresAt).getTime() - Date.now()
    expect(ttl).toBeGreaterThan(20_000)
    expect(ttl).toBeLessThanOrEqual(30_000)
  })

  test('PERM-1 joining issues a new session token; a token planted beforehand gains nothing', async () => {
    const planted = await createWorkspace(server.url)
    const victims = await createWorkspace(server.url)
    const attacker = await joinAs(server.url, planted.keys.viewer, 'Aanvaller')
    // The victim's browser carries the attacker's cookie and joins its own workspace with it.
    const res = await call(server.url, '/api/session', {
      ...json({ key: victims.keys.facilitator, displayName: 'Rector' }),
      headers: { 'content-type': 'application/json', cookie: attacker.cookie },
    })
    expect(res.status).toBe(200)
    const stolen = await call(server.url, `/api/workspaces/${victims.id}/ticket`, {
      method: 'POST',
      headers: { cookie: attacker.cookie },
    })
    expect(stolen.status).toBe(401)
  })

  test('HTTP-4 an upgrade request with an unparseable path is refused; the server stays up', async () => {
    const socket = connect(server.port, '127.0.0.1')
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()))
    socket.write(
      'GET // HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n' +
        'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
    )
    await new Promise<void>((resolve) => socket.once('close', () => resolve()))
    expect((await call(server.url, '/healthz')).status).toBe(200)
  })

  test('HTTP-3 /healthz, /readyz and /api/openapi.json answer', async () => {
    expect((await call(server.url, '/healthz')).status).toBe(200)
    expect((await call(server.url, '/readyz')).status).toBe(200)
    const openapi = await call(server.url, '/api/openapi.json')
    expect(openapi.status).toBe(200)
    const doc = openapi.body as { openapi: string; paths: Record<string, unknown> }
    expect(doc.openapi).toMatch(/^3\./)
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/workspaces',
        '/api/session',
        '/api/workspaces/{id}/ticket',
        // Issue 10 (EXP-16, VER-2, VER-7)
        '/api/workspaces/{id}/export',
        '/api/workspaces/import',
        '/api/workspaces/{id}/versions',
        '/api/workspaces/{id}/versions/{versionId}/export',
        '/api/workspaces/{id}/versions/{versionId}/restore',
      ]),
    )
  })

  test('PERM-8 with KOERS_CREATE_KEY set, creating a workspace needs the bearer key', async () => {
    const guarded = await startTestServer({ env: { KOERS_CREATE_KEY: 'geheim-sleutel-123' } })
    const body = { title: 'Visie', school: 'De Regenboog' }
    const none = await call(guarded.url, '/api/workspaces', json(body))
    expect(none.status).toBe(401)
    expect(errorCode(none.body)).toBe('create_key_required')
    const wrong = await call(guarded.url, '/api/workspaces', {
      ...json(body),
      headers: { 'content-type': 'application/json', authorization: 'Bearer verkeerd' },
    })
    expect(wrong.status).toBe(401)
    const created = await createWorkspace(guarded.url, body, 'geheim-sleutel-123')
    expect(created.id).toBeTruthy()
  })
})
