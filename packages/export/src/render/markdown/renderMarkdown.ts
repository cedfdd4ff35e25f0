import {
  coverFacts,
  outline,
  partTitle,
  sectionHeading,
  tagLine,
  trailLines,
} from '../../model/outline.ts'
import { paragraphsOf } from '../../model/plainText.ts'
import type { ExportDocument, Part } from '../../model/types.ts'
import { blocksMarkdown } from './blocks.ts'
import { escapeCell, escapeMarkdown } from './escape.ts'
import { Slugger } from './slugger.ts'

const TOC = '\u0000toc\u0000'

function text(value: string): string {
  return escapeMarkdown(value, true)
}

/** Free text (a rationale, a note) as paragraphs; single line breaks kept as hard breaks. */
function freeText(value: string): string {
  return paragraphsOf(value)
    .map((lines) => lines.map((line) => text(line)).join('\\\n'))
    .join('\n\n')
}

function indentLines(value: string, width: number): string {
  const pad = ' '.repeat(width)
  return value
    .split('\n')
    .map((line) => (line === '' ? line : pad + line))
    .join('\n')
}

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map(escapeCell).join(' | ')} |`
  return [line(header), `|${header.map(() => ' --- ').join('|')}|`, ...rows.map(line)].join('\n')
}

function principles(model: ExportDocument): string {
  if (model.principles.length === 0) return text(model.labels.noPrinciples)
  return model.principles
    .map((p) => {
      const marker = `${p.number}.`
      const parts = [`**${escapeMarkdown(p.statement, false)}**`]
      if (p.rationale !== '') parts.push(freeText(p.rationale))
      const tags = tagLine(model, p)
      if (tags !== '') parts.push(`*${escapeMarkdown(tags, false)}*`)
      const [first, ...rest] = parts
      const body = [first, ...rest.map((part) => indentLines(part, marker.length + 1))]
      return `${marker} ${body.join('\n\n')}`
    })
    .join('\n\n')
}

function actions(model: ExportDocument): string {
  const { labels } = model
  if (model.actions.length === 0) return text(labels.noActions)
  return table(
    [labels.what, labels.who, labels.when, labels.actionStatus, labels.principle],
    model.actions.map((a) => [a.what, a.owner, a.due, a.status, a.principle]),
  )
}

function part(model: ExportDocument, which: Part): string {
  return which === 'principles' ? principles(model) : actions(model)
}

/** The whole export as CommonMark with a GFM table (EXP-9). */
export function renderMarkdown(model: ExportDocument): string {
  const { labels } = model
  const slugger = new Slugger()
  const out: string[] = []
  const heading = (level: number, title: string) => {
    slugger.slug(title)
    out.push(`${'#'.repeat(level)} ${escapeMarkdown(title, false)}`)
  }
  const ctx = { onHeading: (title: string) => void slugger.slug(title) }
  const anchors = new Map<string, string>()
  const anchored = (id: string, level: number, title: string) => {
    anchors.set(id, slugger.slug(title))
    out.push(`${'#'.repeat(level)} ${escapeMarkdown(title, false)}`)
  }

  heading(1, model.title)
  if (model.school) out.push(`**${text(model.school)}**`)
  const facts = coverFacts(model).map((fact) => {
    const line = `- **${text(fact.label)}:** ${escapeMarkdown(fact.value, false)}`
    if (fact.key !== 'status' || model.trail.length === 0) return line
    return [line, ...trailLines(model).map((entry) => `  - ${escapeMarkdown(entry, false)}`)].join(
      '\n',
    )
  })
  out.push(facts.join('\n'))

  heading(2, labels.contents)
  out.push(TOC)

  for (const section of model.sections) {
    anchored(`section-${section.number}`, 2, sectionHeading(section.number, section.title))
    if (section.questions.length > 0) {
      const list = section.questions.map((q) => `> - ${escapeMarkdown(q, false)}`).join('\n')
      out.push(`> **${text(labels.guidingQuestions)}**\n>\n${list}`)
    }
    const body = blocksMarkdown(section.blocks, ctx)
    if (body !== '') out.push(body)
    for (const which of section.parts) out.push(part(model, which))
  }
  for (const which of model.trailingParts) {
    anchored(which, 2, partTitle(model, which))
    out.push(part(model, which))
  }

  if (model.appendix) {
    const { appendix } = model
    anchored('appendix', 2, labels.appendix)
    const count = appendix.participants ?? labels.participantsUnknown
    out.push(`**${text(labels.participants)}:** ${escapeMarkdown(String(count), false)}`)
    heading(3, labels.provenance)
    out.push(
      appendix.provenance.length === 0
        ? text(labels.noProvenance)
        : appendix.provenance
            .map(
              (p) =>
                `- **${escapeMarkdown(p.principle, false)}**: ${escapeMarkdown(p.provenance, false)}`,
            )
            .join('\n'),
    )
    heading(3, labels.statusTrail)
    out.push(
      table(
        [labels.step, labels.date, labels.note],
        appendix.trail.map((entry) => [entry.step, entry.date, entry.note]),
      ),
    )
  }

  const toc = outline(model)
    .map((entry) => `- [${escapeMarkdown(entry.title, false)}](#${anchors.get(entry.id) ?? ''})`)
    .join('\n')
  return `${out.map((chunk) => (chunk === TOC ? toc : chunk)).join('\n\n')}\n`
}
