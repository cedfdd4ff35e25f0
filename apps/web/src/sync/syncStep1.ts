import * as Y from 'yjs'

// y-websocket frame: varuint messageSync (0), varuint syncStep1 (0), varuint8array state vector.
const messageSync = 0
const messageSyncStep1 = 0

function writeVarUint(out: number[], value: number): void {
  let rest = value
  while (rest > 0x7f) {
    out.push(0x80 | (rest & 0x7f))
    rest = Math.floor(rest / 128)
  }
  out.push(rest)
}

/** A sync step 1 frame; the server answers it with step 2, which tells us it has seen our updates. */
export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const stateVector = Y.encodeStateVector(doc)
  const head: number[] = []
  writeVarUint(head, messageSync)
  writeVarUint(head, messageSyncStep1)
  writeVarUint(head, stateVector.length)
  const frame = new Uint8Array(head.length + stateVector.length)
  frame.set(head, 0)
  frame.set(stateVector, head.length)
  return frame
}
