import type { Framing } from './stockClient.ts'

export type StormToWorker =
  { type: 'join'; urls: string[]; framing: Framing; room: string } | { type: 'close' }

export type StormToMain =
  | { type: 'ready' }
  | { type: 'failed'; message: string }
  /** When each client had sync step 2 (wall clock, `now()`); null when it failed. */
  | { type: 'synced'; at: (number | null)[] }
  | { type: 'closed' }
