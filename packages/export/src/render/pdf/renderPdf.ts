import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces'
import { coverFacts, partTitle, sectionHeading, tagLine, trailLines } from '../../model/outline.ts'
import { paragraphsOf } from '../../model/plainText.ts'
import type { ExportDocument, Part } from '../../model/types.ts'
import { barred, blocksPdf, COLORS } from './pdfBlocks.ts'
import { printPdf } from './pdfmakeServer.ts'

function heading1(title: string): Content {
  return {
    text: title,
    style: 'h1',
    tocItem: true,
    headlineLevel: 1,
    tocMargin: [0, 0, 0, 0],
  }
}

function heading2(title: string): Content {
  return { text: title, style: 'h2', headlineLevel: 2 }
}

function freeText(value: string): Content[] {
  return paragraphsOf(value).map((lines) => ({ text: lines.join('\n'), margin: [0, 0, 0, 4] }))
}

function table(header: string[], rows: string[][], widths: (number | string)[]): Content {
  const head: TableCell[] = header.map((h) => ({ text: h, bold: true, fillColor: COLORS.headFill }))
  return {
    table: { headerRows: 1, dontBreakRows: true, widths, body: [head, ...rows] },
    layout: {
      hLineWidth: () => 0.5,
      vLineWidth: () => 0.5,
      hLineColor: () => COLORS.line,
      vLineColor: () => COLORS.line,
      paddingLeft: () => 5,
      paddingRight: () => 5,
      paddingTop: () => 3,
      paddingBottom: () => 3,
    },
    fontSize: 9.5,
    margin: [0, 4, 0, 10],
  }
}

function principles(model: ExportDocument): Content {
  if (model.principles.length === 0) return { text: model.labels.noPrinciples }
  return {
    ol: model.principles.map((p) => {
      const tags = tagLine(model, p)
      return {
        stack: [
          { text: p.statement, bold: true, margin: [0, 0, 0, 2] },
          ...freeText(p.rationale),
          ...(tags ? [{ text: tags, italics: true, color: COLORS.muted, fontSize: 9.5 }] : []),
        ],
        margin: [0, 0, 0, 8],
      }
    }),
    margin: [0, 4, 0, 6],
  }
}

function actions(model: ExportDocument): Content {
  const { labels } = model
  if (model.actions.length === 0) return { text: labels.noActions }
  return table(
    [labels.what, labels.who, labels.when, labels.actionStatus, labels.principle],
    model.actions.map((a) => [a.what, a.owner, a.due, a.status, a.principle]),
    ['*', 'auto', 86, 'auto', 110],
  )
}

function part(model: ExportDocument, which: Part): Content {
  return which === 'principles' ? principles(model) : actions(model)
}

function cover(model: ExportDocument): Content[] {
  const facts = coverFacts(model).map((fact): Content => [
    { text: fact.label, bold: true, color: COLORS.muted },
    fact.key === 'status' && model.trail.length > 0
      ? { stack: [fact.value, { ul: trailLines(model), margin: [0, 2, 0, 0] }] }
      : fact.value,
  ])
  return [
    { text: model.title, style: 'title', margin: [0, 150, 0, model.school ? 6 : 10] },
    ...(model.school ? [{ text: model.school, style: 'subtitle' }] : []),
    {
      canvas: [
        { type: 'line', x1: 0, y1: 0, x2: 481, y2: 0, lineWidth: 2, lineColor: COLORS.accent },
      ],
      margin: [0, 0, 0, 24],
    },
    {
      table: { widths: [110, '*'], body: facts as TableCell[][] },
      layout: 'noBorders',
      fontSize: 11.5,
    },
  ]
}

function appendix(model: ExportDocument): Content[] {
  const { labels } = model
  const a = model.appendix
  if (!a) return []
  return [
    { stack: [heading1(labels.appendix)], pageBreak: 'before' },
    {
      text: [
        { text: `${labels.participants}: `, bold: true },
        String(a.participants ?? labels.participantsUnknown),
      ],
      margin: [0, 0, 0, 6],
    },
    heading2(labels.provenance),
    a.provenance.length === 0
      ? { text: labels.noProvenance }
      : {
          ul: a.provenance.map((p) => ({
            text: [{ text: `${p.principle}: `, bold: true }, p.provenance],
            margin: [0, 0, 0, 3],
          })),
        },
    heading2(labels.statusTrail),
    table(
      [labels.step, labels.date, labels.note],
      a.trail.map((entry) => [entry.step, entry.date, entry.note]),
      [110, 110, '*'],
    ),
  ]
}

/**
 * A PDF (EXP-11): A4, Roboto from pdfmake's own package, cover, a table of contents with page
 * numbers, page numbers in the footer.
 */
export function renderPdf(model: ExportDocument): Promise<Uint8Array> {
  const { labels } = model
  const content: Content[] = [...cover(model)]
  content.push({
    toc: { title: { text: labels.contents, style: 'tocTitle' }, numberStyle: { bold: false } },
    pageBreak: 'before',
  })
  model.sections.forEach((section, i) => {
    const title = heading1(sectionHeading(section.number, section.title))
    content.push(i === 0 ? { stack: [title], pageBreak: 'before' } : title)
    if (section.questions.length > 0) {
      content.push(
        barred(
          [
            { text: labels.guidingQuestions, bold: true, color: COLORS.heading },
            { ul: section.questions, color: COLORS.heading },
          ],
          COLORS.accent,
          COLORS.questionFill,
          true,
        ),
      )
    }
    content.push(...blocksPdf(section.blocks, { inList: false }))
    for (const which of section.parts) content.push(part(model, which))
  })
  for (const which of model.trailingParts) {
    content.push(heading1(partTitle(model, which)), part(model, which))
  }
  content.push(...appendix(model))

  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [57, 57, 57, 60],
    language: model.labels.locale,
    info: {
      title: model.title,
      subject: model.school,
      creator: 'Koers',
      producer: 'Koers',
    },
    defaultStyle: { font: 'Roboto', fontSize: 10.5, lineHeight: 1.25, color: COLORS.text },
    styles: {
      title: { fontSize: 26, bold: true, color: COLORS.heading, lineHeight: 1.1 },
      subtitle: { fontSize: 16, color: COLORS.muted, margin: [0, 0, 0, 10] },
      tocTitle: { fontSize: 17, bold: true, color: COLORS.heading, margin: [0, 0, 0, 12] },
      h1: { fontSize: 17, bold: true, color: COLORS.heading, margin: [0, 14, 0, 6] },
      h2: { fontSize: 13, bold: true, color: COLORS.heading, margin: [0, 10, 0, 4] },
    },
    footer: (currentPage, pageCount) =>
      currentPage === 1
        ? null
        : {
            text: `${labels.page} ${currentPage} ${labels.of} ${pageCount}`,
            alignment: 'center',
            fontSize: 8.5,
            color: COLORS.muted,
            margin: [0, 22, 0, 0],
          },
    // A heading never ends a page: it moves to the next page with the text it heads.
    pageBreakBefore: (node, following) =>
      node.headlineLevel !== undefined && following.getFollowingNodesOnPage().length === 0,
    content,
  }
  return printPdf(definition)
}
