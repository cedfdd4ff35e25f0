import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import {
  setAdoptionStatus,
  setSectionLocked,
  startAgenda,
  startTimer,
  updateTimer,
} from '@koers/doc-model'
import { createWorkspace, joinAs } from '../support/api.ts'
import {
  browserAvailable,
  joinThroughLink,
  newPerson,
  sectionEditor,
  setupBrowserSuite,
} from '../support/browser.ts'
import { saveScreenshot, sidewaysReport } from '../support/layout.ts'
import { startNetworkSwitch } from '../support/networkSwitch.ts'
import { openClient } from '../support/testClients.ts'
import { bodyText, sectionIds } from '../support/typing.ts'

const TEN_MINUTES_MS = 10 * 60_000

/** Makes this context's clock run ten minutes behind, as a laptop set wrong would (STUDY-4). */
async function shiftClock(context: BrowserContext, shiftMs: number): Promise<void> {
  await context.addInitScript((shift: number) => {
    const RealDate = Date
    class ShiftedDate extends RealDate {
      constructor(...args: [] | [string | number | Date]) {
        if (args.length === 0) super(RealDate.now() + shift)
        else super(args[0])
      }
      static override now(): number {
        return RealDate.now() + shift
      }
    }
    globalThis.Date = ShiftedDate as DateConstructor
  }, shiftMs)
}

/** The seconds each page's timer shows, read at the same moment (negative: overtime). */
function timerSeconds(pages: Page[]): Promise<number[]> {
  return Promise.all(
    pages.map((page) =>
      page
        .getByTestId('timer')
        .first()
        .getAttribute('data-seconds')
        .then((value) => Number(value)),
    ),
  )
}

const spread = (values: number[]) => Math.max(...values) - Math.min(...values)

async function joinWithCode(page: Page, url: string, code: string, name: string, typed: boolean) {
  if (typed) {
    await page.goto(`${url}/join`)
    await page.getByLabel('Deelnamecode').fill(code.toLowerCase())
  } else {
    await page.goto(`${url}/j/${code}`)
    await expect.poll(() => page.getByLabel('Deelnamecode').inputValue()).toBe(code)
  }
  await page.getByLabel('Je naam').fill(name)
  await page.getByRole('button', { name: 'Meedoen' }).click()
  await page.waitForURL(/\/w\/[^/]+$/)
  await page.getByTestId('sync-status').and(page.locator('[data-state="saved"]')).waitFor()
}

function currentPhase(page: Page) {
  return page.getByTestId('current-phase').innerText()
}

function selectedTab(page: Page) {
  return page.locator('[role="tab"][aria-selected="true"]').getAttribute('data-testid')
}

/** Whether a section's heading is in the top half of the window and not under a sticky bar. */
function headingInView(page: Page, sectionId: string) {
  return page.evaluate((id) => {
    const heading = document.getElementById(`section-title-${id}`)
    if (!heading) return false
    const box = heading.getBoundingClientRect()
    const x = box.left + Math.min(box.width / 2, 40)
    const y = box.top + box.height / 2
    const hit = document.elementFromPoint(x, y)
    return y > 0 && y < window.innerHeight / 2 && hit !== null && heading.contains(hit)
  }, sectionId)
}

describe.skipIf(!browserAvailable)('browser: the study day (issue 11)', () => {
  const suite = setupBrowserSuite()
  // Four browsers on a busy two-core machine: give every poll time (no fixed sleeps).
  beforeAll(() => vi.setConfig({ expect: { poll: { timeout: 15_000 } } }))
  afterAll(() => vi.resetConfig())

  test('STUDY-13 STUDY-5 STUDY-6 STUDY-9 STUDY-10 a facilitator and three participants (one on a phone, one with a clock ten minutes off) run a mini agenda of three phases', async () => {
    const { url } = suite.server
    const workspace = await createWorkspace(url)
    const lead = await newPerson(suite.browser, 'facilitator', { width: 1440, height: 900 })
    await joinThroughLink(lead.page, workspace.links.facilitator, 'Fenna')
    const desk = lead.page
    await desk.getByTestId('tab-studyday').click()
    await desk.getByTestId('console').waitFor()

    // A mini agenda: the first three phases of the default agenda, the first one of 1 minute.
    const phases = desk.getByTestId('agenda').locator('.phase')
    await expect.poll(() => phases.count()).toBe(8)
    for (let i = 8; i > 3; i--) {
      const phase = phases.nth(i - 1)
      await phase
        .getByRole('button', { name: /^Verwijder / })
        .first()
        .click()
      await phase
        .getByRole('button', { name: /^Verwijder / })
        .last()
        .click()
      await expect.poll(() => phases.count()).toBe(i - 1)
    }
    await phases.nth(0).getByLabel('Minuten').fill('1')
    await expect
      .poll(() => desk.getByTestId('agenda-total').innerText())
      .toBe('3 fasen · 56 minuten')

    // Joining by code: the code, its short link and its QR code, made here.
    await desk.getByRole('button', { name: 'Deelname openen' }).click()
    const code = (await desk.getByTestId('join-code').first().innerText()).trim()
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{6}$/)
    expect(await desk.getByTestId('join-qr').getAttribute('data-text')).toBe(`${url}/j/${code}`)

    const anna = await newPerson(suite.browser, 'anna')
    await joinWithCode(anna.page, url, code, 'Anna', false)
    const phone = await newPerson(suite.browser, 'phone', { width: 390, height: 844 })
    await joinWithCode(phone.page, url, code, 'Pim', true)
    const skewed = await newPerson(suite.browser, 'skewed-clock')
    await shiftClock(skewed.context, -TEN_MINUTES_MS)
    await joinWithCode(skewed.page, url, code, 'Sem', false)
    expect(await skewed.page.evaluate(() => Date.now())).toBeLessThan(
      Date.now() - TEN_MINUTES_MS + 60_000,
    )
    const participants = [anna.page, phone.page, skewed.page]
    const everyone = [desk, ...participants]

    // Start: every screen shows the first phase and the same remaining time, within a second.
    await desk.getByRole('button', { name: 'Start de studiedag' }).click()
    for (const page of participants) {
      await expect.poll(() => currentPhase(page)).toBe('Opening en kader')
    }
    await expect
      .poll(async () => spread(await timerSeconds(everyone)), { timeout: 15_000 })
      .toBeLessThanOrEqual(1)
    const running = await timerSeconds(everyone)
    expect(Math.min(...running)).toBeGreaterThan(30)
    expect(Math.max(...running)).toBeLessThanOrEqual(60)

    // Paused, every screen shows exactly the same time; +5 minutes reaches everyone.
    await desk.getByRole('button', { name: 'Pauzeren' }).click()
    await expect.poll(async () => spread(await timerSeconds(everyone))).toBe(0)
    await desk.getByRole('button', { name: '+5 min erbij' }).click()
    await expect.poll(async () => Math.min(...(await timerSeconds(everyone)))).toBeGreaterThan(300)
    expect(spread(await timerSeconds(everyone))).toBe(0)
    await desk.getByRole('button', { name: 'Hervatten' }).click()
    await expect.poll(async () => spread(await timerSeconds(everyone))).toBeLessThanOrEqual(1)

    // Next, back, next: the current phase follows on every screen, the timer restarts with it.
    await desk.getByRole('button', { name: /^Volgende/ }).click()
    for (const page of participants)
      await expect.poll(() => currentPhase(page)).toBe('Inventarisatie')
    await expect
      .poll(async () => Math.min(...(await timerSeconds(everyone))))
      .toBeGreaterThan(24 * 60)
    expect(spread(await timerSeconds(everyone))).toBeLessThanOrEqual(1)
    await desk.getByRole('button', { name: /Terug$/ }).click()
    for (const page of participants)
      await expect.poll(() => currentPhase(page)).toBe('Opening en kader')
    await desk.getByRole('button', { name: /^Volgende/ }).click()
    await desk.getByRole('button', { name: /^Volgende/ }).click()
    for (const page of participants) await expect.poll(() => currentPhase(page)).toBe('Waarden')
    await expect
      .poll(() => desk.getByTestId('day-progress').innerText())
      .toContain('Gepland 56 min')
    await saveScreenshot(desk, 'studyday-console')
    // Someone writes in the phase's section: the projector shows it live.
    const linked = anna.page.locator('section[data-testid^="section-"]', {
      has: anna.page.getByRole('heading', { name: 'Ons onderwijs als vertrekpunt' }),
    })
    const linkedId = (await linked.getAttribute('id'))!.slice('section-'.length)
    await sectionEditor(anna.page, linkedId).click()
    await anna.page.keyboard.type('Goed onderwijs is onderwijs waarin elk kind gezien wordt.')

    // The projector view of the same browser: phase, timer, code and QR, people present.
    const projector = await lead.context.newPage()
    await projector.setViewportSize({ width: 1920, height: 1080 })
    await projector.goto(`${url}/w/${workspace.id}/projector`)
    await expect.poll(() => projector.getByTestId('projector-phase').innerText()).toBe('Waarden')
    await expect.poll(() => projector.getByTestId('join-code').innerText()).toBe(code)
    expect(await projector.getByTestId('join-qr').getAttribute('data-text')).toBe(
      `${url}/j/${code}`,
    )
    await expect
      .poll(() => projector.getByTestId('projector-present').innerText())
      .toBe('4 aanwezig')
    await expect
      .poll(() => projector.getByTestId('projector-text').innerText())
      .toContain('elk kind gezien wordt')
    await expect
      .poll(async () => spread(await timerSeconds([projector, ...everyone])))
      .toBeLessThanOrEqual(1)
    for (const size of [
      { width: 1920, height: 1080 },
      { width: 1280, height: 720 },
    ]) {
      await projector.setViewportSize(size)
      const fits = await projector.evaluate(() => ({
        scrollsDown: document.documentElement.scrollHeight > window.innerHeight,
        scrollsSideways: document.documentElement.scrollWidth > window.innerWidth,
      }))
      expect({ size, ...fits }).toEqual({ size, scrollsDown: false, scrollsSideways: false })
      await saveScreenshot(projector, `studyday-projector-${size.width}x${size.height}`)
    }

    // Follow the facilitator: their tab, then their section; one click out and back in.
    await desk.getByTestId('toggle-follow').click()
    await desk.getByTestId('tab-principles').click()
    for (const page of participants) {
      await expect.poll(() => selectedTab(page)).toBe('tab-principles')
      await expect
        .poll(() => page.getByTestId('follow-banner').innerText())
        .toContain('Je volgt de procesbegeleider')
    }
    await desk.getByTestId('tab-text').click()
    const target = (await desk
      .locator('section[data-testid^="section-"]')
      .nth(9)
      .getAttribute('id'))!.slice('section-'.length)
    await desk.locator(`a[href="#section-${target}"]`).first().click()
    for (const page of participants) {
      await expect.poll(() => selectedTab(page)).toBe('tab-text')
      await expect.poll(() => headingInView(page, target)).toBe(true)
    }
    await saveScreenshot(phone.page, 'studyday-phone-following')
    await anna.page.getByRole('button', { name: 'Zelf rondkijken' }).click()
    await desk.getByTestId('tab-actions').click()
    await expect.poll(() => selectedTab(phone.page)).toBe('tab-actions')
    expect(await selectedTab(anna.page)).toBe('tab-text')
    await anna.page.getByRole('button', { name: 'Weer volgen' }).click()
    await expect.poll(() => selectedTab(anna.page)).toBe('tab-actions')

    expect((await sidewaysReport(phone.page, 'phone following')).fits).toBe(true)
    for (const person of [anna, phone, skewed, lead]) await person.context.close()
  })

  test('STUDY-11 locks, a pause and an adopted vision are read-only for editors in the interface, with a badge or a calm banner; facilitators are never locked out; a reverted change gets a toast', async () => {
    const { url, port } = suite.server
    const workspace = await createWorkspace(url)
    const control = await openClient(url, await joinAs(url, workspace.keys.facilitator, 'Regie'))
    const [first, second] = sectionIds(control.doc)
    const wifi = await startNetworkSwitch(port)
    const editor = await newPerson(suite.browser, 'editor')
    await joinThroughLink(editor.page, workspace.links.editor.replace(url, wifi.url), 'Eva')
    const lead = await newPerson(suite.browser, 'lead')
    await joinThroughLink(lead.page, workspace.links.facilitator, 'Fenna')
    const editable = (page: Page, id: string) =>
      sectionEditor(page, id).getAttribute('contenteditable')
    for (const page of [editor.page, lead.page]) {
      await expect.poll(() => editable(page, first!)).toBe('true')
    }

    // Lock: the facilitator's button; a badge with text, read-only for the editor only.
    await lead.page.getByTestId(`lock-toggle-${first}`).click()
    await expect
      .poll(() => editor.page.getByTestId(`lock-badge-${first}`).innerText())
      .toContain('Vergrendeld')
    await expect.poll(() => editable(editor.page, first!)).toBe('false')
    expect(await editable(editor.page, second!)).toBe('true')
    expect(await editable(lead.page, first!)).toBe('true')
    expect(await lead.page.getByTestId(`lock-badge-${first}`).innerText()).toContain(
      'Vergrendeld voor teamleden',
    )
    await saveScreenshot(editor.page, 'studyday-locked-section')
    await lead.page.getByTestId(`lock-toggle-${first}`).click()
    await expect.poll(() => editable(editor.page, first!)).toBe('true')
    expect(await editor.page.getByTestId(`lock-badge-${first}`).count()).toBe(0)

    // Pause: a calm banner, the whole document read-only for the editor; presence goes on.
    await lead.page.getByTestId('tab-studyday').click()
    await lead.page.getByTestId('toggle-pause').click()
    await expect
      .poll(() => editor.page.getByTestId('banner-paused').innerText())
      .toContain('Pauze. Het document staat even op alleen lezen')
    await expect.poll(() => editable(editor.page, second!)).toBe('false')
    expect(await editor.page.getByTestId('add-section').count()).toBe(0)
    await expect
      .poll(() => editor.page.getByTestId('presence-toggle').innerText())
      .toContain('3 aanwezig')
    await lead.page.getByTestId('tab-text').click()
    expect(await lead.page.getByTestId('banner-paused').innerText()).toContain(
      'teamleden kunnen nu niets wijzigen',
    )
    await expect.poll(() => editable(lead.page, second!)).toBe('true')
    await saveScreenshot(editor.page, 'studyday-paused')
    await lead.page.getByTestId('tab-studyday').click()
    await lead.page.getByTestId('toggle-pause').click()
    await expect.poll(() => editable(editor.page, second!)).toBe('true')
    expect(await editor.page.getByTestId('banner-paused').count()).toBe(0)

    // A change made offline in a section that is locked meanwhile: reverted, and said so.
    wifi.setConnected(false)
    await expect
      .poll(() => editor.page.getByTestId('sync-status').getAttribute('data-state'))
      .toBe('offline')
    await sectionEditor(editor.page, second!).click()
    await editor.page.keyboard.type('OFFLINE GESCHREVEN')
    setSectionLocked(control.doc, second!, true)
    wifi.setConnected(true)
    await expect
      .poll(() => editor.page.getByTestId('denied-toast').innerText(), { timeout: 30_000 })
      .toContain('dit onderdeel is vergrendeld')
    await expect
      .poll(() => sectionEditor(editor.page, second!).innerText())
      .not.toContain('OFFLINE GESCHREVEN')
    expect(bodyText(control.doc, second!)).not.toContain('OFFLINE GESCHREVEN')

    // Adopted: the editor reads a calm banner and can change nothing.
    setAdoptionStatus(control.doc, 'vastgesteld', { date: '2026-06-01', note: 'Bestuur' })
    await expect
      .poll(() => editor.page.getByTestId('banner-adopted').innerText())
      .toContain('De visie is vastgesteld; alleen de procesbegeleider kan haar heropenen')
    await expect.poll(() => editable(editor.page, first!)).toBe('false')
    for (const person of [editor, lead]) await person.context.close()
    await wifi.close()
  })

  test('STUDY-12 at zero the timer flashes, is announced to screen readers, chimes when the device has sound on, and counts overtime', async () => {
    const { url } = suite.server
    const workspace = await createWorkspace(url)
    const control = await openClient(url, await joinAs(url, workspace.keys.facilitator, 'Regie'))
    const { page, context } = await newPerson(suite.browser, 'zero')
    // Count the tones the page makes (Web Audio oscillators), and switch the chime on.
    await context.addInitScript(() => {
      const counter = window as unknown as { tones: number }
      counter.tones = 0
      const create = AudioContext.prototype.createOscillator
      AudioContext.prototype.createOscillator = function (this: AudioContext) {
        counter.tones++
        return create.call(this)
      }
      localStorage.setItem('koers.timerSound', '1')
    })
    await joinThroughLink(page, workspace.links.editor, 'Eva')
    startAgenda(control.doc, Date.now())
    await page.getByTestId('phase-bar').waitFor()
    // Browsers allow sound after a gesture on the page.
    await page.getByTestId('phase-bar').click()
    updateTimer(control.doc, (timer) => startTimer(timer, Date.now(), 4_000))
    const timer = page.getByTestId('phase-bar').getByTestId('timer')
    await expect.poll(() => timer.getAttribute('data-state')).toBe('overtime')
    expect(await timer.getAttribute('class')).toContain('timer--flash')
    await expect.poll(() => page.getByTestId('announcer').innerText()).toContain('De tijd is om.')
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { tones: number }).tones))
      .toBe(2)
    await expect.poll(async () => Number(await timer.getAttribute('data-seconds'))).toBeLessThan(-1)
    expect(await timer.innerText()).toMatch(/^\+0:0\d/)
    await context.close()
  })

  test('LAYOUT-1 STUDY-1 the console, with joining open and a phase unfolded, fits a 360 px phone', async () => {
    const workspace = await createWorkspace(suite.server.url)
    const { page, context } = await newPerson(suite.browser, 'console-phone', {
      width: 360,
      height: 740,
    })
    await joinThroughLink(page, workspace.links.facilitator, 'Fenna')
    await page.getByTestId('tab-studyday').click()
    await page.getByRole('button', { name: 'Start de studiedag' }).click()
    await page.getByRole('button', { name: 'Deelname openen' }).click()
    await page.getByTestId('join-code').first().waitFor()
    await page.locator('.phase__more summary').first().click()
    const report = await sidewaysReport(page, 'console on a phone')
    expect(report).toMatchObject({ fits: true })
    await page.evaluate(() => window.scrollTo(0, 0))
    await saveScreenshot(page, 'studyday-console-phone')
    await page.locator('.phase__more summary').first().scrollIntoViewIfNeeded()
    await saveScreenshot(page, 'studyday-console-phone-agenda')
    await context.close()
  })
})
