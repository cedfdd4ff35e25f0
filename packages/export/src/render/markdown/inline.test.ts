import { describe, expect, it } from 'vitest'
import type { Inline, Marks } from '../../model/types.ts'
import { markdownAsHtml } from '../../testing/readBack.ts'
import { inlineMarkdown } from './inline.ts'

const none: Marks = {
  bold: false,
  italic: false,
  underline: false,
  strike: false,
  code: false,
  link: null,
}

function t(text: string, marks: Partial<Marks> = {}): Inline {
  return { kind: 'text', text, marks: { ...none, ...marks } }
}

/** What a CommonMark renderer makes of the paragraph. */
function rendered(inlines: Inline[]): string {
  return markdownAsHtml(inlineMarkdown(inlines)).trim()
}

describe('Markdown inline runs', () => {
  it('EXP-9 nests a mark inside a longer one', () => {
    const runs = [
      t('a', { bold: true }),
      t('b', { bold: true, italic: true }),
      t('c', { bold: true }),
    ]
    expect(inlineMarkdown(runs)).toBe('**a*b*c**')
    expect(rendered(runs)).toBe('<p><strong>a<em>b</em>c</strong></p>')
  })

  it('EXP-9 keeps marks that cross apart so each still renders', () => {
    const runs = [
      t('een', { italic: true }),
      t('twee', { italic: true, bold: true }),
      t('drie', { bold: true }),
    ]
    expect(rendered(runs)).toBe(
      '<p><em>een<strong>twee</strong></em><!-- --><strong>drie</strong></p>',
    )
  })

  it('EXP-9 moves spaces out of the delimiters', () => {
    const runs = [t('Dit is '), t(' vet ', { bold: true }), t('en dit niet')]
    expect(inlineMarkdown(runs)).toBe('Dit is  **vet** en dit niet')
    expect(rendered(runs)).toBe('<p>Dit is  <strong>vet</strong> en dit niet</p>')
  })

  it('EXP-9 writes links around marked text, code with a long enough fence, breaks as backslashes', () => {
    const link = 'https://www.kennisnet.nl/'
    const runs: Inline[] = [
      t('Ken', { link, bold: true }),
      t('nisnet', { link }),
      t(' en '),
      t('a`b', { code: true }),
      { kind: 'break' },
      t('# geen kop'),
    ]
    expect(inlineMarkdown(runs)).toBe(
      '[**Ken**nisnet](https://www.kennisnet.nl/) en ``a`b``\\\n\\# geen kop',
    )
    expect(rendered(runs)).toBe(
      '<p><a href="https://www.kennisnet.nl/"><strong>Ken</strong>nisnet</a> en <code>a`b</code><br>\n# geen kop</p>',
    )
  })

  it('EXP-9 escapes what would start a list, a quote or a heading at the start of a line', () => {
    for (const text of [
      '1. niet genummerd',
      '- geen lijst',
      '> geen citaat',
      '## geen kop',
      '+ plus',
    ]) {
      expect(rendered([t(text)])).toBe(`<p>${text.replace('>', '&gt;')}</p>`)
    }
  })

  it('EXP-9 underlines with <ins>, which Markdown lacks', () => {
    expect(inlineMarkdown([t('onder', { underline: true })])).toBe('<ins>onder</ins>')
  })
})
