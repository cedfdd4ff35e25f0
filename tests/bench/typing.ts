/**
 * Typing benchmark (`pnpm bench:typing`): keystroke-to-next-paint in headless Chromium, measured
 * with the Event Timing API (the duration of each `keydown` entry), for 150 keys on
 *   (a) a bare Tiptap + Yjs editor page (apps/web/bench/bare.html, built here with Vite), and
 *   (b) Koers' own editor, in a section where 50 scripted people have a caret and 10 of them
 *       type (y-websocket clients with their own sessions, in this process).
 * Prints both side by side (median, p95, keys under 16 ms) per run and the medians over the
 * runs, and the ratio Koers / bare; the goal is at most 1.5×. See docs/benchmark.md.
 *
 * Env: KOERS_BENCH_RUNS (3), KOERS_BENCH_KEYS (150), KOERS_BENCH_GAP_MS (100, time between keys),
 * KOERS_BENCH_CROWD (50), KOERS_BENCH_TYPISTS (10), CHROMIUM_PATH (/usr/bin/chromium),
 * KOERS_BENCH_PROFILE=1 (print the Koers page's functions with the most self time, run 1).
 */
import { execFileSync } from 'node:child_process'
import { cpus } from 'node:os'
import { join } from 'node:path'
import { listSections } from '@koers/doc-model'
import { chromium, type Browser, type Page } from 'playwright-core'
import { createWorkspace, joinAs } from '../support/api.ts'
import { connectProvider, waitForSync } from '../support/provider.ts'
import { removeDataDir, repoRoot, spawnServer } from '../support/spawnServer.ts'
import { serveBarePage } from './typingBare.ts'
import { profile } from './typingProfile.ts'
import { seedParagraphs, startCrowd } from './typingCrowd.ts'
import {
  median,
  ms,
  OBSERVER_SCRIPT,
  summarize,
  THRESHOLD_MS,
  typeAndMeasure,
  type Summary,
} from './typingMeasure.ts'

const runs = Number(process.env.KOERS_BENCH_RUNS ?? 3)
const keys = Number(process.env.KOERS_BENCH_KEYS ?? 150)
const gapMs = Number(process.env.KOERS_BENCH_GAP_MS ?? 100)
const crowdSize = Number(process.env.KOERS_BENCH_CROWD ?? 50)
const typists = Number(process.env.KOERS_BENCH_TYPISTS ?? 10)
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const GOAL = 1.5

function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-sync'],
  })
}

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    locale: 'nl-NL',
    viewport: { width: 1280, height: 900 },
  })
  await context.addInitScript(OBSERVER_SCRIPT)
  return context.newPage()
}

async function openKoers(page: Page, link: string, sectionId: string): Promise<void> {
  await page.goto(link)
  await page.getByLabel('Je naam').fill('Meetpersoon')
  await page.getByRole('button', { name: 'Meedoen' }).click()
  await page.waitForURL(/\/w\/[^/]+$/)
  await page
    .getByTestId('sync-status')
    .and(page.locator('[data-state="saved"]'))
    .waitFor({ timeout: 60_000 })
  const editor = page.getByTestId(`section-editor-${sectionId}`).locator('.ProseMirror')
  await editor.locator('p').first().click()
  await page.keyboard.press('End')
}

async function openBare(page: Page, url: string): Promise<void> {
  await page.goto(url)
  await page.waitForFunction(() => (window as unknown as { editorReady?: boolean }).editorReady)
  await page.locator('.ProseMirror').click()
}

function row(name: string, s: Summary): string {
  return `${name.padEnd(34)} ${ms(s.median).padStart(7)} ${ms(s.p95).padStart(7)} ${`${s.underThreshold}/${s.keys}`.padStart(9)}`
}

async function main(): Promise<void> {
  console.log(
    `Typing benchmark: ${keys} keys, ${gapMs} ms apart, ${runs} runs, ${cpus().length} cores`,
  )
  execFileSync('pnpm', ['--filter', '@koers/web', 'build'], { cwd: repoRoot, stdio: 'ignore' })
  const server = await spawnServer({
    env: { KOERS_WEB_DIR: join(repoRoot, 'apps/web/dist'), KOERS_JOINS_PER_MINUTE: '10000' },
  })
  const bare = await serveBarePage()
  const browser = await launch()
  const stops: (() => unknown)[] = [
    () => browser.close(),
    () => bare.close(),
    () => server.stop(),
    () => removeDataDir(server.dataDir),
  ]
  try {
    const workspace = await createWorkspace(server.url)
    const lead = await joinAs(server.url, workspace.keys.facilitator, 'Voorbereider')
    const leadProvider = await connectProvider(server.url, lead.workspaceId, lead.cookie)
    stops.unshift(() => leadProvider.destroy())
    await waitForSync(leadProvider)
    const sectionId = listSections(leadProvider.doc)[0]!.id
    seedParagraphs(leadProvider.doc, sectionId, crowdSize)
    const crowd = await startCrowd(server.url, workspace.keys.editor, sectionId, crowdSize, typists)
    stops.unshift(() => crowd.stop())

    const barePage = await newPage(browser)
    await openBare(barePage, bare.url)
    const koersPage = await newPage(browser)
    await openKoers(koersPage, workspace.links.editor, sectionId)

    const results: { bare: Summary; koers: Summary }[] = []
    for (let run = 1; run <= runs; run++) {
      // the crowd rests while the bare page is measured, so it does not take its CPU
      crowd.setActive(false)
      await barePage.bringToFront()
      await barePage.locator('.ProseMirror').focus()
      await typeAndMeasure(barePage, 10, gapMs)
      const bareRun = summarize(await typeAndMeasure(barePage, keys, gapMs))
      crowd.setActive(true)
      await koersPage.bringToFront()
      await koersPage.getByTestId(`section-editor-${sectionId}`).locator('.ProseMirror').focus()
      await typeAndMeasure(koersPage, 10, gapMs)
      let measured: number[] = []
      const measure = async () => {
        measured = await typeAndMeasure(koersPage, keys, gapMs)
      }
      if (process.env.KOERS_BENCH_PROFILE === '1' && run === 1) await profile(koersPage, measure)
      else await measure()
      const koersRun = summarize(measured)
      results.push({ bare: bareRun, koers: koersRun })
      console.log(`\nrun ${run}${' '.repeat(29)}  median     p95  ≤${THRESHOLD_MS} ms`)
      console.log(row('bare Tiptap + Yjs', bareRun))
      console.log(row(`Koers, ${crowdSize} carets (${typists} typing)`, koersRun))
    }

    const pick = (side: 'bare' | 'koers', key: 'median' | 'p95') =>
      median(results.map((r) => Math.max(r[side][key], THRESHOLD_MS)))
    const bareMedian = pick('bare', 'median')
    const koersMedian = pick('koers', 'median')
    const bareP95 = pick('bare', 'p95')
    const koersP95 = pick('koers', 'p95')
    const ratioMedian = koersMedian / bareMedian
    const ratioP95 = koersP95 / bareP95
    console.log(
      `\nmedian of ${runs} runs (ms; ≤${THRESHOLD_MS} = under the Event Timing threshold)`,
    )
    console.log(`${''.padEnd(34)}  median     p95`)
    console.log(
      `${'bare Tiptap + Yjs'.padEnd(34)} ${ms(bareMedian).padStart(7)} ${ms(bareP95).padStart(7)}`,
    )
    console.log(
      `${`Koers, ${crowdSize} carets (${typists} typing)`.padEnd(34)} ${ms(koersMedian).padStart(7)} ${ms(koersP95).padStart(7)}`,
    )
    console.log(
      `${'ratio Koers / bare'.padEnd(34)} ${`${ratioMedian.toFixed(2)}×`.padStart(7)} ${`${ratioP95.toFixed(2)}×`.padStart(7)}   goal ≤ ${GOAL}×: ${ratioMedian <= GOAL && ratioP95 <= GOAL ? 'met' : 'NOT met'}`,
    )
  } finally {
    for (const stop of stops) await Promise.resolve(stop()).catch(() => undefined)
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
