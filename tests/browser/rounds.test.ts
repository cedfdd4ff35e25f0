import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import { createWorkspace } from '../support/api.ts'
import { seriousViolations } from '../support/axe.ts'
import {
  browserAvailable,
  joinThroughLink,
  newPerson,
  setupBrowserSuite,
} from '../support/browser.ts'
import { saveScreenshot, sidewaysReport } from '../support/layout.ts'

const QUESTION = 'Wat mag nooit verloren gaan?'

/** Screenshots of one step on a laptop, a phone and the projector (looked at by a person). */
async function shoot(step: string, shots: Record<string, Page>): Promise<void> {
  for (const [device, page] of Object.entries(shots)) {
    await saveScreenshot(page, `rounds-${step}-${device}`)
  }
}

/** No serious or critical axe violation, and no sideways scrolling on the phone. */
async function checkView(view: string, pages: Page[], phone: Page): Promise<void> {
  for (const page of pages) {
    expect({ view, violations: await seriousViolations(page) }).toEqual({ view, violations: [] })
  }
  const report = await sidewaysReport(phone, view)
  expect(report).toMatchObject({ view, fits: true })
}

/** Into the open round: by the banner, or it is already on the "Ronde" tab. */
async function goToRound(page: Page, kind: string): Promise<void> {
  if ((await page.getByTestId('tab-round').getAttribute('aria-selected')) !== 'true') {
    await page.getByTestId('go-to-round').click()
  }
  await page
    .locator(`[data-testid="round-view"][data-kind="${kind}"][data-status="open"]`)
    .waitFor()
}

async function writeCard(page: Page, text: string): Promise<void> {
  const before = await page.getByTestId('own-card').count()
  await page.getByLabel('Schrijf een kaartje').fill(text)
  await page.getByTestId('add-card').click()
  await expect.poll(() => page.getByTestId('own-card').count()).toBe(before + 1)
}

const wallGroup = (page: Page, name: string) =>
  page.locator(`[data-testid^="group-"][data-name="${name}"]`)

async function addDot(page: Page, item: string): Promise<void> {
  await page.getByRole('button', { name: `Stip op “${item}”` }).click()
}

describe.skipIf(!browserAvailable)('browser: participation rounds (issue 12)', () => {
  const suite = setupBrowserSuite()
  // Five pages on a busy two-core machine: every poll gets time (no fixed sleeps).
  beforeAll(() => vi.setConfig({ expect: { poll: { timeout: 20_000 } } }))
  afterAll(() => vi.resetConfig())

  test(
    'ROUND-50 ROUND-51 ROUND-52 ROUND-53 ROUND-54 ROUND-2 ROUND-3 ROUND-4 ROUND-5 ROUND-9 ROUND-11 ROUND-13 a facilitator and three participants (one on a 360 px phone) run brainstorm → reveal → cluster → vote → reveal → promote the winner → consent round',
    { timeout: 900_000 },
    async () => {
      const { url } = suite.server
      const workspace = await createWorkspace(url)
      const lead = await newPerson(suite.browser, 'facilitator', { width: 1440, height: 900 })
      await joinThroughLink(lead.page, workspace.links.facilitator, 'Fenna')
      const desk = lead.page
      const anna = await newPerson(suite.browser, 'anna', { width: 1280, height: 900 })
      await joinThroughLink(anna.page, workspace.links.editor, 'Anna')
      const phone = await newPerson(suite.browser, 'phone', { width: 360, height: 780 })
      await joinThroughLink(phone.page, workspace.links.editor, 'Pim')
      const sem = await newPerson(suite.browser, 'sem', { width: 1280, height: 900 })
      await joinThroughLink(sem.page, workspace.links.editor, 'Sem')
      const laptop = anna.page
      const pim = phone.page
      const participants = [laptop, pim, sem.page]

      // ROUND-53: the brainstorm phase of the default agenda; the console offers a brainstorm.
      await desk.getByTestId('tab-studyday').click()
      await desk.getByRole('button', { name: /^Nu starten.*Inventarisatie/ }).click()
      const panel = desk.getByTestId('round-panel')
      await expect.poll(() => panel.getByLabel('Brainstorm').isChecked()).toBe(true)
      await panel.getByLabel('Vraag').fill(QUESTION)
      await panel.getByRole('button', { name: 'Brainstorm openen' }).click()
      await expect
        .poll(() => panel.getByTestId('round-count').innerText())
        .toBe('0 kaartjes van 0 mensen')

      const projector = await lead.context.newPage()
      await projector.setViewportSize({ width: 1920, height: 1080 })
      await projector.goto(`${url}/w/${workspace.id}/projector`)

      // ROUND-2: everyone writes privately; the phone too. Own cards can be edited and deleted.
      for (const page of participants) await goToRound(page, 'brainstorm')
      await expect.poll(() => pim.getByTestId('round-question').innerText()).toBe(QUESTION)
      await writeCard(laptop, 'Persoonlijk contact tussen leraar en leerling')
      await writeCard(laptop, 'Samen buiten spelen')
      await writeCard(pim, 'Lezen van echte boeken')
      await writeCard(pim, 'Handschrift oefenen')
      await writeCard(pim, 'Tijd voor een echt gesprek')
      await pim.getByRole('button', { name: 'Kaartje “Handschrift oefenen” wijzigen' }).click()
      await pim.getByLabel('Tekst van het kaartje').fill('Leren schrijven met de hand')
      await pim.getByRole('button', { name: 'Opslaan' }).click()
      await pim.getByText('Leren schrijven met de hand').waitFor()
      await pim
        .getByRole('button', { name: 'Kaartje “Tijd voor een echt gesprek” verwijderen' })
        .click()
      await expect.poll(() => pim.getByTestId('own-card').count()).toBe(2)
      await writeCard(sem.page, 'Elkaar in de ogen kijken')

      // ROUND-3: a live count, no content: not on another laptop, the console or the projector.
      for (const page of [desk, projector, ...participants]) {
        await expect
          .poll(() => page.getByTestId('round-count').first().innerText())
          .toBe('5 kaartjes van 3 mensen')
      }
      expect(await laptop.locator('body').innerText()).not.toContain('Lezen van echte boeken')
      expect(await desk.locator('body').innerText()).not.toContain('Lezen van echte boeken')
      expect(await projector.locator('body').innerText()).not.toContain('Samen buiten spelen')
      await expect
        .poll(() => projector.getByTestId('projector-round').getAttribute('data-status'))
        .toBe('open')
      await shoot('1-write', { laptop, phone: pim, projector, console: desk })
      await checkView('brainstorm: writing', [pim, desk, projector], pim)

      // ROUND-4: the reveal; every screen gets the same five cards, without names.
      await panel.getByTestId('reveal-round').click()
      for (const page of [projector, ...participants]) {
        await expect.poll(() => page.getByTestId('wall-card').count()).toBe(5)
      }
      const wallText = await laptop.getByTestId('card-wall').innerText()
      for (const name of ['Anna', 'Pim', 'Sem']) expect(wallText).not.toContain(name)
      expect(wallText).toContain('Lezen van echte boeken')
      expect(wallText).not.toContain('Tijd voor een echt gesprek')

      // ROUND-5: groups, by drag on a laptop and by the "Groep" choice on the phone, live.
      await laptop.getByTestId('new-group').click()
      await laptop.getByTestId('new-group').click()
      await expect.poll(() => pim.locator('[data-testid^="group-name-"]').count()).toBe(2)
      const [contactId, handsId] = await laptop
        .locator('[data-testid^="group-name-"]')
        .evaluateAll((inputs) =>
          inputs.map((input) => input.getAttribute('data-testid')!.slice(11)),
        )
      await laptop.getByTestId(`group-name-${contactId}`).fill('Contact')
      await laptop.getByTestId(`group-name-${handsId}`).fill('Met de handen')
      await expect.poll(() => wallGroup(pim, 'Contact').count()).toBe(1)
      // By keyboard or touch: "verplaats naar groep…" under the card, on the phone.
      await pim
        .getByLabel(/^Verplaats “Persoonlijk contact tussen/)
        .selectOption({ label: 'Contact' })
      await pim
        .getByLabel('Verplaats “Leren schrijven met de hand” naar groep')
        .selectOption({ label: 'Met de handen' })
      // By drag, on a laptop: the card's handle onto the group.
      const eyes = laptop.locator('[data-testid="wall-card"]', {
        hasText: 'Elkaar in de ogen kijken',
      })
      const handle = await eyes.getByTestId('drag-card').boundingBox()
      const target = await wallGroup(laptop, 'Contact').boundingBox()
      expect(handle && target).toBeTruthy()
      await laptop.mouse.move(handle!.x + handle!.width / 2, handle!.y + handle!.height / 2)
      await laptop.mouse.down()
      await laptop.mouse.move(handle!.x + 20, handle!.y + 20, { steps: 4 })
      await laptop.mouse.move(target!.x + target!.width / 2, target!.y + 30, { steps: 12 })
      await laptop.mouse.up()
      await expect
        .poll(() => wallGroup(sem.page, 'Contact').getByTestId('wall-card').count())
        .toBe(2)
      // Merge: Sem makes a third group for the books, then merges it into "Met de handen".
      await sem.page.getByTestId('new-group').click()
      await expect.poll(() => sem.page.locator('[data-testid^="group-name-"]').count()).toBe(3)
      await sem.page
        .getByLabel('Verplaats “Lezen van echte boeken” naar groep')
        .selectOption({ label: 'Groep 3' })
      await expect.poll(() => wallGroup(laptop, 'Groep 3').getByTestId('wall-card').count()).toBe(1)
      await sem.page
        .getByLabel('Groep “Groep 3” samenvoegen met')
        .selectOption({ label: 'Met de handen' })
      for (const page of [projector, ...participants]) {
        await expect
          .poll(() => wallGroup(page, 'Met de handen').getByTestId('wall-card').count())
          .toBe(2)
        await expect.poll(() => wallGroup(page, 'Contact').getByTestId('wall-card').count()).toBe(2)
        await expect.poll(() => page.getByTestId('wall-card').count()).toBe(5)
      }
      await shoot('2-wall', { laptop, phone: pim, projector })
      await checkView('the wall', [laptop, pim, projector], pim)

      // ROUND-53: the voting phase; the vote is about the groups and the loose card.
      await desk.getByTestId('tab-studyday').click()
      await desk.getByRole('button', { name: /^Volgende/ }).click()
      await expect.poll(() => panel.getByLabel('Stemronde').isChecked()).toBe(true)
      await panel.getByLabel('Vraag').fill('Wat vinden we het belangrijkst?')
      await panel.getByLabel('Stippen per persoon').fill('3')
      await panel.getByLabel('Hoogstens per onderwerp').fill('2')
      await panel.getByRole('button', { name: 'Stemronde openen' }).click()
      for (const page of participants) await goToRound(page, 'vote')
      await expect.poll(() => pim.getByTestId('ballot-item').count()).toBe(3)
      // A visible budget: "nog 2 stippen" after one; the per-item maximum disables "+".
      await expect.poll(() => pim.getByTestId('dots-left').innerText()).toContain('Nog 3 stippen')
      await addDot(pim, 'Contact')
      await expect.poll(() => pim.getByTestId('dots-left').innerText()).toContain('Nog 2 stippen')
      await addDot(pim, 'Contact')
      expect(await pim.getByRole('button', { name: 'Stip op “Contact”' }).isDisabled()).toBe(true)
      await addDot(pim, 'Met de handen')
      await expect
        .poll(() => pim.getByTestId('dots-left').innerText())
        .toContain('Al je stippen zijn verdeeld')
      await addDot(laptop, 'Contact')
      await addDot(laptop, 'Contact')
      await addDot(laptop, 'Samen buiten spelen')
      await addDot(sem.page, 'Met de handen')
      await addDot(sem.page, 'Contact')
      for (const page of participants) {
        await page.getByText('Je stippen zijn opgeslagen.').waitFor()
      }
      await expect
        .poll(() => panel.getByTestId('round-count').innerText())
        .toBe('3 mensen hebben gestemd')
      await expect
        .poll(() => projector.getByTestId('round-count').innerText())
        .toBe('3 mensen hebben gestemd')
      await shoot('3-vote', { laptop, phone: pim, projector })
      await checkView('dot voting', [pim, laptop], pim)

      // ROUND-9 ROUND-52: the reveal gives a bar chart whose values are text.
      await panel.getByTestId('reveal-round').click()
      const rows = laptop.getByTestId('result-row')
      await expect.poll(() => rows.count()).toBe(3)
      expect(await rows.first().getAttribute('data-name')).toBe('Contact')
      expect(await rows.first().innerText()).toContain('5 stippen')
      expect(await rows.nth(1).innerText()).toContain('2 stippen')
      expect(await rows.nth(2).innerText()).toContain('1 stip')
      await expect
        .poll(() => projector.getByTestId('result-row').first().innerText())
        .toContain('5 stippen')
      await shoot('4-results', { laptop, phone: pim, projector })
      await checkView('vote results', [laptop, pim, projector], pim)

      // ROUND-13 ROUND-54: the winner becomes a principle, with where it came from.
      await laptop.getByTestId('promote-winner').click()
      await laptop.getByRole('button', { name: 'Meer acties voor Met de handen' }).click()
      await laptop.getByRole('menuitem', { name: 'Maak actiepunt' }).click()
      await laptop.getByTestId('tab-actions').click()
      await expect
        .poll(() => laptop.getByTestId('action-provenance').innerText())
        .toBe(`Herkomst: uit brainstorm '${QUESTION}', 2 kaartjes, 2 stippen`)
      await laptop.getByTestId('tab-principles').click()
      const provenance = laptop.getByTestId('principle-provenance')
      await expect
        .poll(() => provenance.innerText())
        .toBe(`Herkomst: uit brainstorm '${QUESTION}', 2 kaartjes, 5 stippen`)
      await desk.getByTestId('tab-principles').click()
      const statement = desk.locator('[data-testid^="principle-statement-"]')
      await expect.poll(() => statement.inputValue()).toBe('Contact')
      await statement.fill(
        'Wij kiezen voor persoonlijk contact, omdat leren begint bij gezien worden.',
      )

      // ROUND-53 ROUND-11: a consent round on it, in the consent phase.
      await desk.getByTestId('tab-studyday').click()
      await desk.getByRole('button', { name: /^Nu starten.*Uitgangspunten/ }).click()
      await expect.poll(() => panel.getByLabel('Instemmingsronde').isChecked()).toBe(true)
      await panel.getByRole('button', { name: 'Instemmingsronde openen' }).click()
      // Pim was looking at the principles: the banner leads back into the round.
      await pim.getByTestId('tab-principles').click()
      for (const page of participants) await goToRound(page, 'consent')
      const choose = async (page: Page, choice: string, note?: string) => {
        await page.getByTestId('consent-item').getByLabel(choice).check()
        if (note) await page.getByLabel(/^Toelichting/).fill(note)
        await page.getByTestId('send-consent').click()
        await page.getByText('Je antwoorden zijn verstuurd.', { exact: false }).waitFor()
      }
      await expect
        .poll(() => pim.getByTestId('consent-item').getAttribute('data-name'))
        .toContain('persoonlijk contact')
      await choose(laptop, 'Instemmen')
      await choose(pim, 'Zorg', 'Wat betekent dit voor online lessen?')
      await choose(sem.page, 'Instemmen')
      await expect
        .poll(() => panel.getByTestId('round-count').innerText())
        .toBe('3 mensen hebben geantwoord')
      await shoot('5-consent', { laptop, phone: pim, projector })
      await checkView('consent round', [pim, laptop], pim)

      await panel.getByTestId('reveal-round').click()
      for (const page of [projector, ...participants]) {
        await expect
          .poll(() => page.getByTestId('consent-tally').first().innerText())
          .toContain('2 ✓, 1 zorg, 0 bezwaren')
      }
      const notes = await laptop.getByTestId('consent-notes').innerText()
      expect(notes).toContain('Wat betekent dit voor online lessen?')
      expect(notes).not.toContain('Pim')
      await shoot('6-consent-results', { laptop, phone: pim, projector })
      await checkView('consent results', [laptop, pim, projector], pim)

      // ROUND-54: the principle shows its origin and its consent result, on every device.
      await pim.getByTestId('tab-principles').click()
      await expect
        .poll(() => pim.getByTestId('principle-provenance').innerText())
        .toContain(`uit brainstorm '${QUESTION}'`)
      await expect.poll(() => pim.getByTestId('consent-tally').innerText()).toContain('2 ✓, 1 zorg')
      await shoot('7-principle', { phone: pim, console: desk })
      await checkView('principle with origin', [pim], pim)

      for (const person of [anna, phone, sem, lead]) await person.context.close()
    },
  )
})
