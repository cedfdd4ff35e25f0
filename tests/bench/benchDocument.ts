import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createWorkspaceDoc, listSections, sectionBody, setAdoptionStatus } from '@koers/doc-model'
import * as Y from 'yjs'
import { historySize, typedVision } from '../support/typedVision.ts'

export interface BenchDocument {
  label: string
  state: Uint8Array
  structs: number
  operations: number
}

/** Encoded bytes per word of a typed vision (measured: ~16.5); used to aim at a size. */
const BYTES_PER_WORD = 16.5

const describe = (label: string, doc: Y.Doc): BenchDocument => ({
  label,
  state: Y.encodeStateAsUpdate(doc),
  ...historySize(doc),
})

/**
 * A vision typed keystroke by keystroke (`typedVision`, seeded) of about `bytes` encoded: six
 * writers, typos, revisions, new paragraphs, headings and lists. Generating 1 MB takes some
 * seconds, so the state is cached in the temp dir per seed and size. The typed vision ends
 * adopted, which refuses editors' changes (PERM-9); the school has taken it back to the team
 * for a study day, so the benchmark's typists write as they would that day.
 */
export function typedDocument(seed: number, bytes: number): BenchDocument {
  const words = Math.round(bytes / BYTES_PER_WORD)
  const file = join(tmpdir(), `koers-bench-typed-${seed}-${words}.bin`)
  const doc = new Y.Doc()
  if (existsSync(file)) Y.applyUpdate(doc, readFileSync(file))
  else {
    Y.applyUpdate(
      doc,
      Y.encodeStateAsUpdate(
        typedVision(seed, { words, sections: 13, principles: 20, actions: 30 }),
      ),
    )
    writeFileSync(file, Y.encodeStateAsUpdate(doc))
  }
  setAdoptionStatus(doc, 'teambespreking', { date: '2026-09-07', note: 'Studiedag herijking.' })
  return describe(`typed, ${Math.round(words / 1000)}k words`, doc)
}

/** The old shape: ~`bytes` of 32 KB paragraphs, a few dozen Yjs items (an extra row only). */
export function bigParagraphDocument(bytes: number): BenchDocument {
  const doc = new Y.Doc()
  createWorkspaceDoc(doc, { title: 'Groot document', school: 'Bench' })
  const sections = listSections(doc)
  const chunk = 32 * 1024
  const sentence =
    'Wij kiezen voor technologie die het contact tussen leraar en leerling versterkt. '
  for (let written = 0, i = 0; written < bytes; written += chunk, i++) {
    const body = sectionBody(doc, sections[i % sections.length]!.id)
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [
      new Y.XmlText(sentence.repeat(Math.ceil(chunk / sentence.length)).slice(0, chunk)),
    ])
    body.insert(body.length, [paragraph])
  }
  return describe('32 KB paragraphs (old shape)', doc)
}
