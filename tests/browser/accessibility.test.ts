import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'
import { describe, expect, test } from 'vitest'
import { createWorkspace } from '../support/api.ts'
import {
  browserAvailable,
  joinThroughLink,
  newPerson,
  setupBrowserSuite,
} from '../support/browser.ts'

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js')

interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: { target: unknown[] }[]
}

/** Runs axe-core (WCAG 2.1 A/AA rules) and returns the serious and critical violations. */
async function seriousViolations(
  page: Page,
): Promise<{ id: string; help: string; targets: string[] }[]> {
  await page.addScriptTag({ path: axePath })
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> }
      }
    ).axe
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    })
    return result.violations
  })
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, help: v.help, targets: v.nodes.map((n) => JSON.stringify(n.target)) }))
}

describe.skipIf(!browserAvailable)('browser: accessibility (WCAG 2.1 AA, axe-core)', () => {
  const suite = setupBrowserSuite()

  test('A11Y-1 the home page has no serious or critical violation', async () => {
    const { page, context } = await newPerson(suite.browser, 'a11y-home')
    await page.goto(suite.server.url)
    await page.getByRole('main').waitFor()
    expect(await seriousViolations(page)).toEqual([])
    await context.close()
  })

  test('A11Y-1 the join page has no serious or critical violation', async () => {
    const workspace = await createWorkspace(suite.server.url)
    const { page, context } = await newPerson(suite.browser, 'a11y-join')
    await page.goto(workspace.links.editor)
    await page.getByLabel('Je naam').waitFor()
    expect(await seriousViolations(page)).toEqual([])
    await context.close()
  })

  test('A11Y-1 the workspace page has no serious or critical violation', async () => {
    const workspace = await createWorkspace(suite.server.url)
    const { page, context } = await newPerson(suite.browser, 'a11y-workspace')
    await joinThroughLink(page, workspace.links.facilitator, 'Fenna')
    expect(await seriousViolations(page)).toEqual([])
    for (const tab of ['Uitgangspunten', 'Actiepunten', 'Gegevens']) {
      await page.getByRole('tab', { name: tab }).click()
      expect({ tab, violations: await seriousViolations(page) }).toEqual({ tab, violations: [] })
    }
    await context.close()
  })

  // Issue 9: the presence list and the phone's "⋯" menu with its confirmation.
  test('A11Y-1 the presence list, an item menu, a confirmation and the phone tabs have no serious or critical violation', async () => {
    const workspace = await createWorkspace(suite.server.url)
    for (const viewport of [undefined, { width: 360, height: 740 }]) {
      const label = viewport ? 'phone' : 'laptop'
      const { page, context } = await newPerson(suite.browser, `a11y-dialogs-${label}`, viewport)
      await joinThroughLink(page, workspace.links.facilitator, `Fenna ${label}`)
      await page.getByTestId('presence-toggle').click()
      await page.getByTestId('presence-list').waitFor()
      expect({ label, violations: await seriousViolations(page) }).toEqual({
        label,
        violations: [],
      })
      await page.keyboard.press('Escape')
      if (viewport) {
        const section = page.locator('section[data-testid^="section-"]').first()
        await section.getByRole('button', { name: /^Meer acties voor/ }).click()
        await page.getByRole('menu').waitFor()
        expect({ label: 'menu', violations: await seriousViolations(page) }).toEqual({
          label: 'menu',
          violations: [],
        })
        await page.getByRole('menuitem', { name: 'Verwijderen' }).click()
        await page.getByTestId('confirm').waitFor()
        expect({ label: 'confirm', violations: await seriousViolations(page) }).toEqual({
          label: 'confirm',
          violations: [],
        })
        for (const tab of ['Uitgangspunten', 'Actiepunten', 'Gegevens']) {
          await page.getByRole('tab', { name: tab }).click()
          expect({ tab, violations: await seriousViolations(page) }).toEqual({
            tab,
            violations: [],
          })
        }
      }
      await context.close()
    }
  })
})
