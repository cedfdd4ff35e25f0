import { ExternalHyperlink, HeadingLevel, Paragraph, TextRun, type ParagraphChild } from 'docx'
import type { Block, Inline } from '../../model/types.ts'
import { MONO, orderedLevels } from './docxStyles.ts'

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const

export function headingLevel(level: number): (typeof HEADINGS)[number] {
  return HEADINGS[Math.min(6, Math.max(1, level)) - 1]!
}

/** Word forbids some control characters in text; they are left out. */
export function cleanText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
}

function run(inline: Extract<Inline, { kind: 'text' }>, link: boolean): TextRun {
  const { marks } = inline
  return new TextRun({
    text: cleanText(inline.text),
    bold: marks.bold || undefined,
    italics: marks.italic || undefined,
    strike: marks.strike || undefined,
    underline: marks.underline ? {} : undefined,
    font: marks.code ? MONO : undefined,
    style: link ? 'Hyperlink' : undefined,
  })
}

export function inlineRuns(inlines: Inline[]): ParagraphChild[] {
  const out: ParagraphChild[] = []
  let i = 0
  while (i < inlines.length) {
    const inline = inlines[i]!
    if (inline.kind === 'break') {
      out.push(new TextRun({ break: 1 }))
      i++
      continue
    }
    const link = inline.marks.link
    if (!link) {
      out.push(run(inline, false))
      i++
      continue
    }
    const children: TextRun[] = []
    while (i < inlines.length) {
      const next = inlines[i]!
      if (next.kind !== 'text' || next.marks.link !== link) break
      children.push(run(next, true))
      i++
    }
    out.push(new ExternalHyperlink({ link, children }))
  }
  return out
}

export interface DocxBlockContext {
  /** A new number for each ordered list, so each one counts from its own start. */
  nextListInstance: () => number
}

interface Nesting {
  listLevel: number
  quote: boolean
}

function paragraph(children: ParagraphChild[], nesting: Nesting, extra = {}): Paragraph {
  return new Paragraph({
    children,
    style: nesting.quote ? 'KoersQuote' : undefined,
    indent: nesting.listLevel >= 0 ? { left: 540 * (nesting.listLevel + 1) } : undefined,
    ...extra,
  })
}

function list(
  b: Extract<Block, { kind: 'list' }>,
  ctx: DocxBlockContext,
  nesting: Nesting,
): Paragraph[] {
  const level = Math.min(8, nesting.listLevel + 1)
  const instance = ctx.nextListInstance()
  const reference = !b.ordered
    ? 'bullet'
    : b.start === 1
      ? 'ordered'
      : { reference: `ordered-from-${b.start}`, levels: orderedLevels(b.start) }
  const out: Paragraph[] = []
  for (const item of b.items) {
    const inner = { listLevel: level, quote: nesting.quote }
    const [first, ...rest] = item
    const numbering = { reference, level, instance }
    if (first?.kind === 'paragraph') {
      out.push(
        new Paragraph({
          children: inlineRuns(first.inlines),
          numbering,
          style: nesting.quote ? 'KoersQuote' : undefined,
        }),
      )
    } else {
      out.push(new Paragraph({ children: [], numbering }))
      if (first) rest.unshift(first)
    }
    for (const child of rest) out.push(...docxBlock(child, ctx, inner))
  }
  return out
}

function docxBlock(b: Block, ctx: DocxBlockContext, nesting: Nesting): Paragraph[] {
  switch (b.kind) {
    case 'paragraph':
      return [paragraph(inlineRuns(b.inlines), nesting)]
    case 'heading':
      return [
        new Paragraph({
          children: inlineRuns(b.inlines),
          heading: headingLevel(b.level),
        }),
      ]
    case 'list':
      return list(b, ctx, nesting)
    case 'quote':
      return b.blocks.flatMap((inner) => docxBlock(inner, ctx, { ...nesting, quote: true }))
    case 'code':
      return b.text
        .replace(/\n$/, '')
        .split('\n')
        .map(
          (line) => new Paragraph({ style: 'KoersCode', children: [new TextRun(cleanText(line))] }),
        )
    case 'rule':
      return [
        new Paragraph({
          children: [],
          border: { bottom: { style: 'single', size: 6, color: 'C5CCD6', space: 1 } },
        }),
      ]
  }
}

export function docxBlocks(blocks: Block[], ctx: DocxBlockContext): Paragraph[] {
  return blocks.flatMap((b) => docxBlock(b, ctx, { listLevel: -1, quote: false }))
}
