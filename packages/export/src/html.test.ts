import { sectionBody, listSections } from '@koers/doc-model'
import { describe, expect, it } from 'vitest'
import { exportWorkspace, type ExportOptions } from './index.ts'
import { paragraph } from './testing/seedVision.ts'
import { SEED, seedVision } from './testing/seedVision.ts'

const options: ExportOptions = {
  lang: 'nl',
  questions: true,
  appendix: true,
  participants: SEED.participants,
  now: new Date('2026-12-05T10:00:00Z'),
}

async function html(doc = seedVision(), opts: ExportOptions = options): Promise<string> {
  const result = await exportWorkspace(doc, 'html', opts)
  return new TextDecoder().decode(result.bytes)
}

describe('HTML export', () => {
  it('EXP-8 is one self-contained file: lang, title, landmarks, no script, nothing external', async () => {
    const page = await html()
    expect(page.startsWith('<!doctype html>\n<html lang="nl">')).toBe(true)
    expect(page).toContain('<title>Visie op digitalisering – De Regenboog</title>')
    expect(page).toMatch(/<header class="cover">[\s\S]*<h1>Visie op digitalisering<\/h1>/)
    expect(page).toContain('<nav class="toc" aria-labelledby="toc-title">')
    expect(page).toContain('<main>')
    expect(page).toContain('<footer>')
    expect(page.match(/<h1[ >]/g)).toHaveLength(1)
    expect(page).not.toMatch(/<script/i)
    expect(page).not.toMatch(/<(link|img|iframe|object|embed)\b/i)
    expect(page).not.toMatch(/\ssrc=|@import|url\(/i)
    // the only absolute address is the link the team wrote
    expect([...page.matchAll(/href="(http[^"]*)"/g)].map((m) => m[1])).toEqual([
      'https://www.kennisnet.nl/',
    ])
    const english = await html(seedVision(), { ...options, lang: 'en' })
    expect(english).toContain('<html lang="en">')
    expect(english).toContain('<h2 id="toc-title">Contents</h2>')
  })

  it('EXP-3 / EXP-8 sections are labelled by numbered headings the contents link to', async () => {
    const page = await html()
    expect(page).toContain('<li><a href="#section-1">1. Aanleiding en doel</a></li>')
    expect(page).toContain(
      '<section aria-labelledby="section-1">\n<h2 id="section-1">1. Aanleiding en doel</h2>',
    )
    expect(page).toContain(
      '<li><a href="#appendix">Bijlage: zo is deze visie tot stand gekomen</a></li>',
    )
    expect(page).not.toContain(SEED.removedTitle)
  })

  it('EXP-5 keeps the structure of a body', async () => {
    const page = await html()
    expect(page).toContain(
      '<p>Deze visie beschrijft hoe <strong>wij</strong> kiezen. <a href="https://www.kennisnet.nl/">Kennisnet</a></p>',
    )
    expect(page).toContain('<h3>Waarom nu?</h3>')
    expect(page).toContain('<ul><li><p>telefoons in de klas</p></li>')
    expect(page).toContain(
      '<ol><li><p>Eerst de relatie</p></li><li><p>Dan de techniek</p></li></ol>',
    )
    expect(page).toContain('<blockquote><p>Technologie volgt de pedagogiek.</p></blockquote>')
    expect(page).toContain('<pre><code>console.log(&quot;hallo&quot;)</code></pre>')
    expect(page).toContain('<p><em>cursief</em> en <s>doorgestreept</s>.</p>')
    expect(page).toContain('<hr>')
  })

  it('EXP-8 the action table has a caption and column headers', async () => {
    const page = await html()
    expect(page).toContain(
      '<caption>Actiepunten</caption>\n<thead><tr><th scope="col">Wat</th><th scope="col">Wie</th><th scope="col">Wanneer</th><th scope="col">Status</th><th scope="col">Uitgangspunt</th></tr></thead>',
    )
    const rows = [...page.matchAll(/<tr><td>([^<]*)<\/td>/g)].map((m) => m[1])
    expect(rows.slice(0, 3)).toEqual(SEED.actions)
    expect(page).toContain('<ol class="principles">')
  })

  it('EXP-8 escapes user text everywhere', async () => {
    const doc = seedVision()
    const first = listSections(doc)[0]!
    sectionBody(doc, first.id).insert(0, [paragraph('"quoted" & \'single\'')])
    const page = await html(doc)
    expect(page).toContain('Let op: &lt;script&gt;alert(1)&lt;/script&gt; * geen | tabel # kop')
    expect(page).toContain('<p>&quot;quoted&quot; &amp; &#39;single&#39;</p>')
  })

  it('EXP-6 keeps the text of a link with an unsafe address, without the link', async () => {
    const doc = seedVision()
    const first = listSections(doc)[0]!
    sectionBody(doc, first.id).insert(0, [
      paragraph(['klik', { link: { href: 'javascript:alert(1)' } }], ' of ', [
        'mail',
        { link: { href: 'mailto:info@regenboog.nl' } },
      ]),
    ])
    const page = await html(doc)
    expect(page).toContain('<p>klik of <a href="mailto:info@regenboog.nl">mail</a></p>')
    expect(page).not.toContain('javascript:')
  })
})
