import type { Window } from './keystrokes.ts'

export type ClientPlan =
  | { kind: 'typist'; typist: number; cookie: string }
  | { kind: 'listener'; cookie: string }
  | { kind: 'sample'; cookie: string }

/**
 * How typists publish awareness: `own` as Koers' web app does (only their own state, PROTO-6),
 * `stock` as an unmodified y-websocket provider (every change it receives is sent back).
 */
export type TypistAwareness = 'own' | 'stock'

export interface WorkerInit {
  url: string
  wsUrl: string
  workspaceId: string
  sections: string[]
  clients: ClientPlan[]
  sendTimes: SharedArrayBuffer
  clientBase: number
  typists: number
  keysPerSecond: number
  typistAwareness: TypistAwareness
}

export type ToWorker =
  | { type: 'type'; window: Window }
  | { type: 'stop-typing' }
  | { type: 'report' }
  | { type: 'close' }

export interface WorkerReport {
  type: 'report'
  histogram: [number, number][]
  receipts: number
  keystrokes: number
  eldP99Ms: number
  /** Share of the typing window this thread's event loop was busy (0..1). */
  busy: number
  closes: Record<string, number>
  digests: { stateVector: string; content: string }[]
}

export type ToMain =
  | { type: 'ready'; connected: number }
  | { type: 'failed'; message: string }
  | WorkerReport
  | { type: 'closed' }
