import {
  addCustomValue,
  addPrinciple,
  customValues,
  listPrinciples,
  togglePrincipleValue,
} from '@koers/doc-model'
import { describe, expect, test } from 'vitest'
import { createWorkspace, joinAs } from '../support/api.ts'
import {
  browserAvailable,
  joinThroughLink,
  newPerson,
  setupBrowserSuite,
} from '../support/browser.ts'
import { saveScreenshot } from '../support/layout.ts'
import { openClient } from '../support/testClients.ts'

// Issue 9, point 11: the team's own values can be removed; the sector label is said once.

describe.skipIf(!browserAvailable)('browser: Gegevens, own values and sector (issue 9)', () => {
  const suite = setupBrowserSuite()

  test('an editor removes an own value under Gegevens; it leaves every principle; sectors are named once', async () => {
    const workspace = await createWorkspace(suite.server.url)
    const lead = await openClient(
      suite.server.url,
      await joinAs(suite.server.url, workspace.keys.facilitator, 'Voorbereider'),
    )
    const principle = addPrinciple(lead.doc, { statement: 'Wij kiezen bewust.', rationale: '' })
    const own = addCustomValue(lead.doc, 'Eigenaarschap')
    addCustomValue(lead.doc, 'Duurzaamheid')
    togglePrincipleValue(lead.doc, principle, own, true)

    const { page, context } = await newPerson(suite.browser, 'own-values')
    await joinThroughLink(page, workspace.links.editor, 'Eva')
    await page.getByRole('tab', { name: 'Gegevens' }).click()
    const list = page.getByTestId('custom-values')
    await list.getByText('Eigenaarschap').waitFor()
    const sectors = await page.getByLabel('Sector').locator('option').allInnerTexts()
    expect(sectors).toContain('Middelbaar beroepsonderwijs')
    expect(sectors.filter((label) => /\(\w+\)\s*\(\w+\)|\((po|vo|mbo|so)\)$/.test(label))).toEqual(
      [],
    )

    await list.getByRole('button', { name: 'Verwijder Eigenaarschap' }).click()
    await saveScreenshot(page, 'own-values-confirm')
    await list
      .getByTestId('confirm')
      .getByRole('button', { name: 'Verwijder Eigenaarschap' })
      .click()
    await expect.poll(() => list.getByText('Eigenaarschap').count()).toBe(0)
    await expect.poll(() => customValues(lead.doc), { timeout: 15_000 }).toEqual(['Duurzaamheid'])
    expect(listPrinciples(lead.doc).find((p) => p.id === principle)?.values).toEqual([])
    await context.close()
  })
})
