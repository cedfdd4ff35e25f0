import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { listSections } from '@koers/doc-model'
import { describe, expect, test } from 'vitest'
import { docxAsHtml, pdfPages } from '../../packages/export/src/testing/readBack.ts'
import { createWorkspace, joinAs } from '../support/api.ts'
import {
  artifactsDir,
  browserAvailable,
  joinThroughLink,
  newPerson,
  sectionEditor,
  setupBrowserSuite,
} from '../support/browser.ts'
import { listVersions } from '../support/deliverApi.ts'
import { saveScreenshot, sidewaysReport } from '../support/layout.ts'
import { disposeProvider, syncedProvider } from '../support/provider.ts'

describe.skipIf(!browserAvailable)('browser: export, versions, compare, restore', () => {
  const suite = setupBrowserSuite()

  test('EXP-16 VER-1 VER-4 VER-5 a facilitator exports Word and PDF, saves a version, edits, compares and restores while an editor stays connected', async () => {
    const url = suite.server.url
    const workspace = await createWorkspace(url)
    const reader = await syncedProvider(
      url,
      workspace.id,
      (await joinAs(url, workspace.keys.viewer, 'Lezer')).cookie,
    )
    const sectionId = listSections(reader.doc)[0]!.id
    disposeProvider(reader)

    const fenna = await newPerson(suite.browser, 'versions-fenna')
    const eva = await newPerson(suite.browser, 'versions-eva')
    await joinThroughLink(fenna.page, workspace.links.facilitator, 'Fenna')
    await joinThroughLink(eva.page, workspace.links.editor, 'Eva')
    const page = fenna.page
    const editor = sectionEditor(page, sectionId)
    await editor.click()
    await editor.pressSequentially('Wij kiezen voor rust in de klas.', { delay: 10 })
    await page
      .locator('[data-testid="sync-status"][data-state="saved"]')
      .waitFor({ timeout: 20_000 })

    // Export Word and PDF through the dialog.
    await page.getByTestId('export-open').click()
    const dialog = page.getByTestId('export-dialog')
    await dialog.getByRole('heading', { name: 'Exporteren' }).waitFor()
    await dialog.getByLabel('Richtvragen opnemen').check()
    await dialog.getByLabel(/Bijlage opnemen/).check()
    mkdirSync(artifactsDir, { recursive: true })
    const [word] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Downloaden' }).click(),
    ])
    expect(word.suggestedFilename()).toBe('visie-op-digitalisering-de-regenboog.docx')
    const wordPath = join(artifactsDir, 'versions-export.docx')
    await word.saveAs(wordPath)
    expect(await docxAsHtml(new Uint8Array(readFileSync(wordPath)))).toContain(
      'Wij kiezen voor rust in de klas.',
    )
    await dialog
      .getByTestId('export-message')
      .getByText(/is gedownload/)
      .waitFor()

    await dialog.getByRole('radio', { name: /^PDF/ }).check()
    const [pdf] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Downloaden' }).click(),
    ])
    expect(pdf.suggestedFilename()).toBe('visie-op-digitalisering-de-regenboog.pdf')
    const pdfPath = join(artifactsDir, 'versions-export.pdf')
    await pdf.saveAs(pdfPath)
    const pages = await pdfPages(new Uint8Array(readFileSync(pdfPath)))
    expect(pages.join('\n')).toContain('Wij kiezen voor rust in de klas.')
    expect(pages.join('\n')).toContain('Bijlage')
    // The first pages as pictures, to look at (tests/.artifacts/versions-pdf-1.png …).
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-f',
      '1',
      '-l',
      '3',
      pdfPath,
      join(artifactsDir, 'versions-pdf'),
    ])
    await dialog.getByRole('button', { name: 'Sluiten' }).click()
    await expect.poll(() => page.getByTestId('export-dialog').count()).toBe(0)
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('export-open')

    // Save a version.
    await page.getByRole('tab', { name: 'Gegevens' }).click()
    await page.getByLabel('Naam van de versie').fill('Na de studiedag')
    await page.getByRole('button', { name: 'Vastleggen' }).click()
    await page
      .getByTestId('versions-message')
      .getByText('Versie “Na de studiedag” is vastgelegd.')
      .waitFor()
    await page.getByTestId('versions-list').getByText('Na de studiedag').waitFor()

    // Edit the text on.
    await page.getByRole('tab', { name: 'Tekst' }).click()
    await editor.click()
    await page.keyboard.press('End')
    for (let i = 0; i < 'rust in de klas.'.length; i++) await page.keyboard.press('Backspace')
    await editor.pressSequentially('ruimte en rust, elke dag weer.', { delay: 10 })
    await expect
      .poll(() => editor.innerText())
      .toContain('Wij kiezen voor ruimte en rust, elke dag weer.')
    await page
      .locator('[data-testid="sync-status"][data-state="saved"]')
      .waitFor({ timeout: 20_000 })

    // Compare the version with now.
    await page.getByRole('tab', { name: 'Gegevens' }).click()
    const older = page.getByLabel('Oudere versie')
    const versionValue = await older
      .locator('option', { hasText: 'Na de studiedag' })
      .getAttribute('value')
    await older.selectOption(versionValue!)
    await page.getByLabel('Nieuwere versie').selectOption({ label: 'Nu (de huidige tekst)' })
    await page.getByRole('button', { name: 'Vergelijken' }).click()
    const compare = page.getByTestId('compare-view')
    await compare.waitFor()
    const changed = compare.getByTestId(`compare-section-${sectionId}`)
    await expect
      .poll(() => changed.locator('ins').allInnerTexts())
      .toEqual(expect.arrayContaining([expect.stringContaining('ruimte')]))
    expect((await changed.locator('del').allInnerTexts()).join(' ')).toContain('klas')
    expect(await changed.locator('ins .visually-hidden').first().innerText()).toBe('toegevoegd:')
    await compare.scrollIntoViewIfNeeded()
    await saveScreenshot(page, 'versions-compare')
    await page.setViewportSize({ width: 360, height: 740 })
    await compare.scrollIntoViewIfNeeded()
    await saveScreenshot(page, 'versions-compare-phone')
    expect((await sidewaysReport(page, 'compare at 360 px')).sticksOut).toEqual([])
    await page.setViewportSize({ width: 1280, height: 900 })

    // Open the version read-only.
    await page.getByRole('button', { name: 'Versie “Na de studiedag” bekijken' }).click()
    const opened = page.getByTestId('version-opened')
    await opened.getByText('Wij kiezen voor rust in de klas.').waitFor()
    expect(await opened.locator('[contenteditable="true"]').count()).toBe(0)

    // Restore, after the confirmation; Eva stays connected and sees it without reloading.
    await page.getByRole('button', { name: 'Versie “Na de studiedag” terugzetten' }).click()
    await page.getByTestId('confirm').getByRole('button', { name: 'Terugzetten' }).click()
    await page
      .getByTestId('versions-message')
      .getByText(/Versie “Na de studiedag” is teruggezet/)
      .waitFor({ timeout: 20_000 })
    await expect
      .poll(() => sectionEditor(eva.page, sectionId).innerText(), { timeout: 20_000 })
      .toBe('Wij kiezen voor rust in de klas.')
    expect(await eva.page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1)
    await page.getByRole('tab', { name: 'Tekst' }).click()
    await expect.poll(() => editor.innerText()).toBe('Wij kiezen voor rust in de klas.')
    const fennaCookie = (await fenna.context.cookies()).find((c) => c.name === 'koers_session')!
    const versions = await listVersions(url, workspace.id, `koers_session=${fennaCookie.value}`)
    expect(versions.map((v) => [v.name, v.kind])).toEqual([
      ['Voor het terugzetten van “Na de studiedag”', 'before-restore'],
      ['Na de studiedag', 'named'],
    ])
    await fenna.context.close()
    await eva.context.close()
  })

  test('VER-7 the home page imports a backup file as a new workspace', async () => {
    const url = suite.server.url
    const workspace = await createWorkspace(url, {
      title: 'Te importeren visie',
      school: 'De Linde',
    })
    const session = await joinAs(url, workspace.keys.viewer, 'Lezer')
    const backup = await fetch(`${url}/api/workspaces/${workspace.id}/export?format=json`, {
      headers: { cookie: session.cookie },
    })
    const file = join(artifactsDir, 'versions-backup.json')
    mkdirSync(artifactsDir, { recursive: true })
    const { writeFileSync } = await import('node:fs')
    writeFileSync(file, Buffer.from(await backup.arrayBuffer()))
    const { page, context } = await newPerson(suite.browser, 'versions-import')
    await page.goto(url)
    const form = page.getByTestId('import-form')
    await form.getByRole('button', { name: 'Importeren' }).click()
    await form.getByText('Kies eerst een back-upbestand.').waitFor()
    await form.getByLabel('Back-upbestand (.json)').setInputFiles({
      name: 'kapot.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format":'),
    })
    await form.getByRole('button', { name: 'Importeren' }).click()
    await form.getByText(/Dit bestand kan niet worden geïmporteerd/).waitFor()
    await form.getByLabel('Back-upbestand (.json)').setInputFiles(file)
    await form.getByRole('button', { name: 'Importeren' }).click()
    await page.getByTestId('created-links').waitFor()
    await page.getByRole('button', { name: 'Verder als procesbegeleider' }).click()
    await page.getByLabel('Je naam').fill('Fenna')
    await page.getByRole('button', { name: 'Meedoen' }).click()
    await page.getByTestId('workspace-title').getByText('Te importeren visie').waitFor()
    await context.close()
  })
})
