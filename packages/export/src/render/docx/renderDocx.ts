import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
} from 'docx'
import { coverFacts, partTitle, sectionHeading, tagLine, trailLines } from '../../model/outline.ts'
import { paragraphsOf } from '../../model/plainText.ts'
import type { ExportDocument, Part } from '../../model/types.ts'
import { cleanText, docxBlocks, type DocxBlockContext } from './docxBlocks.ts'
import { ACCENT, docxStyles, MUTED, NUMBERING } from './docxStyles.ts'

// A4 in twentieths of a point, 2 cm margins.
const A4 = { width: 11906, height: 16838 }
const MARGIN = 1134

function text(value: string, options: { bold?: boolean } = {}): TextRun {
  return new TextRun({ text: cleanText(value), ...options })
}

function heading1(title: string, pageBreakBefore = false): Paragraph {
  return new Paragraph({
    heading: HeadingLevel.HEADING_1,
    pageBreakBefore,
    children: [text(title)],
  })
}

function freeText(value: string, indentLeft?: number): Paragraph[] {
  return paragraphsOf(value).map(
    (lines) =>
      new Paragraph({
        indent: indentLeft ? { left: indentLeft } : undefined,
        children: lines.flatMap((line, i) =>
          i === 0 ? [text(line)] : [new TextRun({ break: 1 }), text(line)],
        ),
      }),
  )
}

function table(header: string[], rows: string[][], widths: number[]): Table {
  const cell = (value: string, i: number, head: boolean) =>
    new TableCell({
      width: { size: widths[i] ?? 20, type: WidthType.PERCENTAGE },
      shading: head ? { fill: 'E8EEF6', type: 'clear', color: 'auto' } : undefined,
      margins: { top: 60, bottom: 60, left: 100, right: 100 },
      children: [new Paragraph({ spacing: { after: 0 }, children: [text(value, { bold: head })] })],
    })
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: header.map((h, i) => cell(h, i, true)),
      }),
      ...rows.map(
        (row) => new TableRow({ cantSplit: true, children: row.map((v, i) => cell(v, i, false)) }),
      ),
    ],
  })
}

function principles(model: ExportDocument): FileChild[] {
  if (model.principles.length === 0)
    return [new Paragraph({ children: [text(model.labels.noPrinciples)] })]
  return model.principles.flatMap((p) => {
    const tags = tagLine(model, p)
    return [
      new Paragraph({
        numbering: { reference: 'ordered', level: 0, instance: 0 },
        keepNext: true,
        children: [text(p.statement, { bold: true })],
      }),
      ...freeText(p.rationale, 540),
      ...(tags
        ? [new Paragraph({ style: 'KoersTags', indent: { left: 540 }, children: [text(tags)] })]
        : []),
    ]
  })
}

function actions(model: ExportDocument): FileChild[] {
  const { labels } = model
  if (model.actions.length === 0) return [new Paragraph({ children: [text(labels.noActions)] })]
  return [
    table(
      [labels.what, labels.who, labels.when, labels.actionStatus, labels.principle],
      model.actions.map((a) => [a.what, a.owner, a.due, a.status, a.principle]),
      [32, 17, 16, 10, 25],
    ),
    new Paragraph({ children: [] }),
  ]
}

function part(model: ExportDocument, which: Part): FileChild[] {
  return which === 'principles' ? principles(model) : actions(model)
}

function cover(model: ExportDocument): FileChild[] {
  const facts = coverFacts(model).flatMap((fact) => {
    const line = new Paragraph({
      spacing: { after: 60 },
      children: [
        new TextRun({ text: `${fact.label}: `, bold: true, color: MUTED }),
        text(fact.value),
      ],
    })
    if (fact.key !== 'status') return [line]
    return [
      line,
      ...trailLines(model).map(
        (entry) =>
          new Paragraph({
            numbering: { reference: 'bullet', level: 0 },
            spacing: { after: 40 },
            children: [text(entry)],
          }),
      ),
    ]
  })
  return [
    new Paragraph({ spacing: { before: 2400 }, children: [] }),
    new Paragraph({
      heading: HeadingLevel.TITLE,
      border: { bottom: { style: 'single', size: 18, color: ACCENT, space: 8 } },
      spacing: { after: model.school ? 200 : 480 },
      children: [text(model.title)],
    }),
    ...(model.school
      ? [
          new Paragraph({
            spacing: { after: 480 },
            children: [new TextRun({ text: cleanText(model.school), size: 32, color: MUTED })],
          }),
        ]
      : []),
    ...facts,
  ]
}

function appendix(model: ExportDocument): FileChild[] {
  const { labels } = model
  const a = model.appendix
  if (!a) return []
  return [
    heading1(labels.appendix, true),
    new Paragraph({
      children: [
        text(`${labels.participants}: `, { bold: true }),
        text(String(a.participants ?? labels.participantsUnknown)),
      ],
    }),
    new Paragraph({ heading: HeadingLevel.HEADING_2, children: [text(labels.provenance)] }),
    ...(a.provenance.length === 0
      ? [new Paragraph({ children: [text(labels.noProvenance)] })]
      : a.provenance.map(
          (p) =>
            new Paragraph({
              numbering: { reference: 'bullet', level: 0 },
              children: [text(`${p.principle}: `, { bold: true }), text(p.provenance)],
            }),
        )),
    new Paragraph({ heading: HeadingLevel.HEADING_2, children: [text(labels.statusTrail)] }),
    table(
      [labels.step, labels.date, labels.note],
      a.trail.map((entry) => [entry.step, entry.date, entry.note]),
      [25, 25, 50],
    ),
  ]
}

/**
 * A Word document (EXP-10): A4, cover, a real TOC field filled in with its entries and page
 * numbers, Word's heading styles, real lists and tables, page numbers in the footer.
 */
export async function renderDocx(model: ExportDocument): Promise<Uint8Array> {
  const { labels } = model
  let instance = 1
  const ctx: DocxBlockContext = { nextListInstance: () => instance++ }
  const body: FileChild[] = []
  for (const section of model.sections) {
    body.push(heading1(sectionHeading(section.number, section.title)))
    if (section.questions.length > 0) {
      body.push(
        new Paragraph({
          style: 'KoersQuestions',
          children: [text(labels.guidingQuestions, { bold: true })],
        }),
        ...section.questions.map(
          (q) =>
            new Paragraph({
              style: 'KoersQuestions',
              numbering: { reference: 'bullet', level: 0 },
              children: [text(q)],
            }),
        ),
        new Paragraph({ spacing: { after: 60 }, children: [] }),
      )
    }
    body.push(...docxBlocks(section.blocks, ctx))
    for (const which of section.parts) body.push(...part(model, which))
  }
  for (const which of model.trailingParts) {
    body.push(heading1(partTitle(model, which)), ...part(model, which))
  }
  body.push(...appendix(model))

  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            color: MUTED,
            size: 18,
            children: [
              `${labels.page} `,
              PageNumber.CURRENT,
              ` ${labels.of} `,
              PageNumber.TOTAL_PAGES,
            ],
          }),
        ],
      }),
    ],
  })
  const page = {
    size: A4,
    margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN, footer: 567 },
  }

  const document = new Document({
    title: model.title,
    subject: model.school,
    creator: 'Koers',
    description: `${labels.exportedOn} ${model.exportedOn}`,
    styles: docxStyles(labels.locale),
    numbering: NUMBERING,
    sections: [
      { properties: { page }, children: cover(model) },
      {
        properties: { page },
        footers: { default: footer },
        children: [
          new Paragraph({
            spacing: { after: 240 },
            children: [
              new TextRun({ text: labels.contents, bold: true, size: 32, color: '12345B' }),
            ],
          }),
          new TableOfContents(labels.contents, { hyperlink: true, headingStyleRange: '1-1' }),
        ],
      },
      { properties: { page }, footers: { default: footer }, children: body },
    ],
  })
  return new Uint8Array(await Packer.toBuffer(document))
}
