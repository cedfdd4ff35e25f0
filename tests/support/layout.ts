import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { artifactsDir } from './browser.ts'

export interface SidewaysReport {
  /** what the page was showing, to name the failing case */
  view: string
  fits: boolean
  scrollWidth: number
  viewportWidth: number
  /** the first elements that stick out on the right, when it does not fit */
  sticksOut: string[]
}

/** Whether the page scrolls sideways (`scrollWidth` > viewport), and which elements cause it. */
export async function sidewaysReport(page: Page, view: string): Promise<SidewaysReport> {
  const measured = await page.evaluate(() => {
    const viewportWidth = window.innerWidth
    const scrollWidth = document.documentElement.scrollWidth
    const sticksOut: string[] = []
    if (scrollWidth > viewportWidth) {
      for (const element of Array.from(document.body.querySelectorAll('*'))) {
        const right = element.getBoundingClientRect().right
        if (right > viewportWidth + 0.5 && sticksOut.length < 6) {
          const id = element.getAttribute('data-testid') ?? element.className.toString()
          sticksOut.push(`${element.tagName.toLowerCase()}.${id} → ${Math.round(right)}`)
        }
      }
    }
    return { scrollWidth, viewportWidth, sticksOut }
  })
  return { view, fits: measured.scrollWidth <= measured.viewportWidth, ...measured }
}

/** Saves a screenshot of the viewport as tests/.artifacts/<name>.png and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(artifactsDir, { recursive: true })
  const path = join(artifactsDir, `${name}.png`)
  await page.screenshot({ path })
  return path
}
