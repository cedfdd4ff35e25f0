import { addAction, addPrinciple } from '@koers/doc-model'
import { describe, expect, test } from 'vitest'
import { createWorkspace, joinAs } from '../support/api.ts'
import {
  browserAvailable,
  joinThroughLink,
  newPerson,
  setupBrowserSuite,
} from '../support/browser.ts'
import { saveScreenshot, sidewaysReport } from '../support/layout.ts'
import { openClient } from '../support/testClients.ts'

const screens = [
  { label: 'laptop-1024', width: 1024, height: 768 },
  { label: 'laptop-1280', width: 1280, height: 800 },
  { label: 'projector-1280x720', width: 1280, height: 720 },
  { label: 'projector-1920x1080', width: 1920, height: 1080 },
]

describe.skipIf(!browserAvailable)('browser: the action table on a desktop (issue 9)', () => {
  const suite = setupBrowserSuite()

  test('LAYOUT-2 the action table fits 1,024–1,920 px with a delete confirmation open; "Wie" shows "ICT-coördinator"', async () => {
    const url = suite.server.url
    const workspace = await createWorkspace(url)
    const lead = await openClient(
      url,
      await joinAs(url, workspace.keys.facilitator, 'Voorbereider'),
    )
    const principle = addPrinciple(lead.doc, {
      statement:
        'Wij kiezen voor digitale middelen die leerlingen zelfstandiger maken, omdat autonomie telt',
    })
    const ict = addAction(lead.doc, {
      what: 'Beleid voor telefoongebruik in de klas opstellen en met het team en de MR bespreken',
      owner: 'ICT-coördinator',
      due: '2026-03-10',
      status: 'bezig',
      principleId: principle,
    })
    addAction(lead.doc, { what: 'Scholing AI voor het hele team', owner: 'Directie', after: ict })

    const { page, context } = await newPerson(suite.browser, 'actions-table')
    await joinThroughLink(page, workspace.links.facilitator, 'Fenna')
    await page.getByRole('tab', { name: 'Actiepunten' }).click()
    const row = page.getByTestId(`action-${ict}`)
    await row.waitFor()
    const owner = row.getByRole('textbox', { name: /^Wie/ })
    await expect.poll(() => owner.inputValue()).toBe('ICT-coördinator')

    for (const screen of screens) {
      await page.setViewportSize({ width: screen.width, height: screen.height })
      await row.getByRole('button', { name: /^Meer acties voor/ }).click()
      await page.getByRole('menuitem', { name: 'Verwijderen' }).click()
      const confirm = page.getByTestId('confirm')
      await confirm.waitFor()

      const report = await sidewaysReport(page, screen.label)
      expect(report.fits, JSON.stringify(report)).toBe(true)
      const field = await owner.evaluate((input) => ({
        content: input.scrollWidth,
        box: input.clientWidth,
      }))
      expect(field.content, `${screen.label}: "Wie" is ${field.box} px`).toBeLessThanOrEqual(
        field.box,
      )
      const table = await page.getByTestId('actions-table').evaluate((element) => ({
        right: element.getBoundingClientRect().right,
        viewport: window.innerWidth,
      }))
      expect(table.right).toBeLessThanOrEqual(table.viewport)
      await saveScreenshot(page, `actions-table-${screen.label}`)
      await confirm.getByRole('button', { name: 'Annuleren' }).click()
      await expect.poll(() => confirm.count()).toBe(0)
    }
    await context.close()
  })
})
