import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, beforeAll, onTestFailed } from 'vitest'
import { removeDataDir, repoRoot, spawnServer, type ServerHandle } from './spawnServer.ts'
import { ensureWebBuild, isDevelopmentBuild, webDist } from './webBuild.ts'

export { ensureWebBuild, isDevelopmentBuild, webDist }

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
/** docs/decisions/003: without Chromium the browser project skips, unless CI requires it. */
export const browserAvailable =
  existsSync(chromiumPath) || process.env.KOERS_REQUIRE_BROWSER === '1'
if (!browserAvailable) {
  console.warn(
    `Browser tests skipped: no Chromium at ${chromiumPath} (install Debian's chromium or set CHROMIUM_PATH).`,
  )
}

export const artifactsDir = join(repoRoot, 'tests/.artifacts')

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // Every page stands for a person on their own device, in front: no background throttling.
      '--disable-background-timer-throttling',
      '--disable-renderer-backgrounding',
      '--disable-backgrounding-occluded-windows',
    ],
  })
}

/**
 * A fresh browser context (its own cookies and IndexedDB, like another laptop) whose pages are
 * screenshotted into tests/.artifacts when the current test fails, and closed afterwards.
 */
export async function newPerson(
  browser: Browser,
  label: string,
  viewport: { width: number; height: number } = { width: 1280, height: 900 },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'nl-NL', viewport })
  const page = await context.newPage()
  onTestFailed(async ({ task }) => {
    mkdirSync(artifactsDir, { recursive: true })
    const name = `${task.name}-${label}`.replace(/[^a-z0-9-]+/gi, '_').slice(0, 120)
    await page
      .screenshot({ path: join(artifactsDir, `${name}.png`), fullPage: true })
      .catch(() => undefined)
  })
  return { context, page }
}

/** Opens a join link, fills "Je naam" and presses the join button; resolves on the workspace page. */
export async function joinThroughLink(page: Page, link: string, name: string): Promise<void> {
  await page.goto(link)
  await page.getByLabel('Je naam').fill(name)
  await page.getByRole('button', { name: 'Meedoen' }).click()
  await page.waitForURL(/\/w\/[^/]+$/)
  await page
    .getByTestId('sync-status')
    .and(page.locator('[data-state="saved"]'))
    .waitFor({ timeout: 60_000 })
}

/** The ProseMirror editable of one section. */
export function sectionEditor(page: Page, sectionId: string) {
  return page.getByTestId(`section-editor-${sectionId}`).locator('.ProseMirror')
}

/**
 * For one describe block: a current web build, a server that serves it (with extra `env`), one
 * Chromium; all stopped after.
 */
export function setupBrowserSuite(env: Record<string, string> = {}): {
  readonly server: ServerHandle
  readonly browser: Browser
} {
  const suite = {} as { server: ServerHandle; browser: Browser }
  beforeAll(async () => {
    ensureWebBuild()
    suite.server = await spawnServer({ env: { ...env, KOERS_WEB_DIR: webDist } })
    suite.browser = await launchBrowser()
  })
  afterAll(async () => {
    await suite.browser?.close()
    await suite.server?.stop()
    if (suite.server) await removeDataDir(suite.server.dataDir)
  })
  return suite
}
