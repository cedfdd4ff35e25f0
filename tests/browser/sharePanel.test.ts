import { describe, expect, test } from 'vitest'
import { createWorkspace } from '../support/api.ts'
import { seriousViolations } from '../support/axe.ts'
import { saveScreenshot, sidewaysReport } from '../support/layout.ts'
import {
  browserAvailable,
  joinThroughLink,
  newPerson,
  setupBrowserSuite,
} from '../support/browser.ts'

// PERM-15, PERM-16 (docs/permissions.md): the facilitator's "Delen" panel in a real Chromium.

describe.skipIf(!browserAvailable)('browser: the Delen panel (PERM-15, PERM-16)', () => {
  const suite = setupBrowserSuite()

  test('PERM-15 PERM-16 the facilitator finds the links under Delen, copies one, replaces the editor link and ends its sessions; the editor is told', async () => {
    const fenna = await newPerson(suite.browser, 'share-facilitator')
    await fenna.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: suite.server.url,
    })
    const { page } = fenna
    // Created in this browser: the links it saw at creation are kept.
    await page.goto(suite.server.url)
    await page.getByLabel('Titel').fill('Visie De Linde')
    await page.getByLabel('School').fill('OBS De Linde')
    await page.getByRole('button', { name: 'Werkruimte maken' }).click()
    const oldEditorLink = await page.getByTestId('link-editor').inputValue()
    const viewerLink = await page.getByTestId('link-viewer').inputValue()
    await page.getByRole('button', { name: 'Verder als procesbegeleider' }).click()
    await page.getByLabel('Je naam').fill('Fenna')
    await page.getByRole('button', { name: 'Meedoen' }).click()
    await page.getByTestId('sync-status').and(page.locator('[data-state="saved"]')).waitFor({
      timeout: 20_000,
    })

    // An editor on another laptop, through the editor link.
    const eva = await newPerson(suite.browser, 'share-editor')
    await joinThroughLink(eva.page, oldEditorLink, 'Eva')

    await page.getByTestId('share-open').click()
    const dialog = page.getByTestId('share-dialog')
    await dialog.getByRole('heading', { name: 'Delen' }).waitFor()
    expect(await page.getByTestId('share-link-editor').inputValue()).toBe(oldEditorLink)
    expect(await page.getByTestId('share-link-viewer').inputValue()).toBe(viewerLink)
    await dialog.getByRole('button', { name: 'Kopieer link teamleden' }).click()
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(oldEditorLink)
    await saveScreenshot(page, 'share-panel-laptop')

    await page.getByTestId('share-replace-editor').click()
    await page.getByTestId('share-end-sessions-editor').check()
    await saveScreenshot(page, 'share-panel-replace-laptop')
    await page.getByTestId('share-confirm-editor').click()
    await expect
      .poll(() => page.getByTestId('share-message-editor').innerText(), { timeout: 15_000 })
      .toContain('De oude link werkt niet meer')
    const newEditorLink = await page.getByTestId('share-link-editor').inputValue()
    expect(newEditorLink).not.toBe(oldEditorLink)
    expect(newEditorLink).toMatch(/\/join#[A-Za-z0-9_-]{43}$/)
    // The viewer link was not touched.
    expect(await page.getByTestId('share-link-viewer').inputValue()).toBe(viewerLink)

    // Eva is told, in words, why she is out.
    const ended = eva.page.getByTestId('session-ended')
    await ended.waitFor({ timeout: 20_000 })
    expect(await ended.innerText()).toContain('Je sessie is beëindigd')
    expect(await ended.innerText()).toContain('nieuwe link')
    await saveScreenshot(eva.page, 'share-session-ended-editor')

    // The kept links survive a reload: the panel shows the new one.
    await page.keyboard.press('Escape')
    await page.reload()
    await page.getByTestId('share-open').click()
    expect(await page.getByTestId('share-link-editor').inputValue()).toBe(newEditorLink)

    // The new link lets a newcomer in.
    const nina = await newPerson(suite.browser, 'share-newcomer')
    await joinThroughLink(nina.page, newEditorLink, 'Nina')
    await Promise.all([fenna.context.close(), eva.context.close(), nina.context.close()])
  })

  test('PERM-15 A11Y-1 the Delen panel has no serious or critical violation and fits 360 px; a browser that never saw the links offers new ones', async () => {
    const workspace = await createWorkspace(suite.server.url)
    for (const viewport of [undefined, { width: 360, height: 740 }]) {
      const label = viewport ? 'phone' : 'laptop'
      const { page, context } = await newPerson(suite.browser, `share-a11y-${label}`, viewport)
      await joinThroughLink(page, workspace.links.facilitator, `Fenna ${label}`)
      await page.getByTestId('share-open').click()
      await page.getByTestId('share-dialog').getByRole('heading', { name: 'Delen' }).waitFor()
      // Created elsewhere (by the API): this browser does not know the links.
      await page.getByTestId('share-unknown-viewer').waitFor()
      expect({ label, violations: await seriousViolations(page) }).toEqual({
        label,
        violations: [],
      })
      await page.getByTestId('share-replace-viewer').click()
      await page.getByTestId('share-confirm-viewer').click()
      await page.getByTestId('share-link-viewer').waitFor({ timeout: 15_000 })
      expect({ label, violations: await seriousViolations(page) }).toEqual({
        label,
        violations: [],
      })
      await page.getByTestId('share-replace-editor').click()
      await saveScreenshot(page, `share-panel-${label}`)
      const report = await sidewaysReport(page, `share panel ${label}`)
      expect(report.fits, JSON.stringify(report)).toBe(true)
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
      ).toBe(true)
      await context.close()
    }
  })

  test('PERM-15 editors and viewers have no Delen button', async () => {
    const workspace = await createWorkspace(suite.server.url)
    for (const role of ['editor', 'viewer'] as const) {
      const { page, context } = await newPerson(suite.browser, `share-none-${role}`)
      await joinThroughLink(page, workspace.links[role], `Niet ${role}`)
      await page.getByTestId('export-open').waitFor()
      expect(await page.getByTestId('share-open').count()).toBe(0)
      await context.close()
    }
  })
})
