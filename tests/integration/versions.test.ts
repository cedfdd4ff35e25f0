import {
  addPrinciple,
  listPrinciples,
  listSections,
  metaText,
  setAdoptionStatus,
  updateMeta,
} from '@koers/doc-model'
import { describe, expect, onTestFinished, test } from 'vitest'
import * as Y from 'yjs'
import { workspaceWithRoles } from '../support/api.ts'
import {
  download,
  listVersions,
  markdownOf,
  restoreVersion,
  saveVersion,
  versionExportPath,
} from '../support/deliverApi.ts'
import { docContent, updateContent } from '../support/docContent.ts'
import { addParagraph, paragraphText } from '../support/paragraphs.ts'
import { disposeProvider, syncedProvider } from '../support/provider.ts'
import { spawnServer, type ServerHandle } from '../support/spawnServer.ts'
import { startTestServer, testDataDir } from '../support/testServer.ts'
import type { WebsocketProvider } from 'y-websocket'

const errorCode = (body: unknown): unknown =>
  (body as { error?: { code?: unknown } } | null)?.error?.code

/** A stock provider for the current test, destroyed when it finishes. */
async function providerFor(url: string, workspaceId: string, cookie: string) {
  const provider = await syncedProvider(url, workspaceId, cookie)
  onTestFinished(() => disposeProvider(provider))
  return provider
}

/** Waits until the stored document, exported as Markdown, contains (or lacks) a text. */
async function untilStored(url: string, id: string, cookie: string, text: string): Promise<void> {
  await expect.poll(() => markdownOf(url, id, cookie), { timeout: 20_000 }).toContain(text)
}

describe('named versions (docs/versions.md)', () => {
  test('VER-1 VER-2 VER-4 a facilitator saves versions, everyone lists them newest first, they export as they were and survive a restart', async () => {
    const dataDir = await testDataDir()
    let server: ServerHandle = await spawnServer({ dataDir })
    onTestFinished(() => server.stop())
    const { workspace, facilitator, editor, viewer } = await workspaceWithRoles(server.url)
    const id = workspace.id
    const writer = await providerFor(server.url, id, facilitator.cookie)
    const sectionId = listSections(writer.doc)[0]!.id
    addParagraph(writer.doc, sectionId, 'De eerste versie van de tekst.')
    await untilStored(server.url, id, viewer.cookie, 'De eerste versie')

    const first = await saveVersion(server.url, id, facilitator.cookie, '  Na de studiedag  ')
    expect(first.status).toBe(201)
    expect(first.version).toEqual({
      id: expect.any(String),
      name: 'Na de studiedag',
      createdAt: expect.any(String),
    })
    addParagraph(writer.doc, sectionId, 'Een zin die later kwam.')
    await untilStored(server.url, id, viewer.cookie, 'later kwam')
    const second = await saveVersion(server.url, id, facilitator.cookie, 'Voor de MR')
    expect(second.status).toBe(201)

    // Editors and viewers may not save.
    for (const cookie of [editor.cookie, viewer.cookie]) {
      const refused = await saveVersion(server.url, id, cookie, 'Niet van mij')
      expect(refused.status).toBe(403)
      expect(errorCode(refused.body)).toBe('forbidden')
    }
    const listed = await listVersions(server.url, id, viewer.cookie)
    expect(listed.map((v) => [v.name, v.kind])).toEqual([
      ['Voor de MR', 'named'],
      ['Na de studiedag', 'named'],
    ])

    const firstExport = await download(
      server.url,
      versionExportPath(id, first.version.id, 'format=md'),
      editor.cookie,
    )
    expect(firstExport.status).toBe(200)
    expect(firstExport.text).toContain('De eerste versie')
    expect(firstExport.text).not.toContain('later kwam')
    const docx = await download(
      server.url,
      versionExportPath(id, first.version.id, 'format=docx'),
      viewer.cookie,
    )
    expect(docx.status).toBe(200)
    expect(docx.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.docx"/)

    disposeProvider(writer)
    await server.stop()
    server = await spawnServer({ dataDir })
    const after = await listVersions(server.url, id, viewer.cookie)
    expect(after).toEqual(listed)
    const again = await download(
      server.url,
      versionExportPath(id, first.version.id, 'format=md'),
      viewer.cookie,
    )
    expect(again.text).toBe(firstExport.text)
  })

  test('VER-3 Koers saves a version by itself when the adoption status changes', async () => {
    const server = await startTestServer()
    const { workspace, facilitator, viewer } = await workspaceWithRoles(server.url)
    const writer = await providerFor(server.url, workspace.id, facilitator.cookie)
    updateMeta(writer.doc, { period: 'Ter instemming' })
    setAdoptionStatus(writer.doc, 'mr', { date: '2026-12-01', note: 'Naar de MR' })
    await expect
      .poll(
        async () =>
          (await listVersions(server.url, workspace.id, viewer.cookie)).map((v) => [
            v.name,
            v.kind,
          ]),
        {
          timeout: 20_000,
        },
      )
      .toEqual([['Voorgelegd aan de MR', 'auto-status']])
    const [auto] = await listVersions(server.url, workspace.id, viewer.cookie)
    const file = await download(
      server.url,
      versionExportPath(workspace.id, auto!.id, 'format=md'),
      viewer.cookie,
    )
    expect(file.text).toContain('Ter instemming')
    expect(file.text).toContain('MR')
    // Another change that keeps the status saves nothing.
    updateMeta(writer.doc, { period: 'Nog steeds MR' })
    await untilStored(server.url, workspace.id, viewer.cookie, 'Nog steeds MR')
    setAdoptionStatus(writer.doc, 'vastgesteld', { date: '2026-12-10', note: '' })
    await expect
      .poll(
        async () =>
          (await listVersions(server.url, workspace.id, viewer.cookie)).map((v) => v.name),
        {
          timeout: 20_000,
        },
      )
      .toEqual(['Vastgesteld', 'Voorgelegd aan de MR'])
  })

  test('VER-5 VER-6 a restore while three stock clients type converges everywhere, keeps their typing, and the before-restore version holds what was there', async () => {
    const dataDir = await testDataDir()
    let server: ServerHandle = await spawnServer({ dataDir })
    onTestFinished(() => server.stop())
    const roles = await workspaceWithRoles(server.url)
    const id = roles.workspace.id
    const facilitator = await providerFor(server.url, id, roles.facilitator.cookie)
    const [s1, s2] = listSections(facilitator.doc)
    facilitator.doc.transact(() => {
      updateMeta(facilitator.doc, { period: '2025–2029' })
      addParagraph(facilitator.doc, s1!.id, 'Versie één: wij kiezen voor rust.')
      addParagraph(facilitator.doc, s2!.id, 'Een vaste alinea.')
    })
    await untilStored(server.url, id, roles.viewer.cookie, 'Versie één')
    const saved = await saveVersion(server.url, id, roles.facilitator.cookie, 'Versie één')
    expect(saved.status).toBe(201)

    // Later work that the restore takes back.
    facilitator.doc.transact(() => {
      const text = paragraphText(facilitator.doc, s1!.id, 0)!
      text.delete(0, 'Versie één'.length)
      text.insert(0, 'Versie twee')
      addPrinciple(facilitator.doc, { statement: 'Een uitgangspunt van later' })
    })
    await untilStored(server.url, id, roles.viewer.cookie, 'Een uitgangspunt van later')

    // Three stock y-websocket clients type while the restore happens, each in a text that the
    // version has too: the period, the changed paragraph, an unchanged paragraph.
    const typists: WebsocketProvider[] = []
    for (let i = 0; i < 3; i++) typists.push(await providerFor(server.url, id, roles.editor.cookie))
    const targets = [
      (doc: Y.Doc) => metaText(doc, 'period')!,
      (doc: Y.Doc) => paragraphText(doc, s1!.id, 0)!,
      (doc: Y.Doc) => paragraphText(doc, s2!.id, 0)!,
    ]
    const typed: string[][] = [[], [], []]
    let typing = true
    const loops = typists.map(async (typist, i) => {
      let n = 0
      while (typing) {
        const word = ` t${i}w${n++}`
        const text = targets[i]!(typist.doc)
        text.insert(text.length, word)
        typed[i]!.push(word.trim())
        await new Promise((resolve) => setTimeout(resolve, 40))
      }
    })
    // Let everyone type for a moment, restore, type on.
    await expect.poll(() => typed.every((words) => words.length >= 5)).toBe(true)
    const typedBefore = typed.map((words) => [...words])
    const restored = await restoreVersion(
      server.url,
      id,
      saved.version.id,
      roles.facilitator.cookie,
    )
    expect(restored.status).toBe(200)
    expect(restored.restored.restored).toMatchObject({ id: saved.version.id, name: 'Versie één' })
    expect(restored.restored.before).toMatchObject({
      kind: 'before-restore',
      name: 'Voor het terugzetten van “Versie één”',
    })
    const countAtRestore = typed.map((words) => words.length)
    await expect
      .poll(() => typed.every((words, i) => words.length >= countAtRestore[i]! + 5))
      .toBe(true)
    typing = false
    await Promise.all(loops)

    // Every replica converges, nobody reloaded.
    const everyone = [facilitator, ...typists]
    await expect
      .poll(() => everyone.map((p) => JSON.stringify(docContent(p.doc))), { timeout: 45_000 })
      .toEqual(everyone.map(() => JSON.stringify(docContent(facilitator.doc))))
    const live = facilitator.doc
    // The content is the version's again …
    expect(paragraphText(live, s1!.id, 0)!.toString()).toMatch(
      /^Versie één: wij kiezen voor rust\./,
    )
    expect(listPrinciples(live)).toEqual([])
    // … and what was typed after the restore is in it: typing merged with the restore.
    const liveText = JSON.stringify(docContent(live))
    for (const [i, words] of typed.entries()) {
      for (const word of words.slice(countAtRestore[i])) expect(liveText).toContain(word)
    }

    // The before-restore version holds what was there: the later work and the typing so far.
    const beforeMd = await download(
      server.url,
      versionExportPath(id, restored.restored.before.id, 'format=md'),
      roles.viewer.cookie,
    )
    expect(beforeMd.text).toContain('Versie twee')
    expect(beforeMd.text).toContain('Een uitgangspunt van later')
    for (const word of typedBefore.flat()) expect(beforeMd.text).toContain(word)
    // Nothing anyone typed is lost: each word is live, or in the before-restore version.
    for (const word of typed.flat()) {
      expect(liveText.includes(word) || beforeMd.text.includes(word), word).toBe(true)
    }
    expect((await listVersions(server.url, id, roles.viewer.cookie)).map((v) => v.kind)).toEqual([
      'before-restore',
      'named',
    ])

    // The store agrees with every replica after a restart.
    const expected = JSON.stringify(docContent(live))
    for (const p of everyone) disposeProvider(p)
    await server.stop()
    server = await spawnServer({ dataDir })
    const fresh = await syncedProvider(server.url, id, roles.viewer.cookie)
    onTestFinished(() => disposeProvider(fresh))
    expect(JSON.stringify(docContent(fresh.doc))).toBe(expected)
    const backup = await download(
      server.url,
      `/api/workspaces/${id}/export?format=json`,
      roles.viewer.cookie,
    )
    const state = (JSON.parse(backup.text) as { document: { state: string } }).document.state
    expect(JSON.stringify(updateContent(new Uint8Array(Buffer.from(state, 'base64'))))).toBe(
      expected,
    )
  })

  test('VER-10 refusals: editors may not restore; unknown, foreign and malformed version ids; bad names and formats; nothing changes', async () => {
    const server = await startTestServer()
    const a = await workspaceWithRoles(server.url)
    const b = await workspaceWithRoles(server.url)
    const id = a.workspace.id
    const version = (await saveVersion(server.url, id, a.facilitator.cookie, 'Eerste')).version
    const foreign = (await saveVersion(server.url, b.workspace.id, b.facilitator.cookie, 'Van B'))
      .version
    const before = await markdownOf(server.url, id, a.viewer.cookie)

    for (const cookie of [a.editor.cookie, a.viewer.cookie]) {
      const refused = await restoreVersion(server.url, id, version.id, cookie)
      expect(refused.status).toBe(403)
      expect(errorCode(refused.body)).toBe('forbidden')
    }
    const unknown = await restoreVersion(server.url, id, 'geen-versie-123', a.facilitator.cookie)
    expect(unknown.status).toBe(404)
    expect(errorCode(unknown.body)).toBe('not_found')
    const other = await restoreVersion(server.url, id, foreign.id, a.facilitator.cookie)
    expect(other.status).toBe(404)
    const otherExport = await download(
      server.url,
      versionExportPath(id, foreign.id, 'format=md'),
      a.facilitator.cookie,
    )
    expect(otherExport.status).toBe(404)
    const malformed = await restoreVersion(server.url, id, 'kapot!id', a.facilitator.cookie)
    expect(malformed.status).toBe(400)
    const noSession = await restoreVersion(server.url, id, version.id, '')
    expect(noSession.status).toBe(401)
    const otherSession = await restoreVersion(server.url, id, version.id, b.facilitator.cookie)
    expect(otherSession.status).toBe(403)
    for (const name of ['', '   ', '\u200b', 'x'.repeat(101)]) {
      const bad = await saveVersion(server.url, id, a.facilitator.cookie, name)
      expect({ name, status: bad.status }).toEqual({ name, status: 400 })
    }
    const badFormat = await download(
      server.url,
      versionExportPath(id, version.id, 'format=odt'),
      a.viewer.cookie,
    )
    expect(badFormat.status).toBe(400)
    expect(await markdownOf(server.url, id, a.viewer.cookie)).toBe(before)
    expect((await listVersions(server.url, id, a.viewer.cookie)).map((v) => v.id)).toEqual([
      version.id,
    ])
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
  })
})
