import { describe, expect, it } from 'vitest'
import { exportWorkspace, type ExportOptions } from './index.ts'
import { markdownAsHtml } from './testing/readBack.ts'
import { SEED, seedVision } from './testing/seedVision.ts'

const options: ExportOptions = {
  lang: 'nl',
  questions: true,
  appendix: true,
  participants: SEED.participants,
  now: new Date('2026-12-05T10:00:00Z'),
}

async function markdown(opts: ExportOptions = options): Promise<string> {
  const result = await exportWorkspace(seedVision(), 'md', opts)
  return new TextDecoder().decode(result.bytes)
}

function headings(html: string, level: number): string[] {
  return [...html.matchAll(new RegExp(`<h${level}>(.*?)</h${level}>`, 'g'))].map((m) => m[1]!)
}

describe('Markdown export', () => {
  it('EXP-3 has the cover, the contents and every section that is not removed, in order', async () => {
    const md = await markdown()
    const html = markdownAsHtml(md)
    expect(headings(html, 1)).toEqual([SEED.title])
    const h2 = headings(html, 2)
    expect(h2[0]).toBe('Inhoud')
    expect(h2.slice(1, 4)).toEqual([
      '1. Aanleiding en doel',
      '2. Ons onderwijs als vertrekpunt',
      '3. Kernwaarden',
    ])
    expect(h2).toContain('12. Borging, besluitvorming en evaluatie')
    expect(h2.at(-1)).toBe('Bijlage: zo is deze visie tot stand gekomen')
    expect(md).not.toContain(SEED.removedTitle)
    expect(md).toContain('**De Regenboog**')
    expect(md).toContain(
      '- **Status:** MR\n  - Concept: 2 maart 2026\n  - Teambespreking: 14 april 2026',
    )
    expect(md).toContain('- **Periode:** 2025–2029')
    expect(md).toContain('- **Geëxporteerd op:** 5 december 2026')
  })

  it('EXP-9 links the contents to the headings as a Git forge anchors them', async () => {
    const md = await markdown()
    expect(md).toContain('- [1. Aanleiding en doel](#1-aanleiding-en-doel)')
    expect(md).toContain(
      '- [Bijlage: zo is deze visie tot stand gekomen](#bijlage-zo-is-deze-visie-tot-stand-gekomen)',
    )
  })

  it('EXP-5 keeps headings, marks, links and lists of a body as real Markdown', async () => {
    const md = await markdown()
    expect(md).toContain(
      'Deze visie beschrijft hoe **wij** kiezen. [Kennisnet](https://www.kennisnet.nl/)',
    )
    expect(md).toContain('### Waarom nu?\n\n- telefoons in de klas\n- generatieve AI\n- privacy')
    expect(md).toContain('*cursief* en ~~doorgestreept~~.')
    const html = markdownAsHtml(md)
    expect(html).toContain('<ol>\n<li>Eerst de relatie</li>\n<li>Dan de techniek</li>\n</ol>')
    expect(html).toContain('<blockquote>\n<p>Technologie volgt de pedagogiek.</p>\n</blockquote>')
    expect(html).toContain('<pre><code>console.log(&quot;hallo&quot;)\n</code></pre>')
    expect(html).toContain('<hr>')
    expect(html).toContain('<s>doorgestreept</s>')
  })

  it('EXP-9 escapes user text: markup characters read back as typed', async () => {
    const md = await markdown()
    expect(md).toContain('Let op: \\<script\\>alert(1)\\</script\\> \\* geen \\| tabel # kop')
    const html = markdownAsHtml(md)
    expect(html).not.toContain('<script>')
    expect(html).toContain(
      '<p>Let op: &lt;script&gt;alert(1)&lt;/script&gt; * geen | tabel # kop</p>',
    )
  })

  it('EXP-3 puts the principles and the action table in their template sections, in order', async () => {
    const md = await markdown()
    const html = markdownAsHtml(md)
    const principlesAt = md.indexOf('## 5. Uitgangspunten')
    const nextSection = md.indexOf('## 6. ')
    const positions = SEED.principles.map((p) => md.indexOf(`**${p}**`))
    for (const position of positions) {
      expect(position).toBeGreaterThan(principlesAt)
      expect(position).toBeLessThan(nextSection)
    }
    expect(positions).toEqual([...positions].sort((a, b) => a - b))
    expect(md).toContain('*Waarden: Menselijkheid, Betekenisvol contact · Bouwstenen: Visie*')

    expect(md).toContain('| Wat | Wie | Wanneer | Status | Uitgangspunt |')
    const actionTable = html.slice(
      html.indexOf('<h2>11. Actiepunten</h2>'),
      html.indexOf('<h2>12. '),
    )
    const rows = [...actionTable.matchAll(/<tr>\n<td>(.*?)<\/td>/g)].map((m) => m[1])
    expect(rows).toEqual(SEED.actions)
    expect(md).toContain(
      '| Telefoonbeleid opstellen | Directie | 1 augustus 2026 | Open | 1. Wij kiezen voor menselijk contact, omdat leren begint bij… |',
    )
  })

  it('EXP-4 shows questions and the appendix only when asked, and never a name', async () => {
    const full = await markdown()
    expect(full).toContain('> **Richtvragen**')
    expect(full).toContain('**Aantal deelnemers:** 37')
    expect(full).toContain(SEED.provenance)
    expect(full).toContain('| MR | 20 mei 2026 | De MR stemt in, met één vraag over AI. |')
    const bare = await markdown({ ...options, questions: false, appendix: false })
    expect(bare).not.toContain('Richtvragen')
    expect(bare).not.toContain('Bijlage')
    expect(bare).not.toContain(SEED.provenance)
    const unknown = await markdown({ ...options, participants: undefined })
    expect(unknown).toContain('**Aantal deelnemers:** niet bekend')
  })

  it('EXP-2 speaks English with lang en', async () => {
    const md = await markdown({ ...options, lang: 'en' })
    expect(md).toContain('## Contents')
    expect(md).toContain('- **Exported on:** 5 December 2026')
    expect(md).toContain('| What | Who | When | Status | Guiding principle |')
    expect(md).toContain('| Telefoonbeleid opstellen | Directie | 1 August 2026 | Open |')
    expect(md).toContain('*Values: Humanity, Meaningful contact · Building blocks: Vision*')
    expect(md).toContain('- **Status:** Participation council')
  })
})
