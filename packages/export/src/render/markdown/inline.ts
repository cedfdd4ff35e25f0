import type { Inline, Marks } from '../../model/types.ts'
import { codeSpan, escapeMarkdown, linkDestination } from './escape.ts'

type Emphasis = 'bold' | 'italic' | 'strike' | 'underline'
const EMPHASES: readonly Emphasis[] = ['bold', 'italic', 'strike', 'underline']
const OPEN: Record<Emphasis, string> = { bold: '**', italic: '*', strike: '~~', underline: '<ins>' }
const CLOSE: Record<Emphasis, string> = {
  bold: '**',
  italic: '*',
  strike: '~~',
  underline: '</ins>',
}

interface Run {
  text: string
  marks: Marks
}

function sameMarks(a: Marks, b: Marks): boolean {
  return (
    a.bold === b.bold &&
    a.italic === b.italic &&
    a.underline === b.underline &&
    a.strike === b.strike &&
    a.code === b.code &&
    a.link === b.link
  )
}

/** Lines of text runs split at hard breaks, neighbouring runs with the same marks merged. */
function lines(inlines: Inline[]): Run[][] {
  const result: Run[][] = [[]]
  for (const inline of inlines) {
    const line = result[result.length - 1]!
    if (inline.kind === 'break') {
      result.push([])
      continue
    }
    if (inline.text === '') continue
    const last = line[line.length - 1]
    if (last && sameMarks(last.marks, inline.marks)) last.text += inline.text
    else line.push({ text: inline.text, marks: inline.marks })
  }
  return result
}

/**
 * Emphasis as nested delimiters. Marks are opened longest-lasting first, so a mark that goes on
 * stays outside one that stops, and delimiters rarely need closing and opening again.
 */
function emphasis(runs: Run[], lineStart: boolean): string {
  let out = ''
  const stack: Emphasis[] = []
  let atStart = lineStart
  const closeTo = (keep: (mark: Emphasis) => boolean) => {
    const first = stack.findIndex((mark) => !keep(mark))
    if (first === -1) return
    for (const mark of stack.splice(first).reverse()) out += CLOSE[mark]
  }
  runs.forEach((run, i) => {
    const content = run.marks.code ? run.text : run.text.replace(/\s+/g, ' ')
    const core = run.marks.code ? content : content.trim()
    const lead = run.marks.code ? '' : content.slice(0, content.length - content.trimStart().length)
    const trail = run.marks.code ? '' : content.slice(content.trimEnd().length)
    if (core === '') {
      out += escapeMarkdown(content, atStart && out === '')
      return
    }
    const wanted = EMPHASES.filter((mark) => run.marks[mark])
    closeTo((mark) => wanted.includes(mark))
    out += lead
    const extent = (mark: Emphasis) => {
      let n = 0
      while (runs[i + n]?.marks[mark]) n++
      return n
    }
    const opening = wanted.filter((mark) => !stack.includes(mark))
    opening.sort((a, b) => extent(b) - extent(a))
    let opened = opening.map((mark) => OPEN[mark]).join('')
    // `**a*` + `**b` would read as one run of delimiters: an empty comment keeps them apart.
    if (opened !== '' && /[*~]$/.test(out) && out.endsWith(opened[0]!)) opened = `<!-- -->${opened}`
    out += opened
    stack.push(...opening)
    out += run.marks.code ? codeSpan(core) : escapeMarkdown(core, atStart)
    atStart = false
    if (trail !== '') {
      const next = runs[i + 1]
      closeTo((mark) => next?.marks[mark] === true)
      out += trail
    }
  })
  closeTo(() => false)
  return out
}

/** Runs of one line as Markdown: links around emphasis, emphasis around text and code. */
function line(runs: Run[], lineStart: boolean): string {
  let out = ''
  let i = 0
  while (i < runs.length) {
    const link = runs[i]!.marks.link
    let j = i
    while (j < runs.length && runs[j]!.marks.link === link) j++
    const text = emphasis(runs.slice(i, j), lineStart && i === 0)
    out += link ? `[${text}](${linkDestination(link)})` : text
    i = j
  }
  return out
}

/** Inline content as Markdown; hard breaks become a backslash at the end of the line. */
export function inlineMarkdown(inlines: Inline[]): string {
  return lines(inlines)
    .map((runs) => line(runs, true))
    .join('\\\n')
}

/** Plain user text (no marks) as Markdown. */
export function plainMarkdown(text: string, lineStart = true): string {
  return escapeMarkdown(text, lineStart)
}
