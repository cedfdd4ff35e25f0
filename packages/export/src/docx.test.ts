import { describe, expect, it } from 'vitest'
import { exportWorkspace, type ExportOptions } from './index.ts'
import { unzipSync } from 'fflate'
import { docxAsHtml, docxPart } from './testing/readBack.ts'
import { SEED, seedVision } from './testing/seedVision.ts'

const options: ExportOptions = {
  lang: 'nl',
  questions: true,
  appendix: true,
  participants: SEED.participants,
  now: new Date('2026-12-05T10:00:00Z'),
}

async function docx(opts: ExportOptions = options): Promise<Uint8Array> {
  return (await exportWorkspace(seedVision(), 'docx', opts)).bytes
}

/** mammoth's HTML without the bookmarks the contents link to. */
async function readBack(bytes: Uint8Array): Promise<string> {
  return (await docxAsHtml(bytes)).replace(/<a id="_Toc\d+"><\/a>/g, '')
}

function all(html: string, pattern: RegExp): string[] {
  return [...html.matchAll(pattern)].map((m) => m[1]!.replace(/<[^>]+>/g, ''))
}

describe('Word export, read back by mammoth', () => {
  it('EXP-3 / EXP-10 sections are Heading 1 in order, body headings below them, removed ones left out', async () => {
    const html = await readBack(await docx())
    const h1 = all(html, /<h1>(.*?)<\/h1>/g)
    expect(h1.slice(0, 3)).toEqual([
      '1. Aanleiding en doel',
      '2. Ons onderwijs als vertrekpunt',
      '3. Kernwaarden',
    ])
    expect(h1).toHaveLength(13)
    expect(h1.at(-1)).toBe('Bijlage: zo is deze visie tot stand gekomen')
    expect(all(html, /<h2>(.*?)<\/h2>/g)).toEqual([
      'Waarom nu?',
      'Herkomst van de uitgangspunten',
      'Besluitvorming',
    ])
    expect(html).not.toContain(SEED.removedTitle)
  })

  it('EXP-5 / EXP-10 lists, marks and links are Word lists, runs and hyperlinks', async () => {
    const html = await readBack(await docx())
    expect(html).toContain(
      '<ul><li>telefoons in de klas</li><li>generatieve AI</li><li>privacy</li></ul>',
    )
    expect(html).toContain('<ol><li>Eerst de relatie</li><li>Dan de techniek</li></ol>')
    expect(html).toContain(
      'Deze visie beschrijft hoe <strong>wij</strong> kiezen. <a href="https://www.kennisnet.nl/">Kennisnet</a>',
    )
    expect(html).toContain('<em>cursief</em> en <s>doorgestreept</s>.')
    expect(html).toContain('Let op: &lt;script&gt;alert(1)&lt;/script&gt; * geen | tabel # kop')
    expect(html).toContain('Leerlingen zeggen: ‘dat is één stap’ – café, reünie.')
  })

  it('EXP-3 the principles follow in order, numbered, and the actions are table rows', async () => {
    const html = await readBack(await docx())
    const statements = all(html, /<ol><li><strong>(.*?)<\/strong><\/li><\/ol>/g)
    expect(statements).toEqual(SEED.principles)
    const principlesAt = html.indexOf('<h1>5. Uitgangspunten</h1>')
    expect(html.indexOf(SEED.principles[0]!)).toBeGreaterThan(principlesAt)
    expect(html).toContain('Waarden: Menselijkheid, Betekenisvol contact · Bouwstenen: Visie')

    const table = html.slice(html.indexOf('<h1>11. Actiepunten</h1>'), html.indexOf('<h1>12. '))
    const rows = [...table.matchAll(/<tr>(.*?)<\/tr>/g)].map((m) =>
      all(m[1]!, /<t[hd]>(.*?)<\/t[hd]>/g),
    )
    expect(rows).toEqual([
      ['Wat', 'Wie', 'Wanneer', 'Status', 'Uitgangspunt'],
      [
        'Telefoonbeleid opstellen',
        'Directie',
        '1 augustus 2026',
        'Open',
        '1. Wij kiezen voor menselijk contact, omdat leren begint bij…',
      ],
      [
        'Scholing AI voor het team',
        'Werkgroep ict',
        '1 september 2026',
        'Bezig',
        '2. Wij kiezen voor privacy, omdat leerlingen recht hebben op…',
      ],
      [
        'Privacyscan van alle apps',
        'Werkgroep ict',
        '',
        'Open',
        '3. Wij kiezen voor eigen regie, omdat scholen niet…',
      ],
    ])
  })

  it('EXP-10 is A4, has a real TOC field with linked entries, and page numbers in the footer', async () => {
    const bytes = await docx()
    const document = docxPart(bytes, 'word/document.xml')
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/)
    expect(document).toContain(
      '<w:fldChar w:fldCharType="begin" w:dirty="true"/><w:instrText xml:space="preserve">TOC \\h \\o &quot;1-1&quot;</w:instrText>',
    )
    // one PAGEREF per entry, for Word to fill in when it updates the field on opening
    expect(document.match(/PAGEREF _Toc\d+ \\h/g)).toHaveLength(13)
    const html = await readBack(bytes)
    const entries = all(html, /<p><a href="#_Toc\d+">(.*?)<\/a><\/p>/g).map((e) => e.trim())
    expect(entries).toEqual(all(html, /<h1>(.*?)<\/h1>/g))
    const footers = Object.keys(unzipSync(bytes)).filter((name) => name.startsWith('word/footer'))
    const footer = footers.map((name) => docxPart(bytes, name)).join('')
    expect(footer).toContain('Pagina ')
    expect(footer).toMatch(/PAGE/)
    expect(footer).toMatch(/NUMPAGES/)
  })

  it('EXP-2 speaks English with lang en', async () => {
    const html = await readBack(await docx({ ...options, lang: 'en' }))
    expect(html).toContain('<strong>Contents</strong>')
    expect(html).toContain('<h1>Appendix: how this vision came about</h1>')
    expect(html).toContain('<th><p><strong>What</strong></p></th>')
    expect(docxPart(await docx({ ...options, lang: 'en' }), 'word/styles.xml')).toContain(
      'w:val="en-GB"',
    )
  })
})
