import {
  addPrinciple,
  listPrinciples,
  listSections,
  principleRationale,
  principleStatement,
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

/** Principle ids in the order the page shows them. */
function shownPrincipleOrder(page: Page, ids: string[]): Promise<string[]> {
  return page
    .locator('[data-testid^="principle-"]')
    .evaluateAll((elements) => elements.map((e) => (e as HTMLElement).dataset.testid ?? ''))
    .then((testIds) =>
      testIds.map((t) => t.replace(/^principle-/, '')).filter((id) => ids.includes(id)),
    )
}

describe.skipIf(!browserAvailable)('browser: sections and principles (issue 3)', () => {
  const suite = setupBrowserSuite()

  test('DM-5 one person reorders principles by keyboard while another edits a rationale; both end equal', async () => {
    const workspace = await createWorkspace(suite.server.url)
    const lead = await openClient(
      suite.server.url,
      await joinAs(suite.server.url, workspace.keys.facilitator, 'Voorbereider'),
    )
    const ids = ['menselijkheid', 'rechtvaardigheid', 'autonomie'].map((value, i) =>
      addPrinciple(lead.doc, { statement: `Wij kiezen voor ${value}, omdat ${i}`, rationale: '' }),
    )
    const anna = await newPerson(suite.browser, 'anna-principles')
    const bram = await newPerson(suite.browser, 'bram-principles')
    await joinThroughLink(anna.page, workspace.links.editor, 'Anna de Vries')
    await joinThroughLink(bram.page, workspace.links.editor, 'Bram Jansen')
    for (const { page } of [anna, bram]) {
      await page.getByRole('tab', { name: 'Uitgangspunten' }).click()
      await page.getByTestId(`principle-${ids[0]}`).waitFor()
    }

    // Anna moves the first principle down twice with the keyboard; Bram types a rationale meanwhile.
    const down = anna.page
      .getByTestId(`principle-${ids[0]}`)
      .getByRole('button', { name: /^Omlaag/ })
    const rationale = bram.page.getByTestId(`principle-rationale-${ids[1]}`)
    await rationale.click()
    await down.focus()
    await Promise.all([
      (async () => {
        await anna.page.keyboard.press('Enter')
        await anna.page
          .getByTestId(`principle-${ids[0]}`)
          .getByRole('button', { name: /^Omlaag/ })
          .focus()
        await anna.page.keyboard.press('Enter')
      })(),
      rationale.pressSequentially('Omdat contact tussen mensen voorop staat.', { delay: 15 }),
    ])

    const expected = [ids[1]!, ids[2]!, ids[0]!]
    await expect
      .poll(() => listPrinciples(lead.doc).map((p) => p.id), { timeout: 15_000 })
      .toEqual(expected)
    await expect
      .poll(() => shownPrincipleOrder(anna.page, ids), { timeout: 15_000 })
      .toEqual(expected)
    await expect
      .poll(() => shownPrincipleOrder(bram.page, ids), { timeout: 15_000 })
      .toEqual(expected)
    await expect
      .poll(() => principleRationale(lead.doc, ids[1]!)?.toString(), { timeout: 15_000 })
      .toBe('Omdat contact tussen mensen voorop staat.')
    await expect
      .poll(() => anna.page.getByTestId(`principle-rationale-${ids[1]}`).inputValue(), {
        timeout: 15_000,
      })
      .toBe('Omdat contact tussen mensen voorop staat.')
    await Promise.all([anna.context.close(), bram.context.close()])
  })

  test('DM-15 two people type at the end of the same statement and rationale; both phrases stay whole', async () => {
    const workspace = await createWorkspace(suite.server.url)
    const lead = await openClient(
      suite.server.url,
      await joinAs(suite.server.url, workspace.keys.facilitator, 'Voorbereider'),
    )
    const statement = 'Wij kiezen voor mensen'
    const rationale = 'Omdat'
    const id = addPrinciple(lead.doc, { statement, rationale })
    const anna = await newPerson(suite.browser, 'anna-same-field')
    const bram = await newPerson(suite.browser, 'bram-same-field')
    await joinThroughLink(anna.page, workspace.links.editor, 'Anna de Vries')
    await joinThroughLink(bram.page, workspace.links.editor, 'Bram Jansen')
    for (const { page } of [anna, bram]) {
      await page.getByRole('tab', { name: 'Uitgangspunten' }).click()
      await page.getByTestId(`principle-${id}`).waitFor()
    }

    // Both phrases start with the same letters, so a splice placed by text alone would interleave.
    const fields = [
      {
        testId: `principle-statement-${id}`,
        before: statement,
        anna: ' en voor elkaar, zegt Anna',
        bram: ' en voor de natuur, zegt Bram',
        stored: () => principleStatement(lead.doc, id)?.toString(),
      },
      {
        testId: `principle-rationale-${id}`,
        before: rationale,
        anna: ' contact telt, vindt Anna.',
        bram: ' contact werkt, vindt Bram.',
        stored: () => principleRationale(lead.doc, id)?.toString(),
      },
    ]
    for (const field of fields) {
      for (const { page } of [anna, bram]) {
        await page.getByTestId(field.testId).focus()
        await page.keyboard.press('Control+End')
      }
      await Promise.all([
        anna.page.keyboard.type(field.anna, { delay: 20 }),
        bram.page.keyboard.type(field.bram, { delay: 20 }),
      ])
      const whole = [field.before + field.anna + field.bram, field.before + field.bram + field.anna]
      await expect.poll(field.stored, { timeout: 15_000 }).toHaveLength(whole[0]!.length)
      expect(whole).toContain(field.stored())
      for (const { page } of [anna, bram]) {
        await expect
          .poll(() => page.getByTestId(field.testId).inputValue(), { timeout: 15_000 })
          .toBe(field.stored())
      }
    }
    await Promise.all([anna.context.close(), bram.context.close()])
  })

  test('DM-5 a section added by one person appears for the other', async () => {
    const workspace = await createWorkspace(suite.server.url)
    const lead = await openClient(
      suite.server.url,
      await joinAs(suite.server.url, workspace.keys.viewer, 'Waarnemer'),
    )
    const before = listSections(lead.doc).map((s) => s.id)
    const anna = await newPerson(suite.browser, 'anna-sections')
    const bram = await newPerson(suite.browser, 'bram-sections')
    await joinThroughLink(anna.page, workspace.links.editor, 'Anna de Vries')
    await joinThroughLink(bram.page, workspace.links.editor, 'Bram Jansen')

    await anna.page.getByTestId('add-section').click()
    await expect
      .poll(() => listSections(lead.doc).length, { timeout: 15_000 })
      .toBe(before.length + 1)
    const added = listSections(lead.doc).find((s) => !before.includes(s.id))!
    await bram.page.getByTestId(`section-${added.id}`).waitFor({ timeout: 15_000 })
    expect(await bram.page.getByTestId(`section-${added.id}`).innerText()).toContain(added.title)
    await Promise.all([anna.context.close(), bram.context.close()])
  })
})
