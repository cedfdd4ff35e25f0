import { CloseCode, decodeServerFrame, DEFAULT_LIMITS, encodeSyncStep1Frame } from '@koers/protocol'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { loadConfig, type ServerConfig } from '../config.ts'
import { startServer, type RunningServer } from '../index.ts'
import { silentLogger } from '../log.ts'

let dir: string
let server: RunningServer

const start = async (overrides: Partial<ServerConfig> = {}): Promise<void> => {
  const base = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    KOERS_DATA_DIR: dir,
    KOERS_EXPORT_WARMUP: '0',
  })
  server = await startServer(
    { ...base, webDir: join(dir, 'no-web'), ...overrides },
    { log: silentLogger },
  )
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'koers-api-'))
  await start()
})
afterEach(async () => {
  await server.close()
  rmSync(dir, { recursive: true, force: true })
})

const post = (path: string, body?: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? null : JSON.stringify(body),
  })

const createWorkspace = async () => {
  const res = await post('/api/workspaces', { title: 'Visie', school: 'De Linde' })
  expect(res.status).toBe(201)
  return (await res.json()) as {
    id: string
    links: Record<'facilitator' | 'editor' | 'viewer', string>
  }
}

const session = async (link: string, displayName = 'Eva') => {
  const res = await post('/api/session', { key: link.split('#')[1], displayName })
  return { res, cookie: res.headers.get('set-cookie')?.split(';')[0] ?? '' }
}

const ticketFor = async (id: string, cookie: string): Promise<string> => {
  const res = await post(`/api/workspaces/${id}/ticket`, undefined, { cookie })
  expect(res.status).toBe(200)
  return ((await res.json()) as { ticket: string }).ticket
}

const open = (id: string, ticket: string, headers: Record<string, string> = {}) =>
  new WebSocket(`${server.url.replace('http', 'ws')}/sync/${id}?ticket=${ticket}`, { headers })

const refusedStatus = (ws: WebSocket): Promise<number> =>
  new Promise((resolve, reject) => {
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0))
    ws.on('open', () => reject(new Error('upgraded')))
    ws.on('error', () => {})
  })

const closeCode = (ws: WebSocket): Promise<number> =>
  new Promise((resolve) => ws.on('close', (code) => resolve(code)))

describe('HTTP API', () => {
  it('creates a workspace with three links and starts sessions with a safe cookie', async () => {
    const ws = await createWorkspace()
    expect(ws.links.editor).toMatch(new RegExp(`^${server.url}/join#[A-Za-z0-9_-]{43}$`))
    const { res, cookie } = await session(ws.links.editor, '  Eva  ')
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ workspaceId: ws.id, role: 'editor' })
    const setCookie = res.headers.get('set-cookie') ?? ''
    expect(setCookie).toMatch(/^koers_session=/)
    expect(setCookie).toContain('HttpOnly')
    expect(setCookie).toContain('SameSite=Strict')
    const me = await fetch(`${server.url}/api/workspaces/${ws.id}/me`, { headers: { cookie } })
    expect(await me.json()).toMatchObject({ role: 'editor', displayName: 'Eva' })
  })

  it('rejects bad input with typed errors', async () => {
    const bad = await post('/api/workspaces', { title: '', school: 'x' })
    expect(bad.status).toBe(400)
    expect(await bad.json()).toMatchObject({ error: { code: 'invalid_input' } })
    const wrongKey = await post('/api/session', { key: 'x'.repeat(43), displayName: 'Eva' })
    expect(wrongKey.status).toBe(401)
    const noCookie = await post('/api/workspaces/abcdefghijklmnop/ticket')
    expect(await noCookie.json()).toMatchObject({ error: { code: 'unauthorized' } })
    const big = await post('/api/workspaces', { title: 'x'.repeat(70_000), school: 'x' })
    expect(big.status).toBe(413)
    const unknown = await fetch(`${server.url}/api/nope`)
    expect(await unknown.json()).toMatchObject({ error: { code: 'not_found' } })
  })

  it('requires the create key when configured', async () => {
    await server.close()
    await start({ createKey: 'secret-create-key' })
    const without = await post('/api/workspaces', { title: 'a', school: 'b' })
    expect(without.status).toBe(401)
    expect(await without.json()).toMatchObject({ error: { code: 'create_key_required' } })
    const withKey = await post(
      '/api/workspaces',
      { title: 'a', school: 'b' },
      { authorization: 'Bearer secret-create-key' },
    )
    expect(withKey.status).toBe(201)
  })

  it('serves health, readiness, OpenAPI and a page when the web app is not built', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200)
    const spec = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as {
      paths: Record<string, unknown>
    }
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/api/workspaces', '/api/session', '/api/workspaces/{id}/ticket']),
    )
    const page = await fetch(`${server.url}/w/some-workspace`)
    expect(await page.text()).toContain('pnpm build')
  })
})

describe('WebSocket', () => {
  it('PERM-2: a ticket upgrades once; reuse and missing tickets get 401 without upgrade', async () => {
    const ws = await createWorkspace()
    const { cookie } = await session(ws.links.viewer)
    const ticket = await ticketFor(ws.id, cookie)
    const socket = open(ws.id, ticket)
    const first = await new Promise<Uint8Array>((resolve) =>
      socket.once('message', (data: Buffer) => resolve(new Uint8Array(data))),
    )
    expect(decodeServerFrame(first).type).toBe('sync-step1')
    expect(await refusedStatus(open(ws.id, ticket))).toBe(401)
    expect(await refusedStatus(open(ws.id, 'nope'))).toBe(401)
    socket.close()
  })

  it('PERM-7: checks the Origin when a public URL is configured', async () => {
    await server.close()
    await start({ publicUrl: 'https://koers.example' })
    const ws = await createWorkspace()
    expect(ws.links.viewer.startsWith('https://koers.example/join#')).toBe(true)
    const { res, cookie } = await session(ws.links.viewer)
    expect(res.headers.get('set-cookie')).toContain('Secure')
    const evil = open(ws.id, await ticketFor(ws.id, cookie), { origin: 'https://evil.example' })
    expect(await refusedStatus(evil)).toBe(403)
    const good = open(ws.id, await ticketFor(ws.id, cookie), { origin: 'https://koers.example' })
    await new Promise((resolve) => good.once('open', resolve))
    good.close()
  })

  it('SYNC-8: a frame over the cap is closed with 1009; a malformed one with 4400', async () => {
    await server.close()
    await start({ limits: { ...DEFAULT_LIMITS, maxFrameBytes: 4096 } })
    const ws = await createWorkspace()
    const { cookie } = await session(ws.links.editor)
    const big = open(ws.id, await ticketFor(ws.id, cookie))
    await new Promise((resolve) => big.once('open', resolve))
    const bigClosed = closeCode(big)
    big.send(new Uint8Array(8192))
    expect(await bigClosed).toBe(CloseCode.FrameTooLarge)

    const bad = open(ws.id, await ticketFor(ws.id, cookie))
    await new Promise((resolve) => bad.once('open', resolve))
    const badClosed = closeCode(bad)
    bad.send(new Uint8Array([0, 0, 200]))
    expect(await badClosed).toBe(CloseCode.MalformedFrame)

    const fine = open(ws.id, await ticketFor(ws.id, cookie))
    const frames: Uint8Array[] = []
    fine.on('message', (data: Buffer) => frames.push(new Uint8Array(data)))
    await new Promise((resolve) => fine.once('open', resolve))
    fine.send(encodeSyncStep1Frame(Y.encodeStateVector(new Y.Doc())))
    await expect
      .poll(() => frames.some((f) => decodeServerFrame(f).type === 'sync-step2'))
      .toBe(true)
    fine.close()
  })
})
