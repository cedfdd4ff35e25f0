import { describe, expect, test } from 'vitest'
import { createWorkspace, joinAs } from '../support/api.ts'
import { seriousViolations } from '../support/axe.ts'
import { saveVersion } from '../support/deliverApi.ts'
import { saveScreenshot, sidewaysReport } from '../support/layout.ts'
import {
  browserAvailable,
  joinThroughLink,
  newPerson,
  setupBrowserSuite,
} from '../support/browser.ts'

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

  // Issue 10: the export dialog, the versions panel and the compare view, laptop and phone.
  test('A11Y-1 EXP-16 VER-2 the export dialog, the versions panel and the compare view have no serious or critical violation and fit 360 px', async () => {
    const workspace = await createWorkspace(suite.server.url)
    const facilitator = await joinAs(suite.server.url, workspace.keys.facilitator, 'Fenna')
    await saveVersion(suite.server.url, workspace.id, facilitator.cookie, 'Na de studiedag')
    for (const viewport of [undefined, { width: 360, height: 740 }]) {
      const label = viewport ? 'phone' : 'laptop'
      const { page, context } = await newPerson(suite.browser, `a11y-deliver-${label}`, viewport)
      await joinThroughLink(page, workspace.links.facilitator, `Fenna ${label}`)
      await saveScreenshot(page, `deliver-workspace-${label}`)
      await page.getByTestId('export-open').click()
      await page.getByTestId('export-dialog').getByRole('heading').waitFor()
      await saveScreenshot(page, `deliver-export-dialog-${label}`)
      expect({ label, violations: await seriousViolations(page) }).toEqual({
        label,
        violations: [],
      })
      expect((await sidewaysReport(page, `export dialog ${label}`)).sticksOut).toEqual([])
      await page.keyboard.press('Escape')
      await expect.poll(() => page.getByTestId('export-dialog').count()).toBe(0)
      await page.getByRole('tab', { name: 'Gegevens' }).click()
      await page.getByTestId('versions-list').waitFor()
      await page.getByTestId('versions').scrollIntoViewIfNeeded()
      await saveScreenshot(page, `deliver-versions-${label}`)
      expect({ label, violations: await seriousViolations(page) }).toEqual({
        label,
        violations: [],
      })
      await page.getByRole('button', { name: 'Vergelijken' }).click()
      await page.getByTestId('compare-view').waitFor()
      expect({ label, violations: await seriousViolations(page) }).toEqual({
        label,
        violations: [],
      })
      await page.getByRole('button', { name: 'Versie “Na de studiedag” terugzetten' }).click()
      await page.getByTestId('confirm').waitFor()
      expect({ label, violations: await seriousViolations(page) }).toEqual({
        label,
        violations: [],
      })
      expect((await sidewaysReport(page, `versions ${label}`)).sticksOut).toEqual([])
      await context.close()
    }
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

  // Issue 11: the facilitator's console (running, joining open, a phase unfolded) and the
  // projector view.
  test('A11Y-1 STUDY-10 the facilitator console and the projector view have no serious or critical violation', async () => {
    const workspace = await createWorkspace(suite.server.url)
    const { page, context } = await newPerson(suite.browser, 'a11y-studyday')
    await joinThroughLink(page, workspace.links.facilitator, 'Fenna')
    await page.getByTestId('tab-studyday').click()
    await page.getByRole('button', { name: 'Start de studiedag' }).click()
    await page.getByRole('button', { name: 'Deelname openen' }).click()
    await page.getByTestId('join-code').first().waitFor()
    await page.getByTestId('toggle-follow').click()
    await page.locator('.phase__more summary').first().click()
    expect({ view: 'console', violations: await seriousViolations(page) }).toEqual({
      view: 'console',
      violations: [],
    })
    await page.getByTestId('tab-text').click()
    await page.locator('[data-testid^="lock-toggle-"]').first().click()
    await page.locator('[data-testid^="lock-badge-"]').first().waitFor()
    expect({
      view: 'text with phase bar and lock',
      violations: await seriousViolations(page),
    }).toEqual({
      view: 'text with phase bar and lock',
      violations: [],
    })
    const projector = await context.newPage()
    await projector.setViewportSize({ width: 1920, height: 1080 })
    await projector.goto(`${suite.server.url}/w/${workspace.id}/projector`)
    await projector.getByTestId('join-qr').waitFor()
    await projector.getByTestId('timer').waitFor()
    expect({ view: 'projector', violations: await seriousViolations(projector) }).toEqual({
      view: 'projector',
      violations: [],
    })
    await context.close()
  })

  test('A11Y-1 STUDY-9 the join page for a code has no serious or critical violation', async () => {
    const { page, context } = await newPerson(suite.browser, 'a11y-join-code')
    await page.goto(`${suite.server.url}/j/ABC234`)
    await page.getByLabel('Deelnamecode').waitFor()
    expect(await seriousViolations(page)).toEqual([])
    await context.close()
  })
})
