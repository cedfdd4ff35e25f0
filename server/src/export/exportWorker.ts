import { exportWorkspace } from '@koers/export'
import { constants, setPriority } from 'node:os'
import { parentPort } from 'node:worker_threads'
import * as Y from 'yjs'
import type { ExportReply, ExportRequest } from './exportJob.ts'

/**
 * EXP-17: the export worker thread. It rebuilds the document from its encoded state, exports it
 * and sends the bytes back (transferred, not copied). One job at a time; the pool queues.
 */
const port = parentPort
if (!port) throw new Error('exportWorker.ts runs as a worker thread')

// On Linux a nice value belongs to a thread: this one yields the CPU to the event loop that
// carries the typing (EXP-17). Elsewhere it may apply to the process or fail; both are harmless.
try {
  setPriority(constants.priority.PRIORITY_LOW)
} catch {
  // not allowed here: the export still runs, at normal priority
}

port.on('message', (request: ExportRequest) => {
  void run(request).then((reply) =>
    port.postMessage(reply, reply.ok ? [reply.bytes.buffer as ArrayBuffer] : []),
  )
})

const run = async ({ id, state, format, options }: ExportRequest): Promise<ExportReply> => {
  const doc = new Y.Doc()
  try {
    Y.applyUpdate(doc, state)
    const result = await exportWorkspace(doc, format, options)
    // A fresh buffer of exactly the file, so transferring it moves nothing else.
    const bytes = result.bytes.slice()
    return { id, ok: true, bytes, contentType: result.contentType, filename: result.filename }
  } catch (error) {
    return { id, ok: false, message: error instanceof Error ? error.message : String(error) }
  } finally {
    doc.destroy()
  }
}
