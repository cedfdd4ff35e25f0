import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'

/** How frames are wrapped: plain y-websocket (Koers, y-websocket) or Hocuspocus (room first). */
export type Framing = 'y-websocket' | 'hocuspocus'

const SYNC = 0
const AWARENESS = 1
const HOCUSPOCUS_AUTH = 2
const HOCUSPOCUS_TOKEN = 0
const HOCUSPOCUS_SYNC_REPLY = 4
const STEP1 = 0
const STEP2 = 1
const UPDATE = 2

export interface ClientOptions {
  url: string
  framing: Framing
  /** The room's name (Hocuspocus frames carry it). */
  room: string
  now: () => number
  /** Every document update received, before it is applied (for latency accounting). */
  onUpdate?: (update: Uint8Array, receivedAt: number) => void
  onClose?: (code: number) => void
  /**
   * A typist keeps this document and an Awareness, as WebsocketProvider does; without it the
   * client keeps no document (a listener), which only the generator's cost tells apart.
   */
  doc?: Y.Doc
}

/**
 * A y-websocket peer that behaves on the wire as the stock WebsocketProvider (y-websocket 2/3):
 * on open it sends sync step 1 and its own awareness state, answers the server's step 1, and
 * sends back every awareness change it receives (the stock provider re-broadcasts whatever its
 * Awareness reports as changed, remote changes included). A listener does the same without a
 * Y.Doc: it answers step 1 with an empty step 2 and echoes awareness frames unchanged.
 */
export class StockClient {
  readonly ws: WebSocket
  readonly synced: Promise<{ at: number; bytes: number }>
  readonly awareness: awarenessProtocol.Awareness | null
  closeCode: number | null = null
  /** WebSocket messages received (the server's frames). */
  frames = 0
  private readonly clientId: number

  constructor(private readonly options: ClientOptions) {
    const doc = options.doc
    this.awareness = doc ? new awarenessProtocol.Awareness(doc) : null
    this.clientId = doc?.clientID ?? Math.floor(Math.random() * 2 ** 31)
    this.ws = new WebSocket(options.url, { perMessageDeflate: false })
    this.ws.binaryType = 'nodebuffer'
    this.synced = new Promise((resolve, reject) => {
      this.ws.on('open', () => this.opened())
      this.ws.on('error', reject)
      this.ws.on('close', (code) => {
        this.closeCode = code
        options.onClose?.(code)
        reject(new Error(`closed with ${code} before sync`))
      })
      this.ws.on('message', (data: Buffer) => this.received(data, resolve))
    })
    this.synced.catch(() => undefined)
    if (doc && this.awareness) {
      const awareness = this.awareness
      doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin !== this) this.sendSync((e) => syncProtocol.writeUpdate(e, update))
      })
      awareness.on(
        'update',
        ({ added, updated, removed }: Record<'added' | 'updated' | 'removed', number[]>) => {
          const changed = [...added, ...updated, ...removed]
          this.send(AWARENESS, (e) =>
            encoding.writeVarUint8Array(
              e,
              awarenessProtocol.encodeAwarenessUpdate(awareness, changed),
            ),
          )
        },
      )
    }
  }

  close(): void {
    this.awareness?.destroy()
    this.ws.terminate()
  }

  private opened(): void {
    const { framing, doc } = this.options
    if (framing === 'hocuspocus') {
      this.send(HOCUSPOCUS_AUTH, (e) => {
        encoding.writeVarUint(e, HOCUSPOCUS_TOKEN)
        encoding.writeVarString(e, 'bench')
      })
    }
    this.sendSync((e) => {
      if (doc) return syncProtocol.writeSyncStep1(e, doc)
      encoding.writeVarUint(e, STEP1)
      encoding.writeVarUint8Array(e, new Uint8Array([0]))
    })
    if (this.awareness) {
      const awareness = this.awareness
      this.send(AWARENESS, (e) =>
        encoding.writeVarUint8Array(
          e,
          awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID]),
        ),
      )
    } else {
      // A stock provider's Awareness starts with the local state {} at clock 1.
      this.send(AWARENESS, (e) => {
        const inner = encoding.createEncoder()
        encoding.writeVarUint(inner, 1)
        encoding.writeVarUint(inner, this.clientId)
        encoding.writeVarUint(inner, 1)
        encoding.writeVarString(inner, '{}')
        encoding.writeVarUint8Array(e, encoding.toUint8Array(inner))
      })
    }
  }

  private sendSync(write: (e: encoding.Encoder) => void): void {
    this.send(SYNC, write)
  }

  private send(type: number, write: (e: encoding.Encoder) => void): void {
    if (this.ws.readyState !== WebSocket.OPEN) return
    const e = encoding.createEncoder()
    if (this.options.framing === 'hocuspocus') encoding.writeVarString(e, this.options.room)
    encoding.writeVarUint(e, type)
    write(e)
    this.ws.send(encoding.toUint8Array(e))
  }

  private received(data: Buffer, resolve: (v: { at: number; bytes: number }) => void): void {
    const receivedAt = this.options.now()
    this.frames++
    const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
    const decoder = decoding.createDecoder(bytes)
    if (this.options.framing === 'hocuspocus') decoding.readVarString(decoder)
    const type = decoding.readVarUint(decoder)
    if (type === AWARENESS) return this.receivedAwareness(bytes, decoder)
    if (type !== SYNC && type !== HOCUSPOCUS_SYNC_REPLY) return
    const kind = decoding.readVarUint(decoder)
    if (kind === STEP1) {
      const stateVector = decoding.readVarUint8Array(decoder)
      const doc = this.options.doc
      this.sendSync((e) => {
        encoding.writeVarUint(e, STEP2)
        encoding.writeVarUint8Array(
          e,
          doc ? Y.encodeStateAsUpdate(doc, stateVector) : new Uint8Array([0, 0]),
        )
      })
      return
    }
    if (kind !== STEP2 && kind !== UPDATE) return
    const update = decoding.readVarUint8Array(decoder)
    if (kind === UPDATE) this.options.onUpdate?.(update, receivedAt)
    if (this.options.doc) Y.applyUpdate(this.options.doc, update, this)
    if (kind === STEP2) resolve({ at: receivedAt, bytes: data.byteLength })
  }

  private receivedAwareness(frame: Uint8Array, decoder: decoding.Decoder): void {
    if (this.awareness) {
      awarenessProtocol.applyAwarenessUpdate(
        this.awareness,
        decoding.readVarUint8Array(decoder),
        this,
      )
      return
    }
    // What a stock provider sends back when states it did not have arrive: the same states.
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(frame)
  }
}
