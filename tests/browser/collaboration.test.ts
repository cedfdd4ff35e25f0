import { describe, expect, onTestFinished, test } from 'vitest'
import { createWorkspace, joinAs } from '../support/api.ts'
import {
  browserAvailable,
  joinThroughLink,
  newPerson,
  sectionEditor,
  setupBrowserSuite,
} from '../support/browser.ts'
import { startNetworkSwitch } from '../support/networkSwitch.ts'
import { openClient } from '../support/testClients.ts'
import { bodyText, sectionIds } from '../support/typing.ts'

describe.skipIf(!browserAvailable)('browser: writing together', () => {
  const suite = setupBrowserSuite()

  /**
   * Anna reaches the server through a switch that can cut her Wi-Fi, WebSocket included; Bram
   * and an observer client are connected directly. All three are in a new workspace.
   */
  async function annaOnSwitchableWifi(tag: string) {
    const workspace = await createWorkspace(suite.server.url)
    const observer = await openClient(
      suite.server.url,
      await joinAs(suite.server.url, workspace.keys.viewer, 'Waarnemer'),
    )
    const sectionId = sectionIds(observer.doc)[0]!
    const wifi = await startNetworkSwitch(suite.server.port)
    onTestFinished(() => wifi.close())
    const anna = await newPerson(suite.browser, `anna-${tag}`)
    const bram = await newPerson(suite.browser, `bram-${tag}`)
    await joinThroughLink(
      anna.page,
      workspace.links.editor.replace(suite.server.url, wifi.url),
      'Anna de Vries',
    )
    await joinThroughLink(bram.page, workspace.links.editor, 'Bram Jansen')
    return { observer, sectionId, wifi, anna, bram }
  }

  test('SYNC-17 two people type in one section at once and see each other’s text and named caret', async () => {
    const workspace = await createWorkspace(suite.server.url)
    const observer = await openClient(
      suite.server.url,
      await joinAs(suite.server.url, workspace.keys.viewer, 'Waarnemer'),
    )
    const sectionId = sectionIds(observer.doc)[0]!
    const anna = await newPerson(suite.browser, 'anna')
    const bram = await newPerson(suite.browser, 'bram')
    await joinThroughLink(anna.page, workspace.links.editor, 'Anna de Vries')
    await joinThroughLink(bram.page, workspace.links.facilitator, 'Bram Jansen')

    const annaEditor = sectionEditor(anna.page, sectionId)
    const bramEditor = sectionEditor(bram.page, sectionId)
    await annaEditor.click()
    await bramEditor.click()
    await Promise.all([
      annaEditor.pressSequentially('Anna schrijft over menselijkheid. ', { delay: 25 }),
      bramEditor.pressSequentially('Bram schrijft over autonomie. ', { delay: 25 }),
    ])

    await expect
      .poll(() => annaEditor.innerText(), { timeout: 15_000 })
      .toContain('Bram schrijft over autonomie.')
    await expect
      .poll(() => bramEditor.innerText(), { timeout: 15_000 })
      .toContain('Anna schrijft over menselijkheid.')
    await expect.poll(() => bodyText(observer.doc, sectionId)).toContain('autonomie')
    expect(bodyText(observer.doc, sectionId)).toContain('menselijkheid')

    // Each sees the other's caret, labelled with the other's name.
    const caretLabel = (page: typeof anna.page, name: string) =>
      page.locator('.collaboration-carets__caret .collaboration-carets__label', { hasText: name })
    await expect
      .poll(() => caretLabel(anna.page, 'Bram Jansen').count(), { timeout: 15_000 })
      .toBe(1)
    await expect
      .poll(() => caretLabel(bram.page, 'Anna de Vries').count(), { timeout: 15_000 })
      .toBe(1)
    expect(await caretLabel(anna.page, 'Anna de Vries').count()).toBe(0)
    await anna.page.getByTestId('presence-toggle').click()
    await expect
      .poll(() => anna.page.getByTestId('presence-list').innerText())
      .toContain('Bram Jansen')
    await Promise.all([anna.context.close(), bram.context.close()])
  })

  test('SYNC-18 a person who goes offline keeps typing; the text arrives once back online', async () => {
    const { observer, sectionId, wifi, anna, bram } = await annaOnSwitchableWifi('offline')

    await anna.context.setOffline(true)
    wifi.setConnected(false)
    const status = anna.page.getByTestId('sync-status')
    await expect.poll(() => status.getAttribute('data-state'), { timeout: 15_000 }).toBe('offline')
    const annaEditor = sectionEditor(anna.page, sectionId)
    await annaEditor.click()
    await annaEditor.pressSequentially('Geschreven in de trein zonder wifi.', { delay: 10 })
    expect(await status.getAttribute('data-state')).toBe('offline')
    expect(bodyText(observer.doc, sectionId)).not.toContain('trein')

    wifi.setConnected(true)
    await anna.context.setOffline(false)
    await expect
      .poll(() => sectionEditor(bram.page, sectionId).innerText(), { timeout: 30_000 })
      .toContain('Geschreven in de trein zonder wifi.')
    await expect.poll(() => status.getAttribute('data-state'), { timeout: 15_000 }).toBe('saved')
    expect(bodyText(observer.doc, sectionId)).toContain('trein')
    await Promise.all([anna.context.close(), bram.context.close()])
  })

  test('SYNC-14 a reload without network opens the workspace from this device; the text arrives later', async () => {
    const { observer, sectionId, wifi, anna, bram } = await annaOnSwitchableWifi('reload')
    // The service worker has precached the app and controls this page.
    await expect
      .poll(() => anna.page.evaluate(() => navigator.serviceWorker.controller !== null), {
        timeout: 15_000,
      })
      .toBe(true)

    const annaEditor = sectionEditor(anna.page, sectionId)
    await annaEditor.click()
    await annaEditor.pressSequentially('Voor de storing. ', { delay: 10 })
    await expect.poll(() => bodyText(observer.doc, sectionId)).toContain('Voor de storing.')

    wifi.setConnected(false)
    const status = anna.page.getByTestId('sync-status')
    await expect.poll(() => status.getAttribute('data-state'), { timeout: 15_000 }).toBe('offline')
    await annaEditor.pressSequentially('Zonder wifi getypt. ', { delay: 10 })

    // Unsent changes make the page ask before leaving; Anna confirms, as a person would.
    anna.page.on('dialog', (dialog) => void dialog.accept())
    const response = await anna.page.reload()
    expect(response?.fromServiceWorker()).toBe(true)
    await expect
      .poll(() => annaEditor.innerText(), { timeout: 15_000 })
      .toContain('Voor de storing. Zonder wifi getypt.')
    await expect.poll(() => status.getAttribute('data-state'), { timeout: 15_000 }).toBe('offline')
    expect(await status.innerText()).toContain('niet-verzonden wijzigingen')

    await annaEditor.click()
    await anna.page.keyboard.press('End')
    await annaEditor.pressSequentially('Na het herladen.', { delay: 10 })
    expect(bodyText(observer.doc, sectionId)).not.toContain('wifi')

    wifi.setConnected(true)
    await expect
      .poll(() => sectionEditor(bram.page, sectionId).innerText(), { timeout: 45_000 })
      .toContain('Voor de storing. Zonder wifi getypt. Na het herladen.')
    await expect.poll(() => status.getAttribute('data-state'), { timeout: 15_000 }).toBe('saved')
    expect(bodyText(observer.doc, sectionId)).toContain('Na het herladen.')
    await Promise.all([anna.context.close(), bram.context.close()])
  })
})
