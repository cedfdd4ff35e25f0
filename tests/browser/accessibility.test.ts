import { readFileSync } from 'node:fs'
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

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
)

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
  // Evaluated through the DevTools protocol: the app's CSP (SEC-5) refuses an injected <script>.
  await page.evaluate(axeSource)
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

  test('A11Y-1 PRIV-7 the privacy page has no serious or critical violation, in Dutch and English', async () => {
    const { page, context } = await newPerson(suite.browser, 'a11y-privacy')
    await page.goto(`${suite.server.url}/privacy`)
    await page.getByTestId('privacy-how-long').getByText('180').waitFor()
    expect(await seriousViolations(page)).toEqual([])
    await page.getByRole('button', { name: 'Switch to English' }).click()
    await page.getByRole('heading', { name: 'What this server keeps' }).waitFor()
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
})
