import { addPrinciple, listSections, principleStatement, sectionBody } from '@koers/doc-model'
import type { Random } from '@koers/doc-model/testing'
import {
  encodeAwarenessEntries,
  encodeAwarenessFrame,
  encodeQueryAwarenessFrame,
  encodeSyncStep1Frame,
  encodeSyncStep2Frame,
  encodeUpdateFrame,
} from '@koers/protocol'
import * as Y from 'yjs'

// Frames for the frame fuzz (LIM-5): valid ones a client sends, and mutations of them.
/** Valid frames of the kinds a client sends, made on a synced replica. */
export const corpus = (doc: Y.Doc): Uint8Array[] => {
  const frames: Uint8Array[] = []
  const capture = (u: Uint8Array): void => void frames.push(encodeUpdateFrame(u))
  doc.on('update', capture)
  const section = listSections(doc)[0]!.id
  doc.transact(() => {
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText('Wij kiezen voor menselijkheid')])
    sectionBody(doc, section).push([paragraph])
  })
  const id = addPrinciple(doc, { statement: 'Eerst de mens' })
  principleStatement(doc, id)!.insert(0, 'Altijd: ')
  doc.off('update', capture)
  frames.push(encodeSyncStep1Frame(Y.encodeStateVector(doc)))
  frames.push(encodeSyncStep2Frame(Y.encodeStateAsUpdate(doc)))
  frames.push(
    encodeAwarenessFrame(
      encodeAwarenessEntries([{ clientId: 4242, clock: 1, state: { cursor: { anchor: 3 } } }]),
    ),
  )
  frames.push(encodeQueryAwarenessFrame())
  return frames
}

export const mutate = (random: Random, frames: Uint8Array[]): Uint8Array => {
  const base = random.pick(frames)!
  const bytes = Array.from(base)
  switch (random.int(6)) {
    case 0: // flip bits
      for (let i = 0; i < 1 + random.int(4); i++) {
        const at = random.int(bytes.length)
        bytes[at] = bytes[at]! ^ (1 << random.int(8))
      }
      break
    case 1: // truncate
      bytes.length = random.int(bytes.length)
      break
    case 2: // random bytes inserted
      bytes.splice(
        random.int(bytes.length + 1),
        0,
        ...Array.from({ length: 1 + random.int(8) }, () => random.int(256)),
      )
      break
    case 3: // a splice of two frames
      return new Uint8Array([
        ...bytes.slice(0, random.int(bytes.length)),
        ...random.pick(frames)!.slice(random.int(8)),
      ])
    case 4: // a length or count turned huge
      bytes[Math.min(bytes.length - 1, 1 + random.int(4))] = 0xff
      bytes.splice(2 + random.int(4), 0, 0xff, 0xff, 0xff, 0x7f)
      break
    default: // random bytes
      return new Uint8Array(Array.from({ length: 1 + random.int(64) }, () => random.int(256)))
  }
  return new Uint8Array(bytes)
}
