import { addPrinciple, listSections, updateMeta } from '@koers/doc-model'
import { parseBackup } from '@koers/export'
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import { docxAsHtml, pdfPages } from '../../packages/export/src/testing/readBack.ts'
import { joinAs, workspaceWithRoles } from '../support/api.ts'
import { download, exportPath, markdownOf } from '../support/deliverApi.ts'
import { addParagraph } from '../support/paragraphs.ts'
import { disposeProvider, syncedProvider } from '../support/provider.ts'
import { removeDataDir, spawnServer, type ServerHandle } from '../support/spawnServer.ts'

const errorCode = (text: string): unknown =>
  (JSON.parse(text) as { error?: { code?: unknown } }).error?.code

const CONTENT_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  json: 'application/json',
} as const

describe('export API (docs/export.md, EXP-16 … EXP-19)', () => {
  let server: ServerHandle
  let roles: Awaited<ReturnType<typeof workspaceWithRoles>>
  const marker = 'Wij kiezen voor rust in de klas'

  beforeAll(async () => {
    // One warm server: the warm-up export at start is part of what is tested (EXP-17).
    server = await spawnServer({ env: { KOERS_EXPORT_WARMUP: '1' } })
    roles = await workspaceWithRoles(server.url)
    const provider = await syncedProvider(server.url, roles.workspace.id, roles.facilitator.cookie)
    const doc = provider.doc
    const first = listSections(doc)[0]!
    doc.transact(() => {
      addParagraph(doc, first.id, `${marker}, één keer per week.`)
      addPrinciple(doc, {
        statement: 'Wij kiezen voor privacy, omdat het telt',
        values: ['privacy'],
      })
      updateMeta(doc, { period: '2026–2030' })
    })
    await vi.waitFor(
      async () => {
        expect(await markdownOf(server.url, roles.workspace.id, roles.viewer.cookie)).toContain(
          marker,
        )
      },
      // The warm-up export (EXP-17) shares the worker; on a busy machine it takes a while.
      { timeout: 90_000, interval: 500 },
    )
    disposeProvider(provider)
  })
  afterAll(async () => {
    await server?.stop()
    if (server) await removeDataDir(server.dataDir)
  })

  test('EXP-16 every role downloads every format with its content type and an attachment file name', async () => {
    const cookies = [roles.facilitator.cookie, roles.editor.cookie, roles.viewer.cookie]
    for (const [format, type] of Object.entries(CONTENT_TYPES)) {
      const cookie = cookies[Object.keys(CONTENT_TYPES).indexOf(format) % 3]!
      const file = await download(
        server.url,
        exportPath(roles.workspace.id, `format=${format}`),
        cookie,
      )
      expect({ format, status: file.status }).toEqual({ format, status: 200 })
      expect(file.headers.get('content-type')).toBe(type)
      expect(file.headers.get('content-disposition')).toBe(
        `attachment; filename="visie-op-digitalisering-de-regenboog.${format}"; ` +
          `filename*=UTF-8''visie-op-digitalisering-de-regenboog.${format}`,
      )
      expect(file.headers.get('content-length')).toBe(String(file.bytes.byteLength))
      expect(file.headers.get('cache-control')).toBe('no-store')
      switch (format) {
        case 'docx':
          expect(await docxAsHtml(file.bytes)).toContain(marker)
          break
        case 'pdf':
          expect((await pdfPages(file.bytes)).join('\n').replace(/\s+/g, ' ')).toContain(marker)
          break
        case 'json': {
          const parsed = parseBackup(file.text)
          expect(parsed.ok).toBe(true)
          break
        }
        default:
          expect(file.text).toContain(marker)
      }
    }
  })

  test('EXP-16 the options: language, guiding questions and the appendix with the number of participants', async () => {
    const id = roles.workspace.id
    const plain = await markdownOf(server.url, id, roles.editor.cookie)
    expect(plain).toContain('## Inhoud')
    expect(plain).not.toContain('Bijlage')
    const english = await download(
      server.url,
      exportPath(id, 'format=md&lang=en&appendix=1&questions=1'),
      roles.editor.cookie,
    )
    expect(english.text).toContain('## Contents')
    expect(english.text).toContain('Appendix: how this vision came about')
    // Three people joined (facilitator, editor, viewer); no names in the file.
    expect(english.text).toMatch(/Number of participants\W+3\b/)
    expect(english.text).not.toContain('Victor')
    const withQuestions = await download(
      server.url,
      exportPath(id, 'format=md&questions=1'),
      roles.viewer.cookie,
    )
    expect(withQuestions.text.length).toBeGreaterThan(plain.length)
    expect(withQuestions.text).toContain('?')
  })

  test('EXP-16 no session 401, a session of another workspace 403, bad options 400, all as JSON errors', async () => {
    const id = roles.workspace.id
    const none = await download(server.url, exportPath(id, 'format=pdf'))
    expect(none.status).toBe(401)
    expect(errorCode(none.text)).toBe('unauthorized')
    const other = await workspaceWithRoles(server.url)
    const foreign = await download(
      server.url,
      exportPath(id, 'format=pdf'),
      other.facilitator.cookie,
    )
    expect(foreign.status).toBe(403)
    expect(errorCode(foreign.text)).toBe('forbidden')
    for (const query of ['format=odt', '', 'format=md&lang=de', 'format=md&appendix=ja']) {
      const bad = await download(server.url, exportPath(id, query), roles.viewer.cookie)
      expect({ query, status: bad.status, code: errorCode(bad.text) }).toEqual({
        query,
        status: 400,
        code: 'invalid_input',
      })
    }
    const badId = await download(
      server.url,
      exportPath('not a workspace!', 'format=md'),
      roles.viewer.cookie,
    )
    expect(badId.status).toBe(404)
  })

  test('EXP-19 a cancelled export does not stop the next one; the server stays up', async () => {
    const id = roles.workspace.id
    const aborter = new AbortController()
    const cancelled = download(
      server.url,
      exportPath(id, 'format=pdf&appendix=1'),
      roles.viewer.cookie,
      aborter.signal,
    )
    aborter.abort()
    await expect(cancelled).rejects.toThrow()
    const again = await download(server.url, exportPath(id, 'format=docx'), roles.viewer.cookie)
    expect(again.status).toBe(200)
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
  })

  test('EXP-16 a new participant joining is counted in the appendix', async () => {
    const extra = await joinAs(server.url, roles.workspace.keys.editor, 'Erik')
    const file = await download(
      server.url,
      exportPath(roles.workspace.id, 'format=md&appendix=1'),
      extra.cookie,
    )
    expect(file.text).toMatch(/Aantal deelnemers\W+4\b/)
  })
})
