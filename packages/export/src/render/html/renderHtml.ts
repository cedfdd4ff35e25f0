import {
  coverFacts,
  outline,
  partTitle,
  sectionAnchor,
  sectionHeading,
  tagLine,
  trailLines,
} from '../../model/outline.ts'
import { paragraphsOf } from '../../model/plainText.ts'
import type { ExportDocument, Part } from '../../model/types.ts'
import { blocksHtml } from './blocks.ts'
import { escapeHtml as e } from './escape.ts'
import { HTML_STYLES } from './styles.ts'

function freeText(value: string): string {
  return paragraphsOf(value)
    .map((lines) => `<p>${lines.map(e).join('<br>')}</p>`)
    .join('')
}

function table(caption: string, header: string[], rows: string[][]): string {
  const head = header.map((cell) => `<th scope="col">${e(cell)}</th>`).join('')
  const body = rows
    .map((row) => `<tr>${row.map((cell) => `<td>${e(cell)}</td>`).join('')}</tr>`)
    .join('\n')
  return `<table>\n<caption>${e(caption)}</caption>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`
}

function principles(model: ExportDocument): string {
  if (model.principles.length === 0) return `<p>${e(model.labels.noPrinciples)}</p>`
  const items = model.principles.map((p) => {
    const tags = tagLine(model, p)
    return [
      `<li><p><strong>${e(p.statement)}</strong></p>`,
      p.rationale ? freeText(p.rationale) : '',
      tags ? `<p class="tags">${e(tags)}</p>` : '',
      '</li>',
    ].join('')
  })
  return `<ol class="principles">\n${items.join('\n')}\n</ol>`
}

function actions(model: ExportDocument): string {
  const { labels } = model
  if (model.actions.length === 0) return `<p>${e(labels.noActions)}</p>`
  return table(
    labels.actions,
    [labels.what, labels.who, labels.when, labels.actionStatus, labels.principle],
    model.actions.map((a) => [a.what, a.owner, a.due, a.status, a.principle]),
  )
}

function part(model: ExportDocument, which: Part): string {
  return which === 'principles' ? principles(model) : actions(model)
}

function cover(model: ExportDocument): string {
  const facts = coverFacts(model).map((fact) => {
    const trail =
      fact.key === 'status' && model.trail.length > 0
        ? `<ul>${trailLines(model)
            .map((line) => `<li>${e(line)}</li>`)
            .join('')}</ul>`
        : ''
    return `<dt>${e(fact.label)}</dt><dd>${e(fact.value)}${trail}</dd>`
  })
  const school = model.school ? `<p class="subtitle">${e(model.school)}</p>\n` : ''
  return `<header class="cover">\n<h1>${e(model.title)}</h1>\n${school}<dl class="facts">\n${facts.join('\n')}\n</dl>\n</header>`
}

function toc(model: ExportDocument): string {
  const items = outline(model)
    .map((entry) => `<li><a href="#${entry.id}">${e(entry.title)}</a></li>`)
    .join('\n')
  return `<nav class="toc" aria-labelledby="toc-title">\n<h2 id="toc-title">${e(model.labels.contents)}</h2>\n<ol>\n${items}\n</ol>\n</nav>`
}

function appendix(model: ExportDocument): string {
  const { labels } = model
  const a = model.appendix
  if (!a) return ''
  const provenance =
    a.provenance.length === 0
      ? `<p>${e(labels.noProvenance)}</p>`
      : `<ul>\n${a.provenance
          .map((p) => `<li><strong>${e(p.principle)}</strong>: ${e(p.provenance)}</li>`)
          .join('\n')}\n</ul>`
  return [
    `<section aria-labelledby="appendix">`,
    `<h2 id="appendix">${e(labels.appendix)}</h2>`,
    `<p><strong>${e(labels.participants)}:</strong> ${e(String(a.participants ?? labels.participantsUnknown))}</p>`,
    `<h3>${e(labels.provenance)}</h3>`,
    provenance,
    `<h3>${e(labels.statusTrail)}</h3>`,
    table(
      labels.statusTrail,
      [labels.step, labels.date, labels.note],
      a.trail.map((entry) => [entry.step, entry.date, entry.note]),
    ),
    `</section>`,
  ].join('\n')
}

/**
 * One self-contained, accessible HTML file (EXP-8): `lang` set, landmarks, real headings,
 * lists and tables, styles embedded, no script and nothing fetched.
 */
export function renderHtml(model: ExportDocument): string {
  const { labels } = model
  const sections = model.sections.map((section) => {
    const id = sectionAnchor(section.number)
    const questions =
      section.questions.length > 0
        ? `<div class="questions"><p>${e(labels.guidingQuestions)}</p><ul>${section.questions
            .map((q) => `<li>${e(q)}</li>`)
            .join('')}</ul></div>`
        : ''
    return [
      `<section aria-labelledby="${id}">`,
      `<h2 id="${id}">${e(sectionHeading(section.number, section.title))}</h2>`,
      questions,
      blocksHtml(section.blocks),
      ...section.parts.map((which) => part(model, which)),
      `</section>`,
    ]
      .filter((chunk) => chunk !== '')
      .join('\n')
  })
  const trailing = model.trailingParts.map(
    (which) =>
      `<section aria-labelledby="${which}">\n<h2 id="${which}">${e(partTitle(model, which))}</h2>\n${part(model, which)}\n</section>`,
  )
  const footerFacts = [model.title, model.school, `${labels.exportedOn} ${model.exportedOn}`]
  return `<!doctype html>
<html lang="${model.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Koers">
<title>${e(model.school ? `${model.title} – ${model.school}` : model.title)}</title>
<style>
${HTML_STYLES}
</style>
</head>
<body>
<div class="page">
${cover(model)}
${toc(model)}
<main>
${[...sections, ...trailing, appendix(model)].filter((chunk) => chunk !== '').join('\n')}
</main>
<footer>
<p>${footerFacts
    .filter((fact) => fact !== '')
    .map(e)
    .join(' · ')}</p>
</footer>
</div>
</body>
</html>
`
}
