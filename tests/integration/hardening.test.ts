import { mkdir, writeFile } from 'node:fs/promises'
import { connect, type Socket } from 'node:net'
import { join } from 'node:path'
import { describe, expect, onTestFinished, test } from 'vitest'
import { readMeta } from '@koers/doc-model'
import { call, createWorkspace, joinAs, keyOfLink, type Session } from '../support/api.ts'
import { openClient, openRawSocket } from '../support/testClients.ts'
import { startTestServer, testDataDir } from '../support/testServer.ts'

const postJson = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
})

const errorOf = (body: unknown): { code?: string; message?: string } =>
  (body as { error?: { code?: string; message?: string } } | null)?.error ?? {}

const ticketPost = (url: string, session: Session, headers: Record<string, string> = {}) =>
  call(url, `/api/workspaces/${session.workspaceId}/ticket`, {
    method: 'POST',
    headers: { cookie: session.cookie, ...headers },
  })

/** A small built app with a source map beside its script, as an unsafe build would leave it. */
async function fakeWebDir(): Promise<string> {
  const dir = join(await testDataDir(), 'web')
  await mkdir(join(dir, 'assets'), { recursive: true })
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>Koers</title>')
  await writeFile(
    join(dir, 'assets', 'app-1234.js'),
    'console.log(1)\n//# sourceMappingURL=app-1234.js.map',
  )
  await writeFile(
    join(dir, 'assets', 'app-1234.js.map'),
    '{"version":3,"sourcesContent":["secret"]}',
  )
  await writeFile(join(dir, 'sw.js'), 'self.addEventListener("fetch", () => {})')
  return dir
}

describe('throttles and capacity (docs/security.md)', () => {
  test('SEC-2 creating workspaces is throttled per address: 429 rate_limited with Retry-After', async () => {
    const server = await startTestServer({
      env: { KOERS_CREATES_PER_HOUR: '3', KOERS_TRUST_PROXY: '1' },
    })
    const body = { title: 'Visie', school: 'De Linde' }
    const from = (address: string) => postJson(body, { 'x-forwarded-for': address })
    for (let i = 0; i < 3; i++) {
      expect((await call(server.url, '/api/workspaces', from('203.0.113.7'))).status).toBe(201)
    }
    const refused = await call(server.url, '/api/workspaces', from('203.0.113.7'))
    expect(refused.status).toBe(429)
    expect(errorOf(refused.body).code).toBe('rate_limited')
    const retryAfter = Number(refused.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThan(0)
    expect(retryAfter).toBeLessThanOrEqual(3600)
    // SEC-1: behind a trusted proxy another client address has its own budget; what a client
    // puts in front of the proxy's entry does not count.
    expect((await call(server.url, '/api/workspaces', from('198.51.100.9'))).status).toBe(201)
    const spoofed = await call(server.url, '/api/workspaces', from('1.1.1.1, 203.0.113.7'))
    expect(spoofed.status).toBe(429)
  })

  test('SEC-2 300 people behind one address join within a minute; past the limit joins get 429 with Retry-After', async () => {
    const server = await startTestServer()
    const workspace = await createWorkspace(server.url)
    const join = (n: number) =>
      call(
        server.url,
        '/api/session',
        postJson({ key: workspace.keys.editor, displayName: `Deelnemer ${n}` }),
      )
    const started = Date.now()
    const statuses: number[] = []
    for (let batch = 0; batch < 300; batch += 50) {
      const results = await Promise.all(Array.from({ length: 50 }, (_, i) => join(batch + i)))
      statuses.push(...results.map((r) => r.status))
    }
    expect(Date.now() - started).toBeLessThan(60_000)
    expect(statuses.filter((s) => s === 200)).toHaveLength(300)
    // The default budget is 600 joins per minute per address.
    for (let n = 300; n < 600; n++) expect((await join(n)).status).toBe(200)
    const refused = await join(600)
    expect(refused.status).toBe(429)
    expect(errorOf(refused.body).code).toBe('rate_limited')
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60)
  })

  test('SEC-3 creation stops at KOERS_MAX_WORKSPACES, and when the disk is nearly full: 507 capacity_reached', async () => {
    const capped = await startTestServer({ env: { KOERS_MAX_WORKSPACES: '2' } })
    await createWorkspace(capped.url)
    await createWorkspace(capped.url)
    const third = await call(capped.url, '/api/workspaces', postJson({ title: 'a', school: 'b' }))
    expect(third.status).toBe(507)
    expect(errorOf(third.body).code).toBe('capacity_reached')

    // No test machine has an exabyte free: the real statfs of the data dir says "nearly full".
    const full = await startTestServer({ env: { KOERS_MIN_FREE_DISK_MB: String(2 ** 40) } })
    const refused = await call(full.url, '/api/workspaces', postJson({ title: 'a', school: 'b' }))
    expect(refused.status).toBe(507)
    expect(errorOf(refused.body).message).toMatch(/disk/)
  })
})

describe('headers, origin checks and source maps (docs/security.md)', () => {
  test('SEC-5 every response carries the CSP, nosniff and no-referrer: app, static file, API, errors', async () => {
    const server = await startTestServer({ env: { KOERS_WEB_DIR: await fakeWebDir() } })
    const responses = {
      app: await call(server.url, '/'),
      spaFallback: await call(server.url, '/w/some-workspace-id'),
      staticAsset: await call(server.url, '/assets/app-1234.js'),
      serviceWorker: await call(server.url, '/sw.js'),
      api: await call(server.url, '/api/openapi.json'),
      apiNotFound: await call(server.url, '/api/nope'),
      invalidInput: await call(server.url, '/api/workspaces', postJson({ title: '' })),
      missingFile: await call(server.url, '/assets/missing.js'),
      health: await call(server.url, '/healthz'),
    }
    expect(responses.staticAsset.status).toBe(200)
    expect(responses.invalidInput.status).toBe(400)
    expect(responses.missingFile.status).toBe(404)
    for (const [name, res] of Object.entries(responses)) {
      const csp = res.headers.get('content-security-policy') ?? ''
      expect({ name, csp }).toEqual({
        name,
        csp: expect.stringContaining("frame-ancestors 'none'"),
      })
      expect(csp).toContain("default-src 'self'")
      expect(csp).toContain("script-src 'self'")
      expect(csp).toContain("object-src 'none'")
      expect(csp).toContain("base-uri 'none'")
      expect(csp).toMatch(new RegExp(`connect-src 'self' ws://127\\.0\\.0\\.1:${server.port}`))
      expect(csp).not.toContain('unsafe-inline')
      expect({ name, nosniff: res.headers.get('x-content-type-options') }).toEqual({
        name,
        nosniff: 'nosniff',
      })
      expect({ name, referrer: res.headers.get('referrer-policy') }).toEqual({
        name,
        referrer: 'no-referrer',
      })
      expect(res.headers.get('x-frame-options')).toBe('DENY')
    }
  })

  test('SEC-7 source maps are not served, even when the web dir has them', async () => {
    const server = await startTestServer({ env: { KOERS_WEB_DIR: await fakeWebDir() } })
    expect((await call(server.url, '/assets/app-1234.js')).status).toBe(200)
    const map = await call(server.url, '/assets/app-1234.js.map')
    expect(map.status).toBe(404)
    expect(JSON.stringify(map.body)).not.toContain('secret')
    expect((await call(server.url, '/assets/APP-1234.JS.MAP')).status).toBe(404)
  })

  test('SEC-6 a cross-origin ticket POST with a valid cookie is refused with 403 and issues no ticket', async () => {
    const server = await startTestServer()
    const workspace = await createWorkspace(server.url)
    const session = await joinAs(server.url, workspace.keys.editor, 'Eva')
    const attacks: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site', origin: 'https://other.school.example' },
      { origin: 'null' },
    ]
    for (let round = 0; round < 3; round++) {
      for (const headers of attacks) {
        const res = await ticketPost(server.url, session, headers)
        expect({ headers, status: res.status }).toEqual({ headers, status: 403 })
        expect(errorOf(res.body).code).toBe('forbidden')
      }
    }
    // Nor can another origin delete the workspace with the facilitator's cookie.
    const facilitator = await joinAs(server.url, workspace.keys.facilitator, 'Fenna')
    const deleted = await call(server.url, `/api/workspaces/${workspace.id}`, {
      method: 'DELETE',
      headers: { cookie: facilitator.cookie, 'sec-fetch-site': 'same-site' },
    })
    expect(deleted.status).toBe(403)
    expect((await joinAs(server.url, workspace.keys.viewer, 'Victor')).workspaceId).toBe(
      workspace.id,
    )
    // The 12 refused attempts used none of the 10 unused tickets a participant may hold.
    const own = { origin: server.url, 'sec-fetch-site': 'same-origin' }
    for (let i = 0; i < 10; i++)
      expect((await ticketPost(server.url, session, own)).status).toBe(200)
    expect((await ticketPost(server.url, session, own)).status).toBe(429)
  })

  test('SEC-6 same-origin browsers, scripts without Origin, and requests without a cookie pass', async () => {
    const server = await startTestServer()
    const workspace = await createWorkspace(server.url)
    const session = await joinAs(server.url, workspace.keys.editor, 'Eva')
    expect((await ticketPost(server.url, session, { origin: server.url })).status).toBe(200)
    expect(
      (await ticketPost(server.url, session, { 'sec-fetch-site': 'same-origin' })).status,
    ).toBe(200)
    expect((await ticketPost(server.url, session)).status).toBe(200)
    // Without the session cookie there is nothing to forge; the normal rules answer.
    const noCookie = await call(server.url, '/api/workspaces', {
      ...postJson({ title: 'Visie', school: 'De Linde' }, { origin: 'https://evil.example' }),
    })
    expect(noCookie.status).toBe(201)
  })
})

describe('input hygiene (docs/security.md)', () => {
  test('SEC-8 names and titles are NFC-normalised and lose control and bidi-override characters', async () => {
    const server = await startTestServer()
    const created = await call(
      server.url,
      '/api/workspaces',
      postJson({ title: '  Visie\u202E2026\u202C\u0000 ', school: 'OBS\tDe\n Linde' }),
    )
    expect(created.status).toBe(201)
    const { id, links } = created.body as { id: string; links: { viewer: string } }
    const viewer = await joinAs(server.url, keyOfLink(links.viewer), 'Victor')
    const { doc } = await openClient(server.url, viewer)
    expect(readMeta(doc)).toMatchObject({ title: 'Visie2026', school: 'OBS De Linde' })
    expect(viewer.workspaceId).toBe(id)
    const workspace = await createWorkspace(server.url)
    const session = await joinAs(server.url, workspace.keys.editor, '\u2066Rene\u0301\u2069\u0007')
    const me = await call(server.url, `/api/workspaces/${workspace.id}/me`, {
      headers: { cookie: session.cookie },
    })
    expect((me.body as { displayName: string }).displayName).toBe('Ren\u00e9')
  })

  test('SEC-8 a name of only invisible characters is refused with a clear message', async () => {
    const server = await startTestServer()
    const workspace = await createWorkspace(server.url)
    for (const displayName of ['\u200B\u200B', '\u3164', '\u202E\u202C', '   ']) {
      const res = await call(
        server.url,
        '/api/session',
        postJson({ key: workspace.keys.editor, displayName }),
      )
      expect({ displayName, status: res.status }).toEqual({ displayName, status: 400 })
      expect(errorOf(res.body).code).toBe('invalid_input')
      expect(errorOf(res.body).message).toMatch(/^displayName: /)
    }
    const invisible = await call(
      server.url,
      '/api/session',
      postJson({ key: workspace.keys.editor, displayName: '\u200B' }),
    )
    expect(errorOf(invisible.body).message).toBe(
      'displayName: needs at least one visible character',
    )
  })

  test('SEC-9 a JSON route called with another content type gets 415 unsupported_media_type', async () => {
    const server = await startTestServer()
    const workspace = await createWorkspace(server.url)
    const body = JSON.stringify({ title: 'Visie', school: 'De Linde' })
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data']) {
      const res = await call(server.url, '/api/workspaces', {
        method: 'POST',
        headers: { 'content-type': type },
        body,
      })
      expect({ type, status: res.status }).toEqual({ type, status: 415 })
      expect(errorOf(res.body).code).toBe('unsupported_media_type')
    }
    const join = await call(server.url, '/api/session', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ key: workspace.keys.editor, displayName: 'Eva' }),
    })
    expect(join.status).toBe(415)
    expect(join.headers.get('set-cookie')).toBeNull()
    const json = await call(server.url, '/api/workspaces', {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body,
    })
    expect(json.status).toBe(201)
  })
})

describe('connections (docs/security.md)', () => {
  test('SEC-4 2,000 raw TCP connections held open do not stop /healthz or a WebSocket (cap lowered to 200)', async () => {
    const server = await startTestServer({ env: { KOERS_MAX_CONNECTIONS: '200' } })
    const workspace = await createWorkspace(server.url)
    const session = await joinAs(server.url, workspace.keys.editor, 'Eva')
    const sockets: Socket[] = []
    let closedByServer = 0
    onTestFinished(() => {
      for (const socket of sockets) socket.destroy()
    })
    // In batches, so the kernel's accept backlog never overflows: overflowing SYNs are retried by
    // the client after seconds, which would measure the kernel rather than the server.
    for (let batch = 0; batch < 20; batch++) {
      await Promise.all(
        Array.from(
          { length: 100 },
          () =>
            new Promise<void>((resolve) => {
              const socket = connect(server.port, '127.0.0.1')
              sockets.push(socket)
              socket.on('error', () => undefined)
              socket.once('close', () => {
                closedByServer++
                resolve()
              })
              socket.once('connect', () => resolve())
            }),
        ),
      )
    }
    // Every idle raw connection beyond the cap was closed to make room.
    await expect.poll(() => closedByServer, { timeout: 60_000 }).toBeGreaterThanOrEqual(1800)
    expect(sockets.filter((s) => !s.destroyed).length).toBeLessThanOrEqual(200)
    expect((await call(server.url, '/healthz')).status).toBe(200)
    const ws = await openRawSocket(server.url, session)
    await ws.waitFor((f): f is typeof f => f.kind === 'sync-step1')
    expect(server.process.exitCode).toBeNull()
  })
})
