import { addAction, addPrinciple, listSections, updateMeta } from '@koers/doc-model'
import { countRows } from '@koers/server/testing/databaseScan'
import { connect } from 'node:net'
import { join } from 'node:path'
import { describe, expect, onTestFinished, test } from 'vitest'
import * as Y from 'yjs'
import { createWorkspace, joinAs, keyOfLink, workspaceWithRoles } from '../support/api.ts'
import { download, exportPath, importBackup, markdownOf } from '../support/deliverApi.ts'
import { addParagraph } from '../support/paragraphs.ts'
import { disposeProvider, syncedProvider } from '../support/provider.ts'
import { startTestServer } from '../support/testServer.ts'
import type { ServerHandle } from '../support/spawnServer.ts'

const errorOf = (body: unknown): { code?: unknown; message?: unknown } =>
  (body as { error?: { code?: unknown; message?: unknown } } | null)?.error ?? {}

const workspaces = (server: ServerHandle): number =>
  countRows(join(server.dataDir, 'koers.sqlite'), 'workspaces')

/** Sends only the head of an import that announces `bytes`, and returns the raw answer. */
function announceBody(server: ServerHandle, bytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1')
    let answer = ''
    socket.on('data', (chunk) => {
      answer += chunk.toString('utf8')
      if (answer.includes('}}')) {
        socket.destroy()
        resolve(answer)
      }
    })
    socket.on('error', reject)
    socket.write(
      'POST /api/workspaces/import HTTP/1.1\r\nHost: 127.0.0.1\r\n' +
        `Content-Type: application/json\r\nContent-Length: ${bytes}\r\n\r\n{"format":`,
    )
  })
}

/** A workspace with text, a principle and an action; returns its backup and its Markdown. */
async function filledWorkspace(server: ServerHandle) {
  const roles = await workspaceWithRoles(server.url)
  const provider = await syncedProvider(server.url, roles.workspace.id, roles.facilitator.cookie)
  onTestFinished(() => disposeProvider(provider))
  const doc = provider.doc
  doc.transact(() => {
    addParagraph(doc, listSections(doc)[1]!.id, 'Wij kiezen voor één café-gesprek per maand.')
    const principle = addPrinciple(doc, {
      statement: 'Wij kiezen voor privacy',
      values: ['privacy'],
    })
    addAction(doc, { what: 'DPIA’s bijwerken', owner: 'ICT-coördinator', principleId: principle })
    updateMeta(doc, { period: '2026–2030', sector: 'po' })
  })
  await expect
    .poll(() => markdownOf(server.url, roles.workspace.id, roles.viewer.cookie), {
      timeout: 20_000,
    })
    .toContain('DPIA')
  const backup = await download(
    server.url,
    exportPath(roles.workspace.id, 'format=json'),
    roles.editor.cookie,
  )
  expect(backup.status).toBe(200)
  return {
    roles,
    backup: backup.text,
    markdown: await markdownOf(server.url, roles.workspace.id, roles.viewer.cookie),
  }
}

describe('backup import (VER-7, VER-9)', () => {
  test('VER-7 a backup imports as a new workspace with new links, and exports the same Markdown', async () => {
    const server = await startTestServer()
    const { roles, backup, markdown } = await filledWorkspace(server)
    const imported = await importBackup(server.url, backup)
    expect(imported.status).toBe(201)
    const created = imported.body as { id: string; links: Record<string, string> }
    expect(created.id).not.toBe(roles.workspace.id)
    for (const role of ['facilitator', 'editor', 'viewer']) {
      expect(created.links[role]).toMatch(new RegExp(`^${server.url}/join#.{16,}`))
      expect(created.links[role]).not.toContain(roles.workspace.keys.facilitator)
    }
    const facilitator = await joinAs(server.url, keyOfLink(created.links.facilitator!), 'Fenna')
    expect(facilitator.role).toBe('facilitator')
    expect(await markdownOf(server.url, created.id, facilitator.cookie)).toBe(markdown)
    // The new workspace is live: people can open and edit it.
    const provider = await syncedProvider(server.url, created.id, facilitator.cookie)
    onTestFinished(() => disposeProvider(provider))
    updateMeta(provider.doc, { period: 'Na de import' })
    await expect
      .poll(() => markdownOf(server.url, created.id, facilitator.cookie), { timeout: 20_000 })
      .toContain('Na de import')
    expect(await markdownOf(server.url, roles.workspace.id, roles.viewer.cookie)).toBe(markdown)
  })

  test('VER-7 broken, truncated, foreign, invalid and oversized files are refused with a clear message; nothing is created', async () => {
    const server = await startTestServer({ env: { KOERS_MAX_DOCUMENT_ITEMS: '1000' } })
    const { backup } = await filledWorkspace(server)
    const count = workspaces(server)
    const parsed = JSON.parse(backup) as { document: { state: string } }

    // A document outside the schema: an unknown root beside the real ones.
    const doc = new Y.Doc()
    Y.applyUpdate(doc, new Uint8Array(Buffer.from(parsed.document.state, 'base64')))
    doc.getMap('geheim').set('x', 1)
    const foreignRoot = JSON.stringify({
      ...parsed,
      document: { state: Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64') },
    })
    // A document with more structs than the server allows.
    doc.transact(() => {
      for (let i = 0; i < 1200; i++) doc.getMap('meta').set('period', `${i}`)
    })
    const many = new Y.Doc()
    Y.applyUpdate(many, new Uint8Array(Buffer.from(parsed.document.state, 'base64')))
    const big = many.getText('notes')
    for (let i = 0; i < 1200; i++) many.transact(() => big.insert(0, 'x'), i)

    const cases: [string, string, number, RegExp][] = [
      ['truncated', backup.slice(0, Math.floor(backup.length / 2)), 400, /JSON/i],
      ['not JSON', 'hallo', 400, /JSON/i],
      ['an array', '[1,2,3]', 400, /.+/],
      ['foreign', JSON.stringify({ format: 'word', version: 1 }), 400, /not a Koers backup/],
      ['newer version', JSON.stringify({ ...parsed, version: 2 }), 400, /version 2/],
      ['damaged state', JSON.stringify({ ...parsed, document: { state: 'AAAA' } }), 400, /.+/],
      ['outside the schema', foreignRoot, 400, /rules.*geheim/],
      [
        'too many parts',
        JSON.stringify({
          ...parsed,
          document: { state: Buffer.from(Y.encodeStateAsUpdate(many)).toString('base64') },
        }),
        413,
        /more parts/,
      ],
    ]
    for (const [what, body, status, message] of cases) {
      const res = await importBackup(server.url, body)
      expect({ what, status: res.status }).toEqual({ what, status })
      expect(String(errorOf(res.body).message), what).toMatch(message)
    }
    // Announced as 17 MiB: refused from its Content-Length, before the body is read.
    const oversized = await announceBody(server, 17 * 1024 * 1024)
    expect(oversized).toMatch(/^HTTP\/1\.1 413/)
    expect(oversized).toContain('16 MiB')
    expect(workspaces(server)).toBe(count)
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
  })

  test('VER-7 PERM-8 SEC-2 importing needs the create key when one is set, and counts as creating', async () => {
    const server = await startTestServer({
      env: { KOERS_CREATE_KEY: 'geheime-sleutel-42', KOERS_CREATES_PER_HOUR: '2' },
    })
    const created = await createWorkspace(server.url, undefined, 'geheime-sleutel-42')
    const facilitator = await joinAs(server.url, created.keys.facilitator, 'Fenna')
    const backup = await download(
      server.url,
      exportPath(created.id, 'format=json'),
      facilitator.cookie,
    )
    const refused = await importBackup(server.url, backup.text)
    expect(refused.status).toBe(401)
    expect(errorOf(refused.body).code).toBe('create_key_required')
    const wrongType = await fetch(`${server.url}/api/workspaces/import`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', authorization: 'Bearer geheime-sleutel-42' },
      body: backup.text,
    })
    expect(wrongType.status).toBe(415)
    // The create throttle counts imports too: 2 per hour, one was the creation above.
    expect((await importBackup(server.url, backup.text, 'geheime-sleutel-42')).status).toBe(429)
  })
})
