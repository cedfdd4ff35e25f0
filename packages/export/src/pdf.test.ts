import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { exportWorkspace, type ExportOptions } from './index.ts'
import { pdfPages } from './testing/readBack.ts'
import { SEED, seedVision } from './testing/seedVision.ts'

const options: ExportOptions = {
  lang: 'nl',
  questions: true,
  appendix: true,
  participants: SEED.participants,
  now: new Date('2026-12-05T10:00:00Z'),
}
const artifacts = fileURLToPath(new URL('../../../tests/.artifacts/export-pdf/', import.meta.url))

let bytes: Uint8Array
let pages: string[]

beforeAll(async () => {
  bytes = (await exportWorkspace(seedVision(), 'pdf', options)).bytes
  pages = await pdfPages(bytes)
})

/** Lines of a page, without the footer. */
function lines(page: string): string[] {
  return page.split('\n').map((line) => line.trim())
}

describe('PDF export, read back by pdf.js', () => {
  it('EXP-3 has a cover with the facts and the trail, without a page number', () => {
    const cover = pages[0]!
    for (const text of [
      SEED.title,
      SEED.school,
      'Primair onderwijs',
      '2025–2029',
      'Concept: 2 maart 2026',
      'Teambespreking: 14 april 2026',
      'MR: 20 mei 2026',
      'Geëxporteerd op 5 december 2026',
    ]) {
      expect(cover.replace(/\n/g, ' ')).toContain(text)
    }
    expect(cover).not.toContain('Pagina')
  })

  it('EXP-11 the contents give the page each section starts on', () => {
    const toc = lines(pages[1]!)
    expect(toc[0]).toBe('Inhoud')
    const entries = toc.filter((line) => /\s\d+$/.test(line) && !line.startsWith('Pagina'))
    expect(entries).toHaveLength(13)
    for (const entry of entries) {
      const [, title, page] = /^(.*)\s(\d+)$/.exec(entry)!
      const n = Number(page)
      expect(lines(pages[n - 1]!), `${title} on page ${n}`).toContain(title)
      // and not on an earlier page
      for (let p = 2; p < n - 1; p++) expect(lines(pages[p]!)).not.toContain(title)
    }
    expect(entries[0]).toMatch(/^1\. Aanleiding en doel 3$/)
  })

  it('EXP-11 every page after the cover says its number and the total', () => {
    pages.slice(1).forEach((page, i) => {
      expect(page).toContain(`Pagina ${i + 2} van ${pages.length}`)
    })
  })

  it('EXP-3 holds every section, principle and action, in order, and not the removed section', () => {
    const text = pages.slice(2).join('\n')
    const order = [
      '1. Aanleiding en doel',
      'Deze visie beschrijft hoe wij kiezen. Kennisnet',
      'Waarom nu?',
      '2. Ons onderwijs als vertrekpunt',
      'Leerlingen zeggen: ‘dat is één stap’ – café, reünie.',
      '5. Uitgangspunten',
      ...SEED.principles,
      '11. Actiepunten',
      ...SEED.actions,
      '12. Borging, besluitvorming en evaluatie',
      'Bijlage: zo is deze visie tot stand gekomen',
    ]
    const flat = text.replace(/\n/g, ' ')
    const positions = order.map((needle) => flat.indexOf(needle))
    positions.forEach((position, i) => expect(position, order[i]).toBeGreaterThanOrEqual(0))
    expect(positions).toEqual([...positions].sort((a, b) => a - b))
    expect(flat).not.toContain(SEED.removedTitle)
  })

  it('EXP-11 embeds Roboto and no other font', () => {
    const raw = Buffer.from(bytes).toString('latin1')
    const fonts = new Set(
      [...raw.matchAll(/\/BaseFont \/(?:[A-Z]{6}\+)?([\w-]+)/g)].map((m) => m[1]),
    )
    expect([...fonts].sort()).toEqual(['Roboto-Italic', 'Roboto-Medium', 'Roboto-Regular'])
    expect(raw).toContain('/FontFile2')
  })

  it('EXP-11 renders its first pages to PNG for a person to look at', () => {
    mkdirSync(artifacts, { recursive: true })
    writeFileSync(`${artifacts}vision.pdf`, bytes)
    if (spawnSync('pdftoppm', ['-v']).error) {
      console.warn('pdftoppm is not installed (Debian: poppler-utils): PNG step skipped.')
      return
    }
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-f',
      '1',
      '-l',
      '4',
      `${artifacts}vision.pdf`,
      `${artifacts}page`,
    ])
    expect(existsSync(`${artifacts}page-1.png`)).toBe(true)
  })
})
