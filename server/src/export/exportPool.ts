import { createWorkspaceDoc } from '@koers/doc-model'
import type { ExportFormat, ExportOptions } from '@koers/export'
import { Worker } from 'node:worker_threads'
import * as Y from 'yjs'
import { errorFields, type Logger } from '../log.ts'
import type { ExportReply, ExportRequest } from './exportJob.ts'

/** A finished export: the file and how to name and type it. */
export interface ExportedFile {
  bytes: Uint8Array
  contentType: string
  filename: string
}

/** EXP-18: the queue is full; try again later (503). */
export class ExportBusyError extends Error {
  override readonly name = 'ExportBusyError'
}
/** The caller went away (EXP-19); nobody waits for this export any more. */
export class ExportCancelledError extends Error {
  override readonly name = 'ExportCancelledError'
}
/** The worker failed, crashed or took too long. */
export class ExportFailedError extends Error {
  override readonly name = 'ExportFailedError'
}

export interface ExportPoolOptions {
  /** Worker threads, i.e. exports that run at once. */
  workers: number
  /** Exports that may wait for a worker; one more is refused with ExportBusyError. */
  maxQueued: number
  /** A job that runs longer is failed and its worker replaced. */
  timeoutMs: number
  log: Logger
}

interface Job {
  request: Omit<ExportRequest, 'id'>
  id: number
  resolve: (file: ExportedFile) => void
  reject: (error: Error) => void
  /** The caller gave up: the result, when it comes, is dropped. */
  settled: boolean
  detach: () => void
}

interface Slot {
  worker: Worker | null
  job: Job | null
  timer: NodeJS.Timeout | null
}

const WORKER_URL = new URL('./exportWorkerBootstrap.mjs', import.meta.url)

/**
 * EXP-17: exports run off the event loop, in long-lived worker threads (one by default: the
 * machine's other core keeps serving the rooms). Each job carries the document's encoded state
 * in and the file's bytes out. Jobs wait in a short queue (EXP-18); a caller that goes away
 * drops its job (EXP-19): a waiting job leaves the queue, a running one finishes in the worker
 * and its result is thrown away.
 */
export class ExportPool {
  private readonly slots: Slot[]
  private readonly queue: Job[] = []
  private nextId = 1
  private closed = false

  constructor(private readonly options: ExportPoolOptions) {
    this.slots = Array.from({ length: Math.max(1, options.workers) }, () => ({
      worker: null,
      job: null,
      timer: null,
    }))
  }

  /** Exports waiting for a worker. */
  get waiting(): number {
    return this.queue.length
  }

  /**
   * Starts the workers and runs one small PDF and Word export in each, so that the first real
   * export does not pay for loading and compiling the libraries (seconds on a busy machine).
   */
  async warm(): Promise<void> {
    const doc = new Y.Doc()
    createWorkspaceDoc(doc, { title: 'Koers', school: 'Koers' })
    const state = Y.encodeStateAsUpdate(doc)
    doc.destroy()
    const options: ExportOptions = { lang: 'nl', questions: true, appendix: true }
    const started = performance.now()
    await Promise.all(
      this.slots.map(async () => {
        await this.run(state, 'pdf', options)
        await this.run(state, 'docx', options)
      }),
    )
    this.options.log.info('export workers warm', {
      workers: this.slots.length,
      ms: Math.round(performance.now() - started),
    })
  }

  /** Exports `state` in a worker. Rejects with ExportBusyError, ExportCancelledError or ExportFailedError. */
  run(
    state: Uint8Array,
    format: ExportFormat,
    options: ExportOptions,
    signal?: AbortSignal,
  ): Promise<ExportedFile> {
    if (this.closed) return Promise.reject(new ExportFailedError('The server is shutting down'))
    if (signal?.aborted) return Promise.reject(new ExportCancelledError('cancelled'))
    const free = this.slots.some((slot) => slot.job === null)
    if (!free && this.queue.length >= this.options.maxQueued) {
      return Promise.reject(new ExportBusyError('Too many exports at once; try again shortly'))
    }
    return new Promise<ExportedFile>((resolve, reject) => {
      const job: Job = {
        request: { state, format, options },
        id: this.nextId++,
        resolve,
        reject,
        settled: false,
        detach: () => undefined,
      }
      if (signal) {
        const onAbort = (): void => this.cancel(job)
        signal.addEventListener('abort', onAbort, { once: true })
        job.detach = () => signal.removeEventListener('abort', onAbort)
      }
      this.queue.push(job)
      this.dispatch()
    })
  }

  async close(): Promise<void> {
    this.closed = true
    for (const job of this.queue.splice(0)) this.settle(job, new ExportFailedError('closed'))
    await Promise.all(
      this.slots.map(async (slot) => {
        if (slot.job) this.settle(slot.job, new ExportFailedError('closed'))
        slot.job = null
        if (slot.timer) clearTimeout(slot.timer)
        const worker = slot.worker
        slot.worker = null
        await worker?.terminate()
      }),
    )
  }

  private cancel(job: Job): void {
    const queued = this.queue.indexOf(job)
    if (queued !== -1) this.queue.splice(queued, 1)
    this.settle(job, new ExportCancelledError('cancelled'))
  }

  private settle(job: Job, outcome: ExportedFile | Error): void {
    if (job.settled) return
    job.settled = true
    job.detach()
    if (outcome instanceof Error) job.reject(outcome)
    else job.resolve(outcome)
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.job !== null || this.closed) continue
      const job = this.queue.shift()
      if (!job) return
      slot.job = job
      const worker = this.workerOf(slot)
      slot.timer = setTimeout(
        () => this.fail(slot, 'The export took too long'),
        this.options.timeoutMs,
      )
      const { state, format, options } = job.request
      const request: ExportRequest = { id: job.id, state, format, options }
      worker.postMessage(request)
    }
  }

  private workerOf(slot: Slot): Worker {
    if (slot.worker) return slot.worker
    const worker = new Worker(WORKER_URL)
    worker.unref()
    worker.on('message', (reply: ExportReply) => this.finished(slot, worker, reply))
    worker.on('error', (error) => {
      this.options.log.error('export worker failed', errorFields(error))
      if (slot.worker === worker) this.fail(slot, 'The export failed')
    })
    worker.on('exit', () => {
      if (slot.worker === worker) this.fail(slot, 'The export worker stopped')
    })
    slot.worker = worker
    return worker
  }

  private finished(slot: Slot, worker: Worker, reply: ExportReply): void {
    const job = slot.job
    if (slot.worker !== worker || !job || job.id !== reply.id) return
    if (slot.timer) clearTimeout(slot.timer)
    slot.timer = null
    slot.job = null
    if (reply.ok) {
      this.settle(job, {
        bytes: reply.bytes,
        contentType: reply.contentType,
        filename: reply.filename,
      })
    } else {
      this.options.log.error('export failed', {
        format: job.request.format,
        message: reply.message,
      })
      this.settle(job, new ExportFailedError('The export failed'))
    }
    this.dispatch()
  }

  /** The slot's job fails and its worker is replaced (crashed, stuck or too slow). */
  private fail(slot: Slot, message: string): void {
    const worker = slot.worker
    slot.worker = null
    if (slot.timer) clearTimeout(slot.timer)
    slot.timer = null
    const job = slot.job
    slot.job = null
    if (job) this.settle(job, new ExportFailedError(message))
    void worker?.terminate()
    if (!this.closed) this.dispatch()
  }
}
