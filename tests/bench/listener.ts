import * as decoding from 'lib0/decoding'
import WebSocket from 'ws'

const SYNC = 0
const STEP1 = 0
const STEP2 = 1
const UPDATE = 2
/** Sync step 1 with an empty state vector: "send me everything". */
const STEP1_EMPTY = Uint8Array.from([SYNC, STEP1, 1, 0])
/** Sync step 2 carrying an empty update (answer to the server's step 1). */
const STEP2_EMPTY = Uint8Array.from([SYNC, STEP2, 2, 0, 0])

export interface Listener {
  ws: WebSocket
  /** Resolves with the receive time and size of sync step 2. */
  synced: Promise<{ at: number; bytes: number }>
  closeCode: number | null
}

export interface ListenerHooks {
  onUpdate?: (update: Uint8Array, receivedAt: number) => void
  onClose?: (code: number) => void
  now: () => number
}

/**
 * A lightweight y-websocket peer that does not keep a document: it answers the handshake and
 * hands every update frame to `onUpdate` (for latency accounting).
 */
export function connectListener(url: string, hooks: ListenerHooks): Listener {
  const ws = new WebSocket(url, { perMessageDeflate: false })
  ws.binaryType = 'nodebuffer'
  const listener: Listener = { ws, synced: Promise.resolve({ at: 0, bytes: 0 }), closeCode: null }
  listener.synced = new Promise((resolve, reject) => {
    ws.on('open', () => ws.send(STEP1_EMPTY))
    ws.on('error', (error) => reject(error))
    ws.on('close', (code) => {
      listener.closeCode = code
      hooks.onClose?.(code)
      reject(new Error(`closed with ${code} before sync`))
    })
    ws.on('message', (data: Buffer) => {
      const receivedAt = hooks.now()
      if (data[0] !== SYNC) return
      const decoder = decoding.createDecoder(
        new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
      )
      decoding.readVarUint(decoder)
      const kind = decoding.readVarUint(decoder)
      if (kind === UPDATE) hooks.onUpdate?.(decoding.readVarUint8Array(decoder), receivedAt)
      else if (kind === STEP1) ws.send(STEP2_EMPTY)
      else if (kind === STEP2) resolve({ at: receivedAt, bytes: data.byteLength })
    })
  })
  listener.synced.catch(() => undefined)
  return listener
}
