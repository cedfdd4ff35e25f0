import type { Content, ContentText, Decoration } from 'pdfmake/interfaces'
import type { Block, Inline } from '../../model/types.ts'

export const COLORS = {
  text: '#1f2328',
  heading: '#12345b',
  accent: '#1d4e89',
  muted: '#3d4651',
  link: '#0b5cad',
  line: '#c5ccd6',
  fill: '#f3f5f8',
  headFill: '#e8eef6',
  questionFill: '#f3f6fb',
}

/** Text runs of inline content; a hard break is a new line. */
export function inlineText(inlines: Inline[]): ContentText[] {
  return inlines.map((inline): ContentText => {
    if (inline.kind === 'break') return { text: '\n' }
    const { marks } = inline
    const decoration: Decoration[] = []
    if (marks.underline || marks.link) decoration.push('underline')
    if (marks.strike) decoration.push('lineThrough')
    const run: ContentText = { text: inline.text }
    if (marks.bold) run.bold = true
    if (marks.italic) run.italics = true
    if (decoration.length > 0) run.decoration = decoration
    if (marks.code) run.background = COLORS.fill
    if (marks.link) {
      run.link = marks.link
      run.color = COLORS.link
    }
    return run
  })
}

export interface PdfBlockContext {
  /** Inside a list item: paragraphs sit closer together. */
  inList: boolean
}

const HEADING_SIZES = [17, 14, 12.5, 11.5, 11, 11]

/** A block with a bar on its left (a quote, the guiding questions). */
export function barred(stack: Content[], bar: string, fill?: string, unbreakable = false): Content {
  return {
    unbreakable,
    table: { widths: ['*'], body: [[{ stack, fillColor: fill }]] },
    layout: {
      hLineWidth: () => 0,
      vLineWidth: (i) => (i === 0 ? 3 : 0),
      vLineColor: () => bar,
      paddingLeft: () => 10,
      paddingRight: () => 6,
      paddingTop: () => 4,
      paddingBottom: () => 4,
    },
    margin: [0, 2, 0, 8],
  }
}

function block(b: Block, ctx: PdfBlockContext): Content {
  switch (b.kind) {
    case 'paragraph':
      return { text: inlineText(b.inlines), margin: [0, 0, 0, ctx.inList ? 2 : 6] }
    case 'heading': {
      const level = b.level
      return {
        text: inlineText(b.inlines),
        bold: true,
        italics: level === 6,
        fontSize: HEADING_SIZES[level - 1],
        color: level <= 2 ? COLORS.heading : COLORS.text,
        margin: [0, 8, 0, 4],
        headlineLevel: level,
      }
    }
    case 'list': {
      // An empty item keeps its bullet with a blank line.
      const items = b.items.map((item) => ({
        stack: item.length > 0 ? blocksPdf(item, { inList: true }) : [' '],
      }))
      return b.ordered
        ? { ol: items, start: b.start, margin: [0, 0, 0, 6] }
        : { ul: items, margin: [0, 0, 0, 6] }
    }
    case 'quote':
      return barred(blocksPdf(b.blocks, ctx), COLORS.line)
    case 'code':
      return {
        table: {
          widths: ['*'],
          body: [[{ text: b.text.replace(/\n$/, ''), preserveLeadingSpaces: true, fontSize: 9.5 }]],
        },
        layout: {
          hLineWidth: () => 0,
          vLineWidth: () => 0,
          fillColor: () => COLORS.fill,
          paddingLeft: () => 8,
          paddingRight: () => 8,
          paddingTop: () => 6,
          paddingBottom: () => 6,
        },
        margin: [0, 2, 0, 8],
      }
    case 'rule':
      return {
        canvas: [
          { type: 'line', x1: 0, y1: 0, x2: 481, y2: 0, lineWidth: 0.5, lineColor: COLORS.line },
        ],
        margin: [0, 6, 0, 10],
      }
  }
}

export function blocksPdf(blocks: Block[], ctx: PdfBlockContext): Content[] {
  return blocks.map((b) => block(b, ctx))
}
