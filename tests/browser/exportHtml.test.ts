import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { listSections, sectionBody } from '@koers/doc-model'
import { exportWorkspace } from '@koers/export'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { seriousViolations } from '../support/axe.ts'
import { artifactsDir, browserAvailable, launchBrowser, newPerson } from '../support/browser.ts'
import { typedVision } from '../support/typedVision.ts'

/** A typed vision with the kinds of text a team writes, plus text that must stay text. */
function vision(): Y.Doc {
  const doc = typedVision(7, { words: 1500, sections: 13, principles: 6, actions: 8 })
  const paragraph = new Y.XmlElement('paragraph')
  paragraph.insert(0, [new Y.XmlText('<script>alert(1)</script> * | # ‘één’ – café')])
  sectionBody(doc, listSections(doc)[0]!.id).insert(0, [paragraph])
  return doc
}

describe.skipIf(!browserAvailable)('browser: the HTML export (axe-core)', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })

  for (const lang of ['nl', 'en'] as const) {
    test(`EXP-8 the ${lang} HTML export has no serious or critical violation and runs nothing`, async () => {
      const result = await exportWorkspace(vision(), 'html', {
        lang,
        questions: true,
        appendix: true,
        participants: 42,
      })
      const { page, context } = await newPerson(browser, `export-html-${lang}`)
      const requests: string[] = []
      page.on('request', (request) => requests.push(request.url()))
      const dialogs: string[] = []
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message())
        void dialog.dismiss()
      })
      await page.setContent(new TextDecoder().decode(result.bytes), { waitUntil: 'load' })

      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang)
      expect(await page.locator('script').count()).toBe(0)
      await expect.poll(() => page.getByRole('main').count()).toBe(1)
      expect(await page.getByRole('navigation').count()).toBe(1)
      expect(await page.getByRole('banner').count()).toBe(1)
      expect(await page.getByRole('contentinfo').count()).toBe(1)
      expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1)
      expect(await page.getByRole('columnheader').count()).toBeGreaterThanOrEqual(5)
      await expect
        .poll(() => page.getByText('<script>alert(1)</script> * | # ‘één’ – café').count())
        .toBe(1)

      expect(await seriousViolations(page)).toEqual([])
      expect(requests.filter((url) => !url.startsWith('about:'))).toEqual([])
      expect(dialogs).toEqual([])

      mkdirSync(artifactsDir, { recursive: true })
      await page.screenshot({
        path: join(artifactsDir, `export-html-${lang}.png`),
        fullPage: false,
      })
      await context.close()
    })
  }
})
