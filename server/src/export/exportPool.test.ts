import { createWorkspaceDoc } from '@koers/doc-model'
import type { ExportFormat } from '@koers/export'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { silentLogger } from '../log.ts'
import {
  ExportBusyError,
  ExportCancelledError,
  ExportFailedError,
  ExportPool,
} from './exportPool.ts'

const template = (): Uint8Array => {
  const doc = new Y.Doc()
  createWorkspaceDoc(doc, { title: 'Visie op digitalisering', school: 'De Linde' })
  return Y.encodeStateAsUpdate(doc)
}
const OPTIONS = { lang: 'nl' as const, questions: true, appendix: true }

let pool: ExportPool
afterEach(() => pool.close())

const newPool = (maxQueued = 4) =>
  (pool = new ExportPool({ workers: 1, maxQueued, timeoutMs: 60_000, log: silentLogger }))

describe('export worker pool', () => {
  it('EXP-17: exports in a worker thread while the event loop keeps turning', async () => {
    newPool()
    let ticks = 0
    const timer = setInterval(() => ticks++, 5)
    const file = await pool.run(template(), 'pdf', OPTIONS)
    clearInterval(timer)
    expect(Buffer.from(file.bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-')
    expect(file.contentType).toBe('application/pdf')
    expect(file.filename).toBe('visie-op-digitalisering-de-linde.pdf')
    // Loading the export libraries and laying out a PDF takes far longer than a few turns.
    expect(ticks).toBeGreaterThan(3)
  })

  it('EXP-18: one export runs, a few wait, the next is refused until there is room', async () => {
    newPool(1)
    const state = template()
    const first = pool.run(state, 'docx', OPTIONS)
    const second = pool.run(state, 'md', OPTIONS)
    await expect(pool.run(state, 'html', OPTIONS)).rejects.toBeInstanceOf(ExportBusyError)
    expect(pool.waiting).toBe(1)
    expect((await first).contentType).toContain('wordprocessingml')
    expect((await second).contentType).toContain('text/markdown')
    expect((await pool.run(state, 'html', OPTIONS)).contentType).toContain('text/html')
  })

  it('EXP-19: a cancelled export is dropped, waiting or running, and the next one still runs', async () => {
    newPool(4)
    const state = template()
    const running = new AbortController()
    const waiting = new AbortController()
    const first = pool.run(state, 'pdf', OPTIONS, running.signal)
    const second = pool.run(state, 'pdf', OPTIONS, waiting.signal)
    const third = pool.run(state, 'md', OPTIONS)
    waiting.abort()
    await expect(second).rejects.toBeInstanceOf(ExportCancelledError)
    expect(pool.waiting).toBe(1)
    running.abort()
    await expect(first).rejects.toBeInstanceOf(ExportCancelledError)
    expect(new TextDecoder().decode((await third).bytes)).toContain('# Visie op digitalisering')
    const gone = new AbortController()
    gone.abort()
    await expect(pool.run(state, 'md', OPTIONS, gone.signal)).rejects.toBeInstanceOf(
      ExportCancelledError,
    )
  })

  it('EXP-17: a failing export rejects without taking the pool down', async () => {
    newPool()
    await expect(pool.run(template(), 'odt' as ExportFormat, OPTIONS)).rejects.toBeInstanceOf(
      ExportFailedError,
    )
    await expect(pool.run(new Uint8Array([1, 2, 3]), 'md', OPTIONS)).rejects.toBeInstanceOf(
      ExportFailedError,
    )
    expect((await pool.run(template(), 'md', OPTIONS)).bytes.length).toBeGreaterThan(100)
  })
})
