export type ExportFormat = 'docx' | 'pdf' | 'md' | 'html' | 'json'

export const EXPORT_FORMATS: readonly ExportFormat[] = ['docx', 'pdf', 'md', 'html', 'json']

export interface ExportOptions {
  /** Language of the fixed labels and dates. */
  lang: 'nl' | 'en'
  /** Show each section's guiding questions. */
  questions: boolean
  /** Add the appendix on how the vision came about (no names). */
  appendix: boolean
  /** The moment of the export (default: now). */
  now?: Date
  /** How many people took part, for the appendix (not in the document itself). */
  participants?: number
}

export interface ExportResult {
  bytes: Uint8Array
  contentType: string
  extension: string
  filename: string
}
