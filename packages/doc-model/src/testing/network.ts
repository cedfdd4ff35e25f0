import * as Y from 'yjs'

/**
 * In-memory replicas that queue their updates for each other, so a test decides when and in
 * which order updates arrive (like yjs' TestConnector). For tests only.
 */
export class Network {
  readonly docs: Y.Doc[]
  /** inbox[to] holds updates not yet delivered to replica `to`. */
  private readonly inbox: Uint8Array[][]

  constructor(count: number, seed?: Y.Doc) {
    this.docs = []
    this.inbox = []
    const initial = seed ? Y.encodeStateAsUpdate(seed) : null
    for (let i = 0; i < count; i++) {
      const doc = new Y.Doc()
      // Fixed client ids make conflict resolution, and so a seeded run, reproducible.
      doc.clientID = 1 + i
      if (initial) Y.applyUpdate(doc, initial, 'network')
      this.inbox.push([])
      doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin === 'network') return
        this.inbox.forEach((queue, to) => {
          if (to !== i) queue.push(update)
        })
      })
      this.docs.push(doc)
    }
  }

  pending(to: number): number {
    return this.inbox[to]?.length ?? 0
  }

  /** Deliver the queued update at `index` of replica `to`'s inbox. */
  deliver(to: number, index: number): void {
    const queue = this.inbox[to]
    const doc = this.docs[to]
    if (!queue || !doc) return
    const [update] = queue.splice(index, 1)
    if (update) Y.applyUpdate(doc, update, 'network')
  }

  /** Deliver everything queued, then exchange full states so every replica is identical. */
  syncAll(): void {
    this.docs.forEach((_, to) => {
      while (this.pending(to) > 0) this.deliver(to, 0)
    })
    for (const from of this.docs) {
      for (const to of this.docs) {
        if (from !== to)
          Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), 'network')
      }
    }
  }
}
