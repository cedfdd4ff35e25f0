import * as Y from 'yjs'
import { newHistogram, record } from './histogram.ts'

/** Clocks per typist in the shared send-time table (a 30 s phase at 5 keys/s uses ~150). */
export const MAX_CLOCK = 4096

export interface Window {
  start: number
  stop: number
}

/** Wall-clock milliseconds, comparable across worker threads. */
export const now = (): number => performance.timeOrigin + performance.now()

/**
 * Send times of every keystroke, indexed by (typist, clock). Typist `t` has Yjs client id
 * `clientBase + t`, so a receiver can find the send time of any update it parses.
 */
export class SendTimes {
  readonly table: Float64Array
  constructor(
    readonly buffer: SharedArrayBuffer,
    readonly clientBase: number,
    readonly typists: number,
  ) {
    this.table = new Float64Array(buffer)
  }

  static create(clientBase: number, typists: number): SendTimes {
    return new SendTimes(
      new SharedArrayBuffer(typists * MAX_CLOCK * Float64Array.BYTES_PER_ELEMENT),
      clientBase,
      typists,
    )
  }

  set(typist: number, clock: number, time: number): void {
    if (clock < MAX_CLOCK) this.table[typist * MAX_CLOCK + clock] = time
  }

  get(clientId: number, clock: number): number {
    const typist = clientId - this.clientBase
    if (typist < 0 || typist >= this.typists || clock >= MAX_CLOCK) return 0
    return this.table[typist * MAX_CLOCK + clock] ?? 0
  }
}

/**
 * Counts keystroke receipts at one thread's peers: each received update names its keystrokes
 * by (client, clock range) via `Y.parseUpdateMeta`, so the update need not be applied.
 */
export class ReceiptCounter {
  readonly histogram = newHistogram()
  /** The same receipts, of keystrokes typed on another server than the receiver's. */
  readonly fromOtherServer = newHistogram()
  receipts = 0

  constructor(
    private readonly sendTimes: SendTimes,
    private readonly window: () => Window | null,
  ) {}

  /** `otherServer(client)`: the keystrokes of that Yjs client were typed on another server. */
  onUpdate(
    update: Uint8Array,
    receivedAt: number,
    otherServer: (client: number) => boolean = () => false,
  ): void {
    const window = this.window()
    if (!window) return
    const { from, to } = Y.parseUpdateMeta(update)
    for (const [client, toClock] of to) {
      const fromClock = from.get(client) ?? 0
      for (let clock = fromClock; clock < toClock; clock++) {
        const sent = this.sendTimes.get(client, clock)
        if (sent === 0 || sent < window.start || sent > window.stop) continue
        record(this.histogram, receivedAt - sent)
        if (otherServer(client)) record(this.fromOtherServer, receivedAt - sent)
        this.receipts++
      }
    }
  }
}
