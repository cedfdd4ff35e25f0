import type { Window } from './keystrokes.ts'
import type { Framing } from './stockClient.ts'

export interface StockInit {
  framing: Framing
  room: string
  /** `typist` set: a typist with Yjs client id `clientBase + typist`. */
  clients: { url: string; typist?: number }[]
  sendTimes: SharedArrayBuffer
  clientBase: number
  typists: number
  /** The host:port each typist is connected to (index: typist); one for all behind a balancer. */
  typistServers: string[]
  keysPerSecond: number
}

export type StockToWorker =
  | { type: 'type'; window: Window }
  | { type: 'stop-typing' }
  | { type: 'report' }
  | { type: 'close' }

export interface StockReport {
  type: 'report'
  histogram: [number, number][]
  /** Receipts of keystrokes typed on another server than the receiver's. */
  fromOtherServer: [number, number][]
  keystrokes: number
  eldP99Ms: number
  /** Share of the typing window this thread's event loop was busy (0..1). */
  busy: number
  /** Frames this thread's clients received during the window. */
  frames: number
  closes: Record<string, number>
  stateVectors: string[]
  /** Every typist's paragraph holds all it typed (nothing was refused and reverted). */
  textKept: boolean
}

export type StockToMain =
  { type: 'ready' } | { type: 'failed'; message: string } | StockReport | { type: 'closed' }
