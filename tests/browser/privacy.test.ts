import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, test } from 'vitest'
import { call, createWorkspace } from '../support/api.ts'
import {
  browserAvailable,
  isDevelopmentBuild,
  joinThroughLink,
  newPerson,
  sectionEditor,
  setupBrowserSuite,
  webDist,
} from '../support/browser.ts'

/** Collects every Content-Security-Policy violation the page reports, from its first script on. */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  const fromConsole: string[] = []
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) fromConsole.push(message.text())
  })
  await page.addInitScript(() => {
    const seen: string[] = []
    ;(window as unknown as { __csp: string[] }).__csp = seen
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.violatedDirective} ${event.blockedURI}`)
    })
  })
  return async () => [
    ...fromConsole,
    ...(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])),
  ]
}

function filesIn(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesIn(join(dir, entry.name)) : [entry.name],
  )
}

describe.skipIf(!browserAvailable)('browser: privacy and security', () => {
  // A short retention period, so the workspace notice shows (PRIV-6).
  const suite = setupBrowserSuite({ KOERS_RETENTION_DAYS: '7' })

  test('PRIV-7 the privacy page, linked from the home page footer, in Dutch and in English', async () => {
    const { page, context } = await newPerson(suite.browser, 'privacy-page')
    await page.goto(suite.server.url)
    await page.getByRole('link', { name: 'Privacy: wat Koers bewaart' }).click()
    await page.waitForURL(/\/privacy$/)
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).innerText())
      .toBe('Privacy in Koers')
    for (const heading of [
      'Wat deze server bewaart',
      'Wat deze server niet bewaart',
      'Waar',
      'Hoe lang',
      'Wie wat kan zien',
      'Geen derde partijen',
      'Verwijderen',
    ]) {
      await page.getByRole('heading', { name: heading, exact: true }).waitFor()
    }
    const howLong = page.getByTestId('privacy-how-long')
    await expect.poll(() => howLong.innerText()).toContain('180 dagen')
    await expect.poll(() => howLong.innerText()).toContain('7 dagen door niemand is geopend')
    await page.getByRole('button', { name: 'Switch to English' }).click()
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).innerText())
      .toBe('Privacy in Koers')
    await page.getByRole('heading', { name: 'What this server keeps', exact: true }).waitFor()
    await expect.poll(() => howLong.innerText()).toContain('nobody has opened for 7 days')
    expect(await page.locator('html').getAttribute('lang')).toBe('en')
    await context.close()
  })

  test('PRIV-8 PRIV-6 a facilitator deletes the workspace after typing its title; the other browser is told and forgets it', async () => {
    const workspace = await createWorkspace(suite.server.url, {
      title: 'Visie De Linde',
      school: 'De Linde',
    })
    const fenna = await newPerson(suite.browser, 'fenna-delete')
    const eva = await newPerson(suite.browser, 'eva-delete')
    await joinThroughLink(fenna.page, workspace.links.facilitator, 'Fenna')
    await joinThroughLink(eva.page, workspace.links.editor, 'Eva')

    // PRIV-6: with a retention period of 7 days the calm notice is there from the start.
    await expect
      .poll(() => eva.page.getByTestId('retention-notice').innerText())
      .toMatch(/wordt op .* automatisch verwijderd/)
    // Editors get no delete button.
    await eva.page.getByRole('tab', { name: 'Gegevens' }).click()
    await eva.page.getByTestId('retention-info').waitFor()
    expect(await eva.page.getByTestId('delete-workspace').count()).toBe(0)

    await fenna.page.getByRole('tab', { name: 'Gegevens' }).click()
    await fenna.page.getByTestId('delete-workspace').click()
    const confirm = fenna.page.getByLabel('Typ de titel “Visie De Linde” om te bevestigen')
    await confirm.fill('Visie')
    await fenna.page.getByRole('button', { name: 'Definitief verwijderen' }).click()
    await expect.poll(() => fenna.page.getByRole('alert').last().innerText()).toContain('precies')
    expect((await call(suite.server.url, '/healthz')).status).toBe(200)
    await confirm.fill('Visie De Linde')
    await fenna.page.getByRole('button', { name: 'Definitief verwijderen' }).click()

    await fenna.page.waitForURL(`${suite.server.url}/`)
    await expect
      .poll(() => fenna.page.getByTestId('home-flash').innerText())
      .toBe('Werkruimte “Visie De Linde” is verwijderd.')
    expect(await fenna.page.getByText('Visie De Linde', { exact: true }).count()).toBe(0)

    await eva.page.getByTestId('workspace-deleted').waitFor({ timeout: 20_000 })
    const leftovers = async (page: Page) =>
      page.evaluate(async (id) => {
        const databases = await indexedDB.databases()
        return {
          indexedDb: databases.some((db) => db.name === `koers-${id}`),
          joined: (localStorage.getItem('koers.workspaces') ?? '').includes(id),
        }
      }, workspace.id)
    await expect.poll(() => leftovers(eva.page)).toEqual({ indexedDb: false, joined: false })
    await expect.poll(() => leftovers(fenna.page)).toEqual({ indexedDb: false, joined: false })

    const rejoin = await call(suite.server.url, '/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key: workspace.keys.editor, displayName: 'Eva' }),
    })
    expect(rejoin.status).toBe(401)
    await fenna.context.close()
    await eva.context.close()
  })

  test("SEC-5 SEC-7 WEB-7 the built app runs under its Content-Security-Policy without a violation and ships no source maps nor React's development build", async () => {
    expect(filesIn(webDist).filter((file) => file.endsWith('.map'))).toEqual([])
    expect(isDevelopmentBuild()).toBe(false)
    const workspace = await createWorkspace(suite.server.url)
    const anna = await newPerson(suite.browser, 'anna-csp')
    const bram = await newPerson(suite.browser, 'bram-csp')
    const annaViolations = await watchCsp(anna.page)
    const bramViolations = await watchCsp(bram.page)
    await anna.page.goto(suite.server.url)
    await anna.page.getByRole('main').waitFor()
    await joinThroughLink(anna.page, workspace.links.facilitator, 'Anna')
    await joinThroughLink(bram.page, workspace.links.editor, 'Bram')
    const sectionId = await anna.page
      .locator('[data-testid^="section-editor-"]')
      .first()
      .getAttribute('data-testid')
    const annaEditor = sectionEditor(anna.page, sectionId!.replace('section-editor-', ''))
    const bramEditor = sectionEditor(bram.page, sectionId!.replace('section-editor-', ''))
    await annaEditor.click()
    await annaEditor.pressSequentially('Twee  spaties blijven staan. ', { delay: 10 })
    await bramEditor.click()
    // Both carets are drawn (inline styles set through the DOM, which CSP allows).
    await expect
      .poll(() => anna.page.locator('.collaboration-carets__label', { hasText: 'Bram' }).count(), {
        timeout: 15_000,
      })
      .toBe(1)
    // The editor's base CSS comes from our stylesheet: white space is kept.
    expect(await annaEditor.evaluate((el) => getComputedStyle(el).whiteSpace)).toMatch(
      /pre-wrap|break-spaces/,
    )
    for (const tab of ['Uitgangspunten', 'Actiepunten', 'Gegevens']) {
      await anna.page.getByRole('tab', { name: tab }).click()
    }
    expect(await annaViolations()).toEqual([])
    await anna.page.goto(`${suite.server.url}/privacy`)
    await anna.page.getByRole('heading', { level: 1 }).waitFor()
    // The service worker registered under worker-src 'self'.
    await expect
      .poll(() =>
        anna.page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length),
      )
      .toBeGreaterThan(0)
    expect(await annaViolations()).toEqual([])
    expect(await bramViolations()).toEqual([])
    await anna.context.close()
    await bram.context.close()
  })
})
