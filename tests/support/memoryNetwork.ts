import * as prng from 'lib0/prng'
import * as Y from 'yjs'

const networkOrigin = Symbol('network')

export interface NetworkStats {
  edits: number
  delivered: number
  dropped: number
  duplicated: number
}

/**
 * N documents connected by an in-memory network that delivers updates in random order, drops
 * some and duplicates some (after yjs `tests/testHelper.js` TestConnector). `repair` plays the
 * sync step 1/2 exchange a reconnecting client does, so drops are recovered as in production.
 */
export class MemoryNetwork {
  readonly docs: Y.Doc[]
  private readonly inboxes: Uint8Array[][]
  readonly stats: NetworkStats = { edits: 0, delivered: 0, dropped: 0, duplicated: 0 }

  constructor(
    readonly gen: prng.PRNG,
    size: number,
  ) {
    this.docs = []
    this.inboxes = []
    for (let i = 0; i < size; i++) {
      const doc = new Y.Doc()
      // Client ids from the seed, so a failing seed replays exactly.
      doc.clientID = i + 1
      const index = i
      doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin === networkOrigin) return
        this.inboxes.forEach((inbox, peer) => {
          if (peer !== index) inbox.push(update)
        })
      })
      this.docs.push(doc)
      this.inboxes.push([])
    }
  }

  pending(): number {
    return this.inboxes.reduce((n, inbox) => n + inbox.length, 0)
  }

  /** Delivers, drops or duplicates one random pending message. Returns false when none is left. */
  deliverOne(dropRate: number, duplicateRate: number): boolean {
    const withMail = this.inboxes.flatMap((inbox, i) => (inbox.length > 0 ? [i] : []))
    if (withMail.length === 0) return false
    const peer = prng.oneOf(this.gen, withMail)
    const inbox = this.inboxes[peer]!
    const at = prng.int31(this.gen, 0, inbox.length - 1)
    const message = inbox[at]!
    const roll = prng.real53(this.gen)
    if (roll < dropRate) {
      inbox.splice(at, 1)
      this.stats.dropped++
      return true
    }
    Y.applyUpdate(this.docs[peer]!, message, networkOrigin)
    if (roll < dropRate + duplicateRate) {
      this.stats.duplicated++ // stays in the inbox, delivered again later
    } else {
      inbox.splice(at, 1)
    }
    this.stats.delivered++
    return true
  }

  /** Delivers everything still pending, still in random order, without drops. */
  flush(): void {
    while (this.deliverOne(0, 0)) {
      // keep delivering
    }
  }

  /** Every pair exchanges state vectors and the missing updates (as sync step 1/2 does). */
  repair(): void {
    for (const a of this.docs) {
      for (const b of this.docs) {
        if (a === b) continue
        Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), networkOrigin)
      }
    }
  }

  destroy(): void {
    for (const doc of this.docs) doc.destroy()
  }
}
