import { addAction, addPrinciple } from '@koers/doc-model'
import type { Locator, Page } from 'playwright-core'
import { describe, expect, onTestFinished, test } from 'vitest'
import { createWorkspace, joinAs, type CreatedWorkspace } from '../support/api.ts'
import {
  browserAvailable,
  joinThroughLink,
  newPerson,
  setupBrowserSuite,
} from '../support/browser.ts'
import { startNetworkSwitch } from '../support/networkSwitch.ts'
import { saveScreenshot, sidewaysReport, type SidewaysReport } from '../support/layout.ts'
import { openClient } from '../support/testClients.ts'

const phone = { width: 360, height: 740 }

/** Collects a sideways report per view; the test asserts once, listing every view that failed. */
function recorder(page: Page) {
  const reports: SidewaysReport[] = []
  return {
    check: async (view: string) => {
      reports.push(await sidewaysReport(page, view))
    },
    failures: () => reports.filter((report) => !report.fits),
    count: () => reports.length,
  }
}

/**
 * Opens an item's "⋯" menu with the keyboard, checks, and closes it with Escape: a real menu
 * button (`aria-haspopup`, `aria-expanded`), arrow keys move between items, focus comes back.
 */
async function menuOpen(page: Page, scope: Locator, check: () => Promise<void>): Promise<void> {
  const button = scope.getByRole('button', { name: /^Meer acties voor/ })
  expect(await button.getAttribute('aria-haspopup')).toBe('menu')
  await button.focus()
  await page.keyboard.press('Enter')
  await page.getByRole('menu').waitFor()
  expect(await button.getAttribute('aria-expanded')).toBe('true')
  const focusedItem = () =>
    page.evaluate(() => document.activeElement?.textContent?.replace(/[↑↓✓]/g, '').trim())
  await page.keyboard.press('End')
  await expect.poll(focusedItem).toBe('Verwijderen')
  const enabled = await page
    .getByRole('menu')
    .locator('[role^="menuitem"]:not([data-disabled])')
    .count()
  if (enabled > 1) {
    await page.keyboard.press('ArrowUp')
    await expect.poll(focusedItem).not.toBe('Verwijderen')
  }
  await check()
  await page.keyboard.press('Escape')
  await expect.poll(() => page.getByRole('menu').count()).toBe(0)
  expect(await button.getAttribute('aria-expanded')).toBe('false')
  // Radix gives focus back in a timeout after the menu unmounts: a busy machine sees a gap.
  await expect
    .poll(() => button.evaluate((element) => element === document.activeElement))
    .toBe(true)
}

/** Asks to remove an item through its "⋯" menu; the confirmation is shown inline. */
async function askRemove(page: Page, scope: Locator): Promise<Locator> {
  await scope.getByRole('button', { name: /^Meer acties voor/ }).click()
  await page.getByRole('menuitem', { name: 'Verwijderen' }).click()
  const confirm = page.getByTestId('confirm')
  await confirm.waitFor()
  return confirm
}

async function workspaceWithItems(url: string): Promise<CreatedWorkspace> {
  const workspace = await createWorkspace(url)
  const lead = await openClient(url, await joinAs(url, workspace.keys.facilitator, 'Voorbereider'))
  const principle = addPrinciple(lead.doc, {
    statement: 'Wij kiezen voor digitale middelen die leerlingen zelfstandiger maken, omdat …',
    rationale: 'Autonomie staat voorop.',
  })
  addAction(lead.doc, {
    what: 'Beleid voor telefoongebruik in de klas opstellen en met het team bespreken',
    owner: 'ICT-coördinator',
    due: '2026-03-10',
    principleId: principle,
  })
  return workspace
}

/** Every tab of the workspace, with every dialog an item has, at 360 px. */
async function everyView(page: Page, role: string, canEdit: boolean) {
  const record = recorder(page)
  const check = (view: string) => record.check(`${role}: ${view}`)
  const section = page.locator('section[data-testid^="section-"]').first()

  await check('text')
  await page.getByTestId('presence-toggle').click()
  await page.getByTestId('presence-list').waitFor()
  await check('text, presence list')
  await page.keyboard.press('Escape')
  await page.getByRole('button', { name: 'Inhoud', exact: true }).click()
  await check('text, table of contents open')
  if (canEdit) {
    await menuOpen(page, section, () => check('text, section menu'))
    const confirm = await askRemove(page, section)
    await check('text, section confirm')
    await saveScreenshot(page, `phone-360-${role}-section-confirm`)
    await confirm.getByRole('button', { name: /^Verwijder / }).click()
    await page.getByTestId('toast').waitFor()
    await check('text, toast')
    await saveScreenshot(page, `phone-360-${role}-toast`)
  }

  await page.getByRole('tab', { name: 'Uitgangspunten' }).click()
  const principle = page.locator('article[data-testid^="principle-"]').first()
  await principle.waitFor()
  await check('principles')
  if (canEdit) {
    await menuOpen(page, principle, () => check('principles, menu'))
    const confirm = await askRemove(page, principle)
    await check('principles, confirm')
    await confirm.getByRole('button', { name: 'Annuleren' }).click()
  }

  await page.getByRole('tab', { name: 'Actiepunten' }).click()
  const action = page.locator('tr[data-testid^="action-"]').first()
  await action.waitFor()
  await check('actions')
  if (canEdit) {
    await menuOpen(page, action, () => check('actions, menu'))
    await askRemove(page, action)
    await check('actions, confirm')
    await saveScreenshot(page, `phone-360-${role}-action-confirm`)
    await page.getByTestId('confirm').getByRole('button', { name: 'Annuleren' }).click()
  }

  await page.getByRole('tab', { name: 'Gegevens' }).click()
  await page.getByTestId('status-badge').waitFor()
  await check('details')
  await saveScreenshot(page, `phone-360-${role}-details`)
  return record
}

describe.skipIf(!browserAvailable)('browser: a phone layout that fits (issue 9)', () => {
  const suite = setupBrowserSuite()

  test('LAYOUT-1 home and join page do not scroll sideways at 360 px', async () => {
    const workspace = await createWorkspace(suite.server.url)
    const { page, context } = await newPerson(suite.browser, 'phone-home', phone)
    const record = recorder(page)
    await page.goto(suite.server.url)
    await page
      .getByLabel('Titel')
      .fill('Visie op digitalisering 2025–2029 van een school met een lange naam')
    await record.check('home')
    await page.getByLabel('School').fill('Openbare basisschool De Regenboog')
    await page.getByRole('button', { name: 'Werkruimte maken' }).click()
    await page.getByTestId('link-editor').waitFor()
    await record.check('home, links shown')
    await saveScreenshot(page, 'phone-360-home-links')
    await page.goto(workspace.links.editor)
    await page.getByLabel('Je naam').waitFor()
    await record.check('join')
    expect(record.failures()).toEqual([])
    await context.close()
  })

  for (const role of ['facilitator', 'editor', 'viewer'] as const) {
    test(`LAYOUT-1 every tab, menu, confirmation, the presence list and a toast fit 360 px (${role})`, async () => {
      const workspace = await workspaceWithItems(suite.server.url)
      const { page, context } = await newPerson(suite.browser, `phone-${role}`, phone)
      await joinThroughLink(page, workspace.links[role], `Telefoon ${role}`)
      const record = await everyView(page, role, role !== 'viewer')
      expect(record.failures()).toEqual([])
      expect(record.count()).toBeGreaterThanOrEqual(role === 'viewer' ? 6 : 13)
      await context.close()
    })
  }

  test('LAYOUT-1 offline with waiting changes, the header still fits 360 px', async () => {
    const workspace = await createWorkspace(suite.server.url)
    // Playwright's setOffline does not cut an open WebSocket: the phone goes through a switch.
    const wifi = await startNetworkSwitch(suite.server.port)
    onTestFinished(() => wifi.close())
    const { page, context } = await newPerson(suite.browser, 'phone-offline', phone)
    await joinThroughLink(
      page,
      workspace.links.editor.replace(suite.server.url, wifi.url),
      'Telefoon offline',
    )
    wifi.setConnected(false)
    const status = page.getByTestId('sync-status')
    await expect.poll(() => status.getAttribute('data-state'), { timeout: 15_000 }).toBe('offline')
    const editor = page.locator('section[data-testid^="section-"] .ProseMirror').first()
    await editor.click()
    await editor.pressSequentially('Zonder wifi. ', { delay: 10 })
    await expect.poll(() => status.innerText(), { timeout: 15_000 }).toMatch(/niet.verzonden/)
    const header = await page.evaluate(() => {
      const language = document.querySelector('.lang-switch')!.getBoundingClientRect()
      return { right: Math.round(language.right), viewport: window.innerWidth }
    })
    expect(header.right).toBeLessThanOrEqual(header.viewport)
    const report = await sidewaysReport(page, 'offline')
    expect(report.fits, JSON.stringify(report)).toBe(true)
    await saveScreenshot(page, 'phone-360-offline')
    await context.close()
  })
})
