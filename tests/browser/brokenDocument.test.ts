import { isBodyValid } from '@koers/doc-model'
import { appendUnchecked } from '@koers/server/testing/oldStoreDocument'
import type { Browser } from 'playwright-core'
import { afterAll, describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { createWorkspace, joinAs } from '../support/api.ts'
import {
  browserAvailable,
  ensureWebBuild,
  joinThroughLink,
  launchBrowser,
  newPerson,
  sectionEditor,
  webDist,
} from '../support/browser.ts'
import { saveScreenshot } from '../support/layout.ts'
import { removeDataDir, spawnServer, type ServerHandle } from '../support/spawnServer.ts'
import { openClient } from '../support/testClients.ts'
import { bodyOf, bodyText, sectionIds, typeInto } from '../support/typing.ts'

/** What an old store could hold: a bare text at a body's root, and 3,000 nested blockquotes. */
function brokenUpdate(base: Y.Doc, bare: string, deep: string): Uint8Array {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(base))
  const before = Y.encodeStateVector(doc)
  bodyOf(doc, bare).insert(0, [new Y.XmlText('losse tekst uit een oud bestand')])
  bodyOf(doc, deep).insert(0, [new Y.XmlElement('blockquote')])
  let inner = bodyOf(doc, deep).get(0) as Y.XmlElement
  for (let i = 0; i < 3_000; i++) {
    inner.insert(0, [new Y.XmlElement('blockquote')])
    inner = inner.get(0) as Y.XmlElement
  }
  const paragraph = new Y.XmlElement('paragraph')
  paragraph.insert(0, [new Y.XmlText('diep verstopte zin')])
  inner.insert(0, [paragraph])
  return Y.encodeStateAsUpdate(doc, before)
}

describe.skipIf(!browserAvailable)('browser: a broken document from an old store', () => {
  let server: ServerHandle | undefined
  let browser: Browser | undefined
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
    if (server) await removeDataDir(server.dataDir)
  })

  test('WEB-6 the other sections work, each broken one shows an error, and the facilitator repairs it without losing text', async () => {
    ensureWebBuild()
    const env = { KOERS_WEB_DIR: webDist }
    const first = await spawnServer({ env })
    const workspace = await createWorkspace(first.url)
    const writer = await openClient(
      first.url,
      await joinAs(first.url, workspace.keys.facilitator, 'Voorbereider'),
    )
    const [intact, bare, deep] = sectionIds(writer.doc) as [string, string, string]
    typeInto(writer.doc, intact, 'Wij zetten de mens voorop.')
    const check = await openClient(
      first.url,
      await joinAs(first.url, workspace.keys.viewer, 'Controle'),
    )
    await expect.poll(() => bodyText(check.doc, intact)).toContain('voorop')
    writer.provider.disconnect()
    check.provider.disconnect()
    const update = brokenUpdate(writer.doc, bare, deep)
    await first.stop()
    await appendUnchecked(first.dataDir, workspace.id, update)
    server = await spawnServer({ env, port: first.port, dataDir: first.dataDir })

    browser = await launchBrowser()
    const lead = await newPerson(browser, 'broken-lead')
    const anna = await newPerson(browser, 'broken-editor')
    const pageErrors: string[] = []
    for (const { page } of [lead, anna]) page.on('pageerror', (e) => pageErrors.push(e.message))
    await joinThroughLink(lead.page, workspace.links.facilitator, 'Procesbegeleider')
    await joinThroughLink(anna.page, workspace.links.editor, 'Anna')

    // Never a blank page: the tabs, the intact section with its text, and an error per broken one.
    await anna.page.getByRole('tab', { name: 'Tekst' }).waitFor()
    await expect
      .poll(() => sectionEditor(anna.page, intact).innerText())
      .toContain('Wij zetten de mens voorop.')
    for (const id of [bare, deep]) {
      await expect
        .poll(() => anna.page.getByTestId(`section-broken-${id}`).innerText())
        .toContain('Vraag de procesbegeleider dit onderdeel te herstellen')
      expect(await anna.page.getByTestId(`section-repair-${id}`).count()).toBe(0)
    }
    await saveScreenshot(anna.page, 'broken-section-editor')
    await sectionEditor(anna.page, intact).click()
    await anna.page.keyboard.press('End')
    await anna.page.keyboard.type(' Ook vandaag.')
    await expect.poll(() => sectionEditor(lead.page, intact).innerText()).toContain('Ook vandaag.')

    // The facilitator repairs both; everyone gets the text back as plain paragraphs.
    for (const id of [bare, deep]) await lead.page.getByTestId(`section-repair-${id}`).click()
    await expect
      .poll(() => sectionEditor(anna.page, bare).innerText())
      .toContain('losse tekst uit een oud bestand')
    await expect
      .poll(() => sectionEditor(anna.page, deep).innerText())
      .toContain('diep verstopte zin')
    expect(await anna.page.locator('[data-testid^="section-broken-"]').count()).toBe(0)
    expect(pageErrors).toEqual([])

    // The repair was stored: a fresh replica holds a valid document with every text.
    const fresh = await openClient(
      server.url,
      await joinAs(server.url, workspace.keys.viewer, 'Later'),
    )
    await expect.poll(() => isBodyValid(fresh.doc, bare) && isBodyValid(fresh.doc, deep)).toBe(true)
    expect(bodyText(fresh.doc, bare)).toContain('losse tekst uit een oud bestand')
    expect(bodyText(fresh.doc, deep)).toContain('diep verstopte zin')
  }, 300_000)
})
