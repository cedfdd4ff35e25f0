import type { Block, Inline } from '../../model/types.ts'
import { escapeHtml } from './escape.ts'

function run(inline: Extract<Inline, { kind: 'text' }>): string {
  let html = escapeHtml(inline.text)
  const { marks } = inline
  if (marks.code) html = `<code>${html}</code>`
  if (marks.underline) html = `<u>${html}</u>`
  if (marks.strike) html = `<s>${html}</s>`
  if (marks.italic) html = `<em>${html}</em>`
  if (marks.bold) html = `<strong>${html}</strong>`
  return html
}

/** Inline content; neighbouring runs of one link share one `<a>`. */
export function inlineHtml(inlines: Inline[]): string {
  let out = ''
  let i = 0
  while (i < inlines.length) {
    const inline = inlines[i]!
    if (inline.kind === 'break') {
      out += '<br>'
      i++
      continue
    }
    const link = inline.marks.link
    if (!link) {
      out += run(inline)
      i++
      continue
    }
    let inner = ''
    while (i < inlines.length) {
      const next = inlines[i]!
      if (next.kind !== 'text' || next.marks.link !== link) break
      inner += run(next)
      i++
    }
    out += `<a href="${escapeHtml(link)}">${inner}</a>`
  }
  return out
}

function block(b: Block): string {
  switch (b.kind) {
    case 'paragraph':
      return `<p>${inlineHtml(b.inlines)}</p>`
    case 'heading': {
      // h1 is the document's title, so the section title (level 1) is h2.
      const level = Math.min(6, b.level + 1)
      return `<h${level}>${inlineHtml(b.inlines)}</h${level}>`
    }
    case 'list': {
      const items = b.items.map((item) => `<li>${blocksHtml(item)}</li>`).join('')
      if (!b.ordered) return `<ul>${items}</ul>`
      return b.start === 1 ? `<ol>${items}</ol>` : `<ol start="${b.start}">${items}</ol>`
    }
    case 'quote':
      return `<blockquote>${blocksHtml(b.blocks)}</blockquote>`
    case 'code': {
      const language = b.language.replace(/[^\w+#.-]/g, '')
      const attr = language ? ` class="language-${language}"` : ''
      return `<pre><code${attr}>${escapeHtml(b.text)}</code></pre>`
    }
    case 'rule':
      return '<hr>'
  }
}

export function blocksHtml(blocks: Block[]): string {
  return blocks.map(block).join('\n')
}
