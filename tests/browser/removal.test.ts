import {
  addAction,
  addPrinciple,
  actionText,
  isActionRemoved,
  isPrincipleRemoved,
  listSections,
  principleStatement,
  sectionTitleText,
} from '@koers/doc-model'
import type { Page } from 'playwright-core'
import { describe, expect, test } from 'vitest'
import { createWorkspace, joinAs } from '../support/api.ts'
import {
  browserAvailable,
  joinThroughLink,
  newPerson,
  setupBrowserSuite,
} from '../support/browser.ts'
import { openClient } from '../support/testClients.ts'

const POLL = { timeout: 20_000 }

async function twoEditors(suite: ReturnType<typeof setupBrowserSuite>, label: string) {
  const workspace = await createWorkspace(suite.server.url)
  const lead = await openClient(
    suite.server.url,
    await joinAs(suite.server.url, workspace.keys.facilitator, 'Voorbereider'),
  )
  const anna = await newPerson(suite.browser, `anna-${label}`)
  const bram = await newPerson(suite.browser, `bram-${label}`)
  await joinThroughLink(anna.page, workspace.links.editor, 'Anna de Vries')
  await joinThroughLink(bram.page, workspace.links.editor, 'Bram Jansen')
  const close = () => Promise.all([anna.context.close(), bram.context.close()])
  return { lead, anna, bram, close }
}

async function typeAtEnd(page: Page, testId: string, text: string): Promise<void> {
  await page.getByTestId(testId).click()
  await page.keyboard.press('End')
  await page.keyboard.type(text, { delay: 30 })
}

describe.skipIf(!browserAvailable)('browser: undo for every removal (issue 9)', () => {
  const suite = setupBrowserSuite()

  test('WEB-1 WEB-2 a principle removed while another person types in it: they are told, restore brings back both texts', async () => {
    const { lead, anna, bram, close } = await twoEditors(suite, 'principle-removed')
    const id = addPrinciple(lead.doc, { statement: 'Wij kiezen' })
    const field = `principle-statement-${id}`
    for (const { page } of [anna, bram]) {
      await page.getByRole('tab', { name: 'Uitgangspunten' }).click()
      await page.getByTestId(field).waitFor()
    }
    await typeAtEnd(anna.page, field, ' samen')
    await typeAtEnd(bram.page, field, ' en bewust')
    await expect
      .poll(() => principleStatement(lead.doc, id)?.toString(), POLL)
      .toMatch(/^Wij kiezen( samen| en bewust){2}$/)

    // Bram keeps typing while Anna removes the principle.
    const typing = bram.page.keyboard.type(' voor leren', { delay: 120 })
    await anna.page.getByRole('button', { name: /^Verwijder uitgangspunt/ }).click()
    await anna.page
      .getByTestId('confirm')
      .getByRole('button', { name: /^Verwijder/ })
      .click()
    await expect.poll(() => isPrincipleRemoved(lead.doc, id), POLL).toBe(true)
    await typing

    const told = bram.page.getByTestId('toast')
    await expect.poll(() => told.innerText(), POLL).toContain('waar je schreef')
    await expect
      .poll(() => anna.page.getByTestId('toast').innerText(), POLL)
      .toContain('verwijderd')
    await expect.poll(() => bram.page.getByTestId(field).count(), POLL).toBe(0)

    await told.getByRole('button', { name: 'Terugzetten' }).click()
    await expect.poll(() => isPrincipleRemoved(lead.doc, id), POLL).toBe(false)
    const stored = principleStatement(lead.doc, id)!.toString()
    expect(stored).toContain(' samen')
    expect(stored).toContain(' en bewust')
    for (const { page } of [anna, bram]) {
      await expect.poll(() => page.getByTestId(field).inputValue(), POLL).toBe(stored)
    }
    // Restored by Bram: Anna's toast no longer offers it.
    await expect.poll(() => anna.page.getByTestId('toast').count(), POLL).toBe(0)
    await close()
  })

  test('WEB-1 WEB-2 an action removed while another person types in it: they are told, restore brings back both texts', async () => {
    const { lead, anna, bram, close } = await twoEditors(suite, 'action-removed')
    const id = addAction(lead.doc, { what: 'Beleid' })
    const what = (page: Page) => page.getByTestId(`action-${id}`).getByLabel(/^Wat bij actiepunt/)
    for (const { page } of [anna, bram]) {
      await page.getByRole('tab', { name: 'Actiepunten' }).click()
      await what(page).waitFor()
    }
    for (const [page, text] of [
      [anna.page, ' schrijven'],
      [bram.page, ' voor telefoons'],
    ] as const) {
      await what(page).click()
      await page.keyboard.press('End')
      await page.keyboard.type(text, { delay: 30 })
    }
    await expect
      .poll(() => actionText(lead.doc, id, 'what')?.toString(), POLL)
      .toMatch(/^Beleid( schrijven| voor telefoons){2}$/)

    const typing = bram.page.keyboard.type(' en tablets', { delay: 120 })
    await anna.page.getByRole('button', { name: /^Meer acties voor/ }).click()
    await anna.page.getByTestId('item-menu').getByRole('menuitem', { name: 'Verwijderen' }).click()
    await anna.page
      .getByTestId('confirm')
      .getByRole('button', { name: /^Verwijder/ })
      .click()
    await expect.poll(() => isActionRemoved(lead.doc, id), POLL).toBe(true)
    await typing

    const told = bram.page.getByTestId('toast')
    await expect.poll(() => told.innerText(), POLL).toContain('waar je schreef')
    await told.getByRole('button', { name: 'Terugzetten' }).click()
    await expect.poll(() => isActionRemoved(lead.doc, id), POLL).toBe(false)
    const stored = actionText(lead.doc, id, 'what')!.toString()
    expect(stored).toContain(' schrijven')
    expect(stored).toContain(' voor telefoons')
    for (const { page } of [anna, bram]) {
      await expect.poll(() => what(page).inputValue(), POLL).toBe(stored)
    }
    await close()
  })

  test('WEB-2 WEB-3 the removal toast follows the language switch, goes away after a while, and removed items are listed to restore', async () => {
    const { lead, anna, close } = await twoEditors(suite, 'toast-language')
    const id = addPrinciple(lead.doc, { statement: 'Wij kiezen voor rust' })
    await anna.page.getByRole('tab', { name: 'Uitgangspunten' }).click()
    await anna.page.getByRole('button', { name: /^Verwijder uitgangspunt/ }).click()
    await anna.page
      .getByTestId('confirm')
      .getByRole('button', { name: /^Verwijder/ })
      .click()
    const toast = anna.page.getByTestId('toast')
    await expect
      .poll(() => toast.innerText(), POLL)
      .toContain('Uitgangspunt “Wij kiezen voor rust” verwijderd.')
    await anna.page.getByRole('button', { name: 'Switch to English' }).click()
    await expect
      .poll(() => toast.innerText(), POLL)
      .toContain('Guiding principle “Wij kiezen voor rust” removed.')
    // Away from the toast (no pointer, no focus on it), it leaves by itself.
    await anna.page.mouse.move(1, 1)
    await anna.page.getByRole('heading', { name: 'Guiding principles' }).first().click()
    await expect.poll(() => toast.count(), { timeout: 40_000 }).toBe(0)
    // Still restorable from the list of removed principles.
    const list = anna.page.getByTestId('removed-principles')
    await list.locator('summary').click()
    await list.getByRole('button', { name: /^Restore/ }).click()
    await expect.poll(() => isPrincipleRemoved(lead.doc, id), POLL).toBe(false)
    await close()
  })

  test('DM-20 two people renaming one section at once both end with the same merged title', async () => {
    const { lead, anna, bram, close } = await twoEditors(suite, 'rename')
    const section = listSections(lead.doc)[0]!
    const input = (page: Page) => page.getByTestId(`section-title-input-${section.id}`)
    for (const { page } of [anna, bram]) {
      await page
        .getByTestId(`section-${section.id}`)
        .getByRole('button', { name: /^Naam wijzigen van/ })
        .click()
      await input(page).waitFor()
      await page.keyboard.press('End')
    }
    await Promise.all([
      anna.page.keyboard.type(' volgens Anna', { delay: 40 }),
      bram.page.keyboard.type(' en Bram', { delay: 40 }),
    ])
    const merged = [
      `${section.title} volgens Anna en Bram`,
      `${section.title} en Bram volgens Anna`,
    ]
    await expect
      .poll(() => sectionTitleText(lead.doc, section.id)?.toString(), POLL)
      .toHaveLength(merged[0]!.length)
    const stored = sectionTitleText(lead.doc, section.id)!.toString()
    expect(merged).toContain(stored)
    for (const { page } of [anna, bram]) {
      await expect.poll(() => input(page).inputValue(), POLL).toBe(stored)
      await page.getByRole('button', { name: 'Klaar' }).click()
      await expect
        .poll(() => page.getByTestId(`section-${section.id}`).locator('h2').innerText(), POLL)
        .toBe(stored)
    }
    await close()
  })

  test('DM-20 a restored section does not reopen its creator’s rename field', async () => {
    const { lead, anna, close } = await twoEditors(suite, 'restore-rename')
    const before = listSections(lead.doc).map((s) => s.id)
    await anna.page.getByTestId('add-section').click()
    await expect.poll(() => listSections(lead.doc).length, POLL).toBe(before.length + 1)
    const added = listSections(lead.doc).find((s) => !before.includes(s.id))!
    const input = anna.page.getByTestId(`section-title-input-${added.id}`)
    await input.waitFor()
    await anna.page.keyboard.type('Onze afspraken', { delay: 20 })
    await anna.page.getByRole('button', { name: 'Klaar' }).click()
    await expect
      .poll(() => sectionTitleText(lead.doc, added.id)?.toString(), POLL)
      .toBe('Onze afspraken')
    await anna.page.getByRole('button', { name: 'Verwijder Onze afspraken' }).click()
    await anna.page
      .getByTestId('confirm')
      .getByRole('button', { name: 'Verwijder Onze afspraken' })
      .click()
    await anna.page.getByTestId('toast').getByRole('button', { name: 'Terugzetten' }).click()
    await anna.page.getByTestId(`section-${added.id}`).locator('h2').waitFor()
    expect(await input.count()).toBe(0)
    await close()
  })
})
