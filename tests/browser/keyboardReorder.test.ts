import { addPrinciple, listPrinciples } from '@koers/doc-model'
import type { Page } from 'playwright-core'
import { describe, expect, test } from 'vitest'
import { createWorkspace, joinAs } from '../support/api.ts'
import {
  browserAvailable,
  joinThroughLink,
  newPerson,
  setupBrowserSuite,
} from '../support/browser.ts'
import { openClient } from '../support/testClients.ts'

const POLL = { timeout: 20_000 }

/** 200–600 ms, as a person presses keys; seeded, so a failure can be replayed. */
function pauses(seed: number, n: number): number[] {
  let x = seed
  return Array.from({ length: n }, () => {
    x = (x * 1_103_515_245 + 12_345) % 2 ** 31
    return 200 + (x % 401)
  })
}

function announced(page: Page): Promise<string> {
  return page.getByTestId('announcer').innerText()
}

/** Records every sentence put into a live region (ours and dnd-kit's), in order. */
async function recordSpoken(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const w = window as unknown as { spoken: string[] }
    if (w.spoken) return
    w.spoken = []
    new MutationObserver((records) => {
      for (const record of records) {
        const nodes =
          record.type === 'characterData' ? [record.target] : Array.from(record.addedNodes)
        for (const node of nodes) {
          const region = node.parentElement?.closest('[aria-live]')
          const text = node.textContent?.trim()
          if (region && text)
            w.spoken.push(`${region.id || (region as HTMLElement).dataset.testid}|${text}`)
        }
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true })
  })
  return () => page.evaluate(() => (window as unknown as { spoken: string[] }).spoken.splice(0))
}

async function setup(suite: ReturnType<typeof setupBrowserSuite>, label: string) {
  const workspace = await createWorkspace(suite.server.url)
  const lead = await openClient(
    suite.server.url,
    await joinAs(suite.server.url, workspace.keys.facilitator, 'Voorbereider'),
  )
  // different heights, like real principles
  const ids = Array.from({ length: 7 }, (_, i) =>
    addPrinciple(lead.doc, {
      statement: `Wij kiezen voor punt ${i + 1}${i % 2 ? ', omdat het ons helpt om samen te leren en elkaar te zien in wat we doen.' : ''}`,
      rationale: i % 3 === 0 ? 'Toelichting\nover\nmeer regels' : '',
    }),
  )
  const anna = await newPerson(suite.browser, `anna-${label}`)
  await joinThroughLink(anna.page, workspace.links.editor, 'Anna de Vries')
  await anna.page.getByRole('tab', { name: 'Uitgangspunten' }).click()
  await anna.page.getByTestId(`principle-${ids[6]}`).waitFor()
  // A busy two-core laptop: renders may take longer than the pause between two presses.
  const cdp = await anna.context.newCDPSession(anna.page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 12 })
  return { lead, ids, anna }
}

describe.skipIf(!browserAvailable)('browser: keyboard reorder (issue 9)', () => {
  const suite = setupBrowserSuite()

  test('WEB-4 the Omlaag/Omhoog button moves a principle exactly one place per Enter, presses 200–600 ms apart, each announced', async () => {
    const { lead, ids, anna } = await setup(suite, 'buttons')
    const page = anna.page
    for (const [round, seed] of [1, 2, 3].entries()) {
      const id = ids[round]!
      const start = listPrinciples(lead.doc).findIndex((p) => p.id === id)
      await page
        .getByTestId(`principle-${id}`)
        .getByRole('button', { name: /^Omlaag/ })
        .focus()
      const spoken = await recordSpoken(page)
      await spoken()
      for (const wait of pauses(seed, 4)) {
        await page.keyboard.press('Enter')
        await page.waitForTimeout(wait)
      }
      await expect
        .poll(() => listPrinciples(lead.doc).findIndex((p) => p.id === id), POLL)
        .toBe(start + 4)
      await expect.poll(() => announced(page), POLL).toContain(`plaats ${start + 5} van 7`)
      const said = (await spoken()).filter((text) => text.includes('staat nu op plaats'))
      expect(said.map((text) => /plaats (\d+)/.exec(text)![1])).toEqual(
        [2, 3, 4, 5].map((n) => String(start + n)),
      )
      for (const wait of pauses(seed + 10, 2)) {
        await page.keyboard.press('Enter')
        await page.waitForTimeout(wait)
      }
      // two more presses: at most the last place
      await expect
        .poll(() => listPrinciples(lead.doc).findIndex((p) => p.id === id), POLL)
        .toBe(Math.min(6, start + 6))
      const up = page.getByTestId(`principle-${id}`).getByRole('button', { name: /^Omhoog/ })
      await up.focus()
      const here = listPrinciples(lead.doc).findIndex((p) => p.id === id)
      for (const wait of pauses(seed + 20, 3)) {
        await page.keyboard.press('Enter')
        await page.waitForTimeout(wait)
      }
      await expect
        .poll(() => listPrinciples(lead.doc).findIndex((p) => p.id === id), POLL)
        .toBe(here - 3)
    }
  })

  test('WEB-4 keyboard drag on the handle (Space, 4×↓, Space) moves a principle exactly four places, each announced, presses 200–600 ms apart', async () => {
    const { lead, ids, anna } = await setup(suite, 'drag')
    const page = anna.page
    for (const [round, seed] of [4, 5, 6].entries()) {
      const order = listPrinciples(lead.doc).map((p) => p.id)
      const id = order[round]!
      const handle = page.getByTestId(`principle-${id}`).getByRole('button', { name: /^Verslepen/ })
      await handle.focus()
      const spoken = await recordSpoken(page)
      await spoken()
      await page.keyboard.press('Space')
      await expect.poll(() => announced(page), POLL).toContain('opgepakt')
      for (const wait of pauses(seed, 4)) {
        await page.waitForTimeout(wait)
        await page.keyboard.press('ArrowDown')
      }
      await page.waitForTimeout(pauses(seed + 1, 1)[0]!)
      await page.keyboard.press('Space')
      const expected = [...order]
      expected.splice(round, 1)
      expected.splice(round + 4, 0, id)
      await expect
        .poll(() => listPrinciples(lead.doc).map((p) => order.indexOf(p.id)), POLL)
        .toEqual(expected.map((x) => order.indexOf(x)))
      const said = (await spoken()).filter((text) => text.includes('staat nu op plaats'))
      // one sentence per ↓, then the drop says where it is put down
      expect(said.map((text) => /plaats (\d+)/.exec(text)![1])).toEqual(
        [2, 3, 4, 5, 5].map((n) => String(round + n)),
      )
    }
    void ids
  })
})
