import * as Y from 'yjs'

/** What one Yjs struct costs in the heap, measured (200–350 bytes; items, content, indexes). */
export const STRUCT_HEAP_BYTES = 300
/** Heap bytes an encoded update may grow into when applied (measured 18–23×, rounded up). */
export const HEAP_BYTES_PER_UPDATE_BYTE = 25

/**
 * How big a loaded document is (LIM-1, LIM-2): its structs, counted after every change (a sum
 * over its client ids, what Yjs itself walks per transaction), and an upper bound of its encoded
 * size that grows with every update and is measured exactly only when it nears the cap, so a
 * paste deleted again does not count forever.
 */
export class DocumentSize {
  structs = 0
  private encodedUpperBound: number

  constructor(
    private readonly doc: Y.Doc,
    storedBytes: number,
  ) {
    this.encodedUpperBound = storedBytes
    this.recount()
  }

  /** Heap bytes the document costs, for the server's memory budget. */
  get heapBytes(): number {
    return this.structs * STRUCT_HEAP_BYTES + this.encodedUpperBound
  }

  recount(): number {
    let structs = 0
    for (const list of this.doc.store.clients.values()) structs += list.length
    this.structs = structs
    return structs
  }

  grew(bytes: number): void {
    this.encodedUpperBound += bytes
  }

  /** The document was encoded whole (a snapshot): its size is now known exactly. */
  measured(bytes: number): void {
    this.encodedUpperBound = bytes
  }

  /** Whether `bytes` more keep the encoded document within `max`; measures only when needed. */
  fits(bytes: number, max: number): boolean {
    if (this.encodedUpperBound + bytes <= max) return true
    this.encodedUpperBound = Y.encodeStateAsUpdate(this.doc).byteLength
    return this.encodedUpperBound + bytes <= max
  }
}
