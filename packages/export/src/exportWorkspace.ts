import type * as Y from 'yjs'
import { buildBackup } from './backup/buildBackup.ts'
import { exportFilename } from './filename.ts'
import { LABELS } from './labels.ts'
import { buildModel } from './model/buildModel.ts'
import type { ExportFormat, ExportOptions, ExportResult } from './options.ts'
import { renderDocx } from './render/docx/renderDocx.ts'
import { renderHtml } from './render/html/renderHtml.ts'
import { renderMarkdown } from './render/markdown/renderMarkdown.ts'
import { renderPdf } from './render/pdf/renderPdf.ts'
import { readMeta } from '@koers/doc-model'

const CONTENT_TYPES: Readonly<Record<ExportFormat, string>> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  json: 'application/json',
}

const utf8 = new TextEncoder()

async function render(
  doc: Y.Doc,
  format: ExportFormat,
  options: ExportOptions,
): Promise<Uint8Array> {
  if (format === 'json') {
    const backup = buildBackup(doc, { now: options.now })
    return utf8.encode(`${JSON.stringify(backup, null, 2)}\n`)
  }
  const model = buildModel(doc, options)
  switch (format) {
    case 'md':
      return utf8.encode(renderMarkdown(model))
    case 'html':
      return utf8.encode(renderHtml(model))
    case 'docx':
      return renderDocx(model)
    case 'pdf':
      return renderPdf(model)
  }
}

/**
 * A workspace document as a file (EXP-1). Reads the document only (nothing in it changes),
 * never fetches anything; a body that does not fit the schema is exported as far as it can be
 * read (EXP-7). Rejects only an unknown format.
 */
export async function exportWorkspace(
  doc: Y.Doc,
  format: ExportFormat,
  options: ExportOptions,
): Promise<ExportResult> {
  const contentType = CONTENT_TYPES[format]
  if (contentType === undefined) throw new RangeError(`Unknown export format: ${String(format)}`)
  const bytes = await render(doc, format, options)
  const meta = readMeta(doc)
  const labels = LABELS[options.lang === 'en' ? 'en' : 'nl']
  return {
    bytes,
    contentType,
    extension: format,
    filename: exportFilename(meta.title, meta.school, labels.untitled, format),
  }
}
