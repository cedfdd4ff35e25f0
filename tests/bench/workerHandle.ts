import { setTimeout as delay } from 'node:timers/promises'
import { Worker } from 'node:worker_threads'
import { now } from './keystrokes.ts'

type Failed = { type: 'failed'; message: string }

/**
 * A benchmark worker thread (TypeScript, loaded through `workerBootstrap.mjs`) and its inbox:
 * `next(type)` waits for the next message of that type; a 'failed' message or an error throws.
 * `stop` expects the worker to answer its close message with `{ type: 'closed' }`.
 */
export class WorkerHandle<ToMain extends { type: string }, ToWorker> {
  readonly worker: Worker
  private readonly inbox: (ToMain | Failed)[] = []
  private wake: (() => void) | null = null

  constructor(entry: URL, workerData: object) {
    this.worker = new Worker(new URL('./workerBootstrap.mjs', import.meta.url), {
      workerData: { ...workerData, entry: entry.href },
    })
    this.worker.on('message', (m: ToMain) => this.receive(m))
    this.worker.on('error', (error) => this.receive({ type: 'failed', message: error.message }))
  }

  post(message: ToWorker): void {
    this.worker.postMessage(message)
  }

  async next<T extends ToMain['type']>(
    type: T,
    timeoutMs: number,
  ): Promise<Extract<ToMain, { type: T }>> {
    const deadline = now() + timeoutMs
    for (;;) {
      const at = this.inbox.findIndex((m) => m.type === type || m.type === 'failed')
      if (at >= 0) {
        const [m] = this.inbox.splice(at, 1)
        if (m!.type === 'failed') throw new Error(`worker failed: ${(m as Failed).message}`)
        return m as Extract<ToMain, { type: T }>
      }
      if (now() > deadline) throw new Error(`timed out waiting for ${type}`)
      await Promise.race([
        new Promise<void>((resolve) => (this.wake = resolve)),
        delay(Math.max(1, deadline - now())),
      ])
    }
  }

  /** Sends `close`, waits for the worker's 'closed' (20 s at most), then ends the thread. */
  async stop(close: ToWorker): Promise<void> {
    this.post(close)
    await this.next('closed' as ToMain['type'], 20_000).catch(() => undefined)
    await this.worker.terminate()
  }

  private receive(message: ToMain | Failed): void {
    this.inbox.push(message)
    this.wake?.()
  }
}
