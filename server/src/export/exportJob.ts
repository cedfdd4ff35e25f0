import type { ExportFormat, ExportOptions } from '@koers/export'

/** What the export worker is asked: the whole document's encoded Yjs state and how to export. */
export interface ExportRequest {
  id: number
  state: Uint8Array
  format: ExportFormat
  options: ExportOptions
}

/** What it answers: the file, or why it failed. */
export type ExportReply =
  | {
      id: number
      ok: true
      bytes: Uint8Array
      contentType: string
      filename: string
    }
  | { id: number; ok: false; message: string }
