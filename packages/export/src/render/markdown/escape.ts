// CommonMark escaping of user text (EXP-9): every character that could start markup is
// backslash-escaped, so what a team typed reads back as typed.

const ALWAYS = /[\\`*_[\]<>|~]/g
const ENTITY = /&(?=#?[a-zA-Z0-9]+;)/g

/** User text inside a paragraph, heading or list item. `lineStart`: it begins a line. */
export function escapeMarkdown(text: string, lineStart: boolean): string {
  let out = text
    .replace(/[\r\n]+/g, ' ')
    .replace(ALWAYS, '\\$&')
    .replace(ENTITY, '\\&')
  if (lineStart) {
    out = out.replace(/^\s+/, '')
    out = out.replace(/^[#+=-]/, '\\$&').replace(/^(\d{1,9})([.)])/, '$1\\$2')
  }
  return out
}

/** Text in a cell of a GFM table: escaped (cells hold inline text only), on one line. */
export function escapeCell(text: string): string {
  return escapeMarkdown(text.trim(), false)
}

/** A link destination; in `<…>` form when it holds spaces or parentheses. */
export function linkDestination(href: string): string {
  const clean = href.replace(/[<>\\\s]/g, (c) => encodeURIComponent(c))
  return /[()]/.test(clean) ? `<${clean}>` : clean
}

/** A code span whose fence is longer than any run of backticks inside it. */
export function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length))
  const fence = '`'.repeat(longest + 1)
  const pad = text.startsWith('`') || text.endsWith('`') || text.startsWith(' ') ? ' ' : ''
  return `${fence}${pad}${text.replace(/\n/g, ' ')}${pad}${fence}`
}
