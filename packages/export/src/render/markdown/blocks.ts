import { plainText } from '../../model/plainText.ts'
import type { Block } from '../../model/types.ts'
import { inlineMarkdown } from './inline.ts'

export interface BlockContext {
  /** Called with each heading's text, in order, so anchors count repeats as the forge does. */
  onHeading: (text: string) => void
}

function indent(text: string, width: number): string {
  const pad = ' '.repeat(width)
  return text
    .split('\n')
    .map((line, i) => (i === 0 || line === '' ? line : pad + line))
    .join('\n')
}

function fence(text: string): string {
  const longest = Math.max(0, ...(text.match(/`{3,}/g) ?? []).map((run) => run.length))
  return '`'.repeat(Math.max(3, longest + 1))
}

function list(block: Extract<Block, { kind: 'list' }>, ctx: BlockContext): string {
  const tight = block.items.every(
    (item) => item.length <= 1 && (item[0]?.kind ?? 'paragraph') === 'paragraph',
  )
  return block.items
    .map((item, i) => {
      const marker = block.ordered ? `${block.start + i}.` : '-'
      const body = blocksMarkdown(item, ctx)
      return body === '' ? marker : `${marker} ${indent(body, marker.length + 1)}`
    })
    .join(tight ? '\n' : '\n\n')
}

function block(b: Block, ctx: BlockContext): string {
  switch (b.kind) {
    case 'paragraph':
      return inlineMarkdown(b.inlines)
    case 'heading': {
      const flat = b.inlines.map((inline) =>
        inline.kind === 'break' ? { kind: 'text' as const, text: ' ', marks: noMarks } : inline,
      )
      ctx.onHeading(plainText(flat))
      // `#` is the document's title, so the section title (level 1) is `##`.
      const level = Math.min(6, b.level + 1)
      return `${'#'.repeat(level)} ${inlineMarkdown(flat)}`
    }
    case 'list':
      return list(b, ctx)
    case 'quote':
      return blocksMarkdown(b.blocks, ctx)
        .split('\n')
        .map((line) => (line === '' ? '>' : `> ${line}`))
        .join('\n')
    case 'code': {
      const f = fence(b.text)
      const info = b.language.replace(/[^\w+#.-]/g, '')
      return `${f}${info}\n${b.text.replace(/\n$/, '')}\n${f}`
    }
    case 'rule':
      return '---'
  }
}

const noMarks = {
  bold: false,
  italic: false,
  underline: false,
  strike: false,
  code: false,
  link: null,
}

/** Blocks as Markdown, separated by blank lines; empty blocks left out. */
export function blocksMarkdown(blocks: Block[], ctx: BlockContext): string {
  let out = ''
  let previous: Block | null = null
  for (const b of blocks) {
    const text = block(b, ctx)
    if (text === '') continue
    if (out !== '') out += '\n\n'
    // Two lists of one kind in a row would read as one list: a comment keeps them apart.
    if (previous?.kind === 'list' && b.kind === 'list' && previous.ordered === b.ordered) {
      out += '<!-- -->\n\n'
    }
    out += text
    previous = b
  }
  return out
}
