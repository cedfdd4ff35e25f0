import { CloseCode } from '@koers/protocol'
import { ageWorkspace, databaseFile } from '@koers/server/testing/ageRecords'
import { fileBytesContain, findInDatabase } from '@koers/server/testing/databaseScan'
import { execFileSync } from 'node:child_process'
import { describe, expect, test } from 'vitest'
import { call, createWorkspace, joinAs, workspaceWithRoles, type Session } from '../support/api.ts'
import { openClient, openRawSocket } from '../support/testClients.ts'
import { addParagraph, bodyText, sectionIds } from '../support/typing.ts'
import { repoRoot } from '../support/spawnServer.ts'
import { startTestServer, testDataDir } from '../support/testServer.ts'

const DAY_MS = 24 * 60 * 60 * 1000

const deleteAs = (url: string, workspaceId: string, session?: Session) =>
  call(url, `/api/workspaces/${workspaceId}`, {
    method: 'DELETE',
    headers: session ? { cookie: session.cookie } : {},
  })

const errorCode = (body: unknown): unknown =>
  (body as { error?: { code?: unknown } } | null)?.error?.code

/** Types `text` into the first section's body through a stock client and waits until stored. */
async function writeMarker(url: string, session: Session, text: string): Promise<void> {
  const { doc, provider } = await openClient(url, session)
  const sectionId = sectionIds(doc)[0]!
  addParagraph(doc, sectionId, text)
  await expect.poll(() => bodyText(doc, sectionId)).toContain(text)
  // A second client that syncs after the first proves the server stored the change.
  const check = await openClient(url, session)
  await expect.poll(() => bodyText(check.doc, sectionId), { timeout: 10_000 }).toContain(text)
  provider.disconnect()
  check.provider.disconnect()
}

describe('deleting a workspace (docs/privacy.md)', () => {
  test('PRIV-2 only a facilitator may delete: editors and viewers get 403, no session 401', async () => {
    const server = await startTestServer()
    const { workspace, editor, viewer } = await workspaceWithRoles(server.url)
    const other = await createWorkspace(server.url)
    const otherFacilitator = await joinAs(server.url, other.keys.facilitator, 'Andere Fenna')
    for (const session of [editor, viewer]) {
      const res = await deleteAs(server.url, workspace.id, session)
      expect(res.status).toBe(403)
      expect(errorCode(res.body)).toBe('forbidden')
    }
    expect((await deleteAs(server.url, workspace.id)).status).toBe(401)
    // A facilitator of another workspace has no session here.
    expect((await deleteAs(server.url, workspace.id, otherFacilitator)).status).toBe(401)
    expect((await joinAs(server.url, workspace.keys.editor, 'Eva')).workspaceId).toBe(workspace.id)
  })

  test('PRIV-2 PRIV-3 a facilitator deletes for good: 204, sockets closed with 4410, links dead, nothing left in any table, others untouched', async () => {
    const dataDir = await testDataDir()
    const server = await startTestServer({ dataDir })
    const doomed = await workspaceWithRoles(server.url)
    const kept = await workspaceWithRoles(server.url)
    await writeMarker(server.url, doomed.editor, 'GEHEIM-PRIV-2-MARKER')
    await writeMarker(server.url, kept.editor, 'BLIJFT-PRIV-2-MARKER')

    const doomedSockets = [
      await openRawSocket(server.url, doomed.editor),
      await openRawSocket(server.url, doomed.viewer),
    ]
    const keptClient = await openClient(server.url, kept.editor)
    const keptSocket = await openRawSocket(server.url, kept.viewer)

    const res = await deleteAs(server.url, doomed.workspace.id, doomed.facilitator)
    expect(res.status).toBe(204)
    for (const socket of doomedSockets) {
      expect(await socket.closed).toMatchObject({ code: CloseCode.WorkspaceDeleted })
    }

    // Links, sessions and tickets of the deleted workspace stop working.
    for (const key of Object.values(doomed.workspace.keys)) {
      const join = await call(server.url, '/api/session', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ key, displayName: 'Terug' }),
      })
      expect(join.status).toBe(401)
    }
    const ticket = await call(server.url, `/api/workspaces/${doomed.workspace.id}/ticket`, {
      method: 'POST',
      headers: { cookie: doomed.editor.cookie },
    })
    expect(ticket.status).toBe(401)
    const me = await call(server.url, `/api/workspaces/${doomed.workspace.id}/me`, {
      headers: { cookie: doomed.facilitator.cookie },
    })
    expect(me.status).toBe(401)
    expect((await deleteAs(server.url, doomed.workspace.id, doomed.facilitator)).status).toBe(401)

    // The other workspace carries on: its sockets stay open and edits still travel.
    const keptSection = sectionIds(keptClient.doc)[0]!
    addParagraph(keptClient.doc, keptSection, 'nog steeds hier')
    const observer = await openClient(server.url, kept.viewer)
    await expect.poll(() => bodyText(observer.doc, keptSection)).toContain('nog steeds hier')
    expect(keptSocket.ws.readyState).toBe(keptSocket.ws.OPEN)

    // Scan the SQLite file while the server runs, and again after it stopped.
    const file = databaseFile(dataDir)
    expect(findInDatabase(file, doomed.workspace.id)).toEqual([])
    expect(findInDatabase(file, doomed.editor.participantId)).toEqual([])
    expect(findInDatabase(file, kept.workspace.id).length).toBeGreaterThan(0)
    await server.stop()
    expect(findInDatabase(file, doomed.workspace.id)).toEqual([])
    expect(fileBytesContain(file, 'GEHEIM-PRIV-2-MARKER')).toBe(false)
    expect(fileBytesContain(file, 'BLIJFT-PRIV-2-MARKER')).toBe(true)
  })
})

test('PRIV-2 the host lists and deletes a workspace with `pnpm workspaces` while Koers is stopped', async () => {
  const dataDir = await testDataDir()
  const server = await startTestServer({ dataDir })
  const doomed = await createWorkspace(server.url, { title: 'Weg ermee', school: 'De Linde' })
  const kept = await createWorkspace(server.url, { title: 'Blijft', school: 'De Linde' })
  await server.stop()
  const cli = (...args: string[]) =>
    execFileSync(process.execPath, ['--import', 'tsx', 'server/src/cli/workspaces.ts', ...args], {
      cwd: repoRoot,
      env: { ...process.env, KOERS_DATA_DIR: dataDir },
      encoding: 'utf8',
    })
  const listed = cli('list')
  expect(listed).toContain(`${doomed.id}  `)
  expect(listed).toContain('De Linde – Weg ermee')
  expect(cli('delete', doomed.id)).toContain(`Deleted workspace ${doomed.id}`)
  const file = databaseFile(dataDir)
  expect(findInDatabase(file, doomed.id)).toEqual([])
  expect(findInDatabase(file, kept.id).length).toBeGreaterThan(0)
  expect(cli('list')).not.toContain(doomed.id)
})

test('PRIV-1 no IP address is stored, and the only cookie is koers_session', async () => {
  const dataDir = await testDataDir()
  const server = await startTestServer({ dataDir, env: { KOERS_TRUST_PROXY: '1' } })
  const forwarded = { 'x-forwarded-for': '203.0.113.77' }
  const created = await call(server.url, '/api/workspaces', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...forwarded },
    body: JSON.stringify({ title: 'Visie', school: 'De Linde' }),
  })
  const { links, id } = created.body as { id: string; links: Record<string, string> }
  const join = await fetch(`${server.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...forwarded },
    body: JSON.stringify({ key: links.editor!.split('#')[1], displayName: 'Eva' }),
  })
  const cookies = join.headers.getSetCookie().map((cookie) => cookie.split('=')[0])
  expect(cookies).toEqual(['koers_session'])
  const cookie = join.headers.getSetCookie()[0]!.split(';')[0]!
  await openClient(server.url, { workspaceId: id, role: 'editor', participantId: '', cookie })
  await server.stop()
  const file = databaseFile(dataDir)
  expect(findInDatabase(file, id).length).toBeGreaterThan(0)
  for (const address of ['127.0.0.1', '203.0.113.77']) {
    expect({ address, found: findInDatabase(file, address) }).toEqual({ address, found: [] })
  }
})

describe('retention and purging (docs/privacy.md)', () => {
  test('PRIV-5 PRIV-3 with KOERS_RETENTION_DAYS, a workspace unused that long is deleted at start, leaving nothing', async () => {
    const dataDir = await testDataDir()
    const first = await startTestServer({ dataDir })
    const old = await workspaceWithRoles(first.url)
    const recent = await workspaceWithRoles(first.url)
    await writeMarker(first.url, old.editor, 'OUD-PRIV-5-MARKER')
    await first.stop()
    ageWorkspace(dataDir, old.workspace.id, 31)

    const second = await startTestServer({ dataDir, env: { KOERS_RETENTION_DAYS: '30' } })
    const file = databaseFile(dataDir)
    expect(findInDatabase(file, old.workspace.id)).toEqual([])
    const join = await call(second.url, '/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key: old.workspace.keys.editor, displayName: 'Eva' }),
    })
    expect(join.status).toBe(401)
    // The recent one is intact: its sessions, its document.
    const { doc } = await openClient(second.url, recent.editor)
    expect(sectionIds(doc).length).toBeGreaterThan(0)
    await second.stop()
    expect(fileBytesContain(file, 'OUD-PRIV-5-MARKER')).toBe(false)
  })

  test('PRIV-6 GET /me says when the retention period would delete the workspace; null without one', async () => {
    const plain = await startTestServer()
    const a = await createWorkspace(plain.url)
    const aSession = await joinAs(plain.url, a.keys.viewer, 'Victor')
    const aMe = await call(plain.url, `/api/workspaces/${a.id}/me`, {
      headers: { cookie: aSession.cookie },
    })
    expect((aMe.body as { retention: unknown }).retention).toBeNull()

    const retaining = await startTestServer({ env: { KOERS_RETENTION_DAYS: '30' } })
    const b = await createWorkspace(retaining.url)
    const bSession = await joinAs(retaining.url, b.keys.viewer, 'Victor')
    const bMe = await call(retaining.url, `/api/workspaces/${b.id}/me`, {
      headers: { cookie: bSession.cookie },
    })
    const deletesAt = new Date(
      (bMe.body as { retention: { deletesAt: string } }).retention.deletesAt,
    ).getTime()
    expect(Math.abs(deletesAt - (Date.now() + 30 * DAY_MS))).toBeLessThan(5 * 60_000)
  })

  test('PRIV-4 sessions older than 180 days are purged at start', async () => {
    const dataDir = await testDataDir()
    const first = await startTestServer({ dataDir })
    const workspace = await createWorkspace(first.url)
    const session = await joinAs(first.url, workspace.keys.editor, 'Oude Sessie')
    await first.stop()
    ageWorkspace(dataDir, workspace.id, 181)
    const file = databaseFile(dataDir)
    expect(findInDatabase(file, session.participantId).length).toBeGreaterThan(0)

    const second = await startTestServer({ dataDir })
    expect(findInDatabase(file, session.participantId)).toEqual([])
    expect(findInDatabase(file, 'Oude Sessie')).toEqual([])
    // Without a retention period the workspace itself stays: its links still work.
    expect((await joinAs(second.url, workspace.keys.editor, 'Eva')).workspaceId).toBe(workspace.id)
  })

  test('PRIV-7 GET /api/privacy states the session lifetime and the retention period', async () => {
    const plain = await startTestServer()
    expect((await call(plain.url, '/api/privacy')).body).toEqual({
      sessionDays: 180,
      retentionDays: null,
    })
    const retaining = await startTestServer({ env: { KOERS_RETENTION_DAYS: '365' } })
    expect((await call(retaining.url, '/api/privacy')).body).toEqual({
      sessionDays: 180,
      retentionDays: 365,
    })
  })
})
