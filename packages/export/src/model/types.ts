import type { Language } from '@koers/doc-model'
import type { Labels } from '../labels.ts'

/** Marks of a run of text; `link` is a checked, safe address or null (EXP-6). */
export interface Marks {
  bold: boolean
  italic: boolean
  underline: boolean
  strike: boolean
  code: boolean
  link: string | null
}

export type Inline = { kind: 'text'; text: string; marks: Marks } | { kind: 'break' }

/** Outline level of a heading in a section body: the section title is 1, so 2 to 6. */
export type HeadingLevel = 2 | 3 | 4 | 5 | 6

/** A block of a section body, as the editor wrote it. */
export type Block =
  | { kind: 'paragraph'; inlines: Inline[] }
  | { kind: 'heading'; level: HeadingLevel; inlines: Inline[] }
  | { kind: 'list'; ordered: boolean; start: number; items: Block[][] }
  | { kind: 'quote'; blocks: Block[] }
  | { kind: 'code'; language: string; text: string }
  | { kind: 'rule' }

/** The principles and the action table are parts of the document, not section text. */
export type Part = 'principles' | 'actions'

export interface ExportSection {
  /** 1-based position among the exported sections. */
  number: number
  title: string
  /** Empty unless the export asked for the guiding questions. */
  questions: string[]
  blocks: Block[]
  /** Parts shown at the end of this section (the template's own section for them, EXP-3). */
  parts: Part[]
}

export interface ExportPrinciple {
  number: number
  statement: string
  rationale: string
  /** Readable labels in the export's language. */
  values: string[]
  buildingBlocks: string[]
  provenance: string
}

export interface ExportAction {
  what: string
  owner: string
  /** A readable date, or '' */
  due: string
  status: string
  /** "3. Statement…" of the linked principle, or '' */
  principle: string
}

export interface TrailEntry {
  step: string
  /** A readable date, or '' */
  date: string
  note: string
}

export interface ExportAppendix {
  /** null when the caller did not say how many took part. */
  participants: number | null
  provenance: { principle: string; provenance: string }[]
  trail: TrailEntry[]
}

/**
 * Everything an export shows, read once from the document, in the export's language. Each
 * renderer (Markdown, HTML, DOCX, PDF) only lays this out.
 */
export interface ExportDocument {
  lang: Language
  labels: Labels
  title: string
  school: string
  sector: string
  period: string
  reviewDate: string
  status: string
  trail: TrailEntry[]
  exportedOn: string
  sections: ExportSection[]
  /** Parts with no section of their own (it was removed): shown after the last section. */
  trailingParts: Part[]
  principles: ExportPrinciple[]
  actions: ExportAction[]
  appendix: ExportAppendix | null
}
