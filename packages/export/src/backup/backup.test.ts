import { toBase64 } from 'lib0/buffer'
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { buildBackup, exportWorkspace, parseBackup, type ExportOptions } from '../index.ts'
import { SEED, seedVision } from '../testing/seedVision.ts'

const now = new Date('2026-12-05T10:00:00Z')
const options: ExportOptions = { lang: 'nl', questions: true, appendix: true, now }

async function markdown(doc: Y.Doc): Promise<string> {
  return new TextDecoder().decode((await exportWorkspace(doc, 'md', options)).bytes)
}

function rebuilt(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, state)
  return doc
}

function refused(input: unknown): string {
  const result = parseBackup(input)
  if (result.ok) throw new Error('expected a refusal')
  return result.message
}

describe('JSON backup', () => {
  it('EXP-12 is a versioned file with the whole state and a readable view, no names', async () => {
    const result = await exportWorkspace(seedVision(), 'json', options)
    expect(result.contentType).toBe('application/json')
    const json = JSON.parse(new TextDecoder().decode(result.bytes))
    expect(json.format).toBe('koers-backup')
    expect(json.version).toBe(1)
    expect(json.exportedAt).toBe('2026-12-05T10:00:00.000Z')
    expect(json.workspace).toMatchObject({
      title: SEED.title,
      school: SEED.school,
      sector: 'po',
      language: 'nl',
      period: '2025–2029',
      schemaVersion: 1,
    })
    expect(typeof json.document.state).toBe('string')
    expect(json.content.sections).toHaveLength(12)
    expect(json.content.sections[0].body.type).toBe('doc')
    expect(json.content.sections[0].body.content[0]).toMatchObject({
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Deze visie beschrijft hoe ' },
        { text: 'wij', marks: [{ type: 'bold' }] },
        {},
        {},
      ],
    })
    expect(json.content.principles.map((p: { statement: string }) => p.statement)).toEqual(
      SEED.principles,
    )
    expect(json.content.principles[0].provenance).toBe(SEED.provenance)
    expect(json.content.actions.map((a: { what: string }) => a.what)).toEqual(SEED.actions)
    expect(json.content.adoption).toEqual({
      status: 'mr',
      steps: [
        { step: 'concept', date: '2026-03-02', note: '' },
        { step: 'teambespreking', date: '2026-04-14', note: 'Besproken op de studiedag.' },
        { step: 'mr', date: '2026-05-20', note: 'De MR stemt in, met één vraag over AI.' },
      ],
    })
    expect(Object.keys(json)).toEqual([
      'format',
      'version',
      'exportedAt',
      'workspace',
      'document',
      'content',
    ])
  })

  it('EXP-14 a round trip is lossless: the rebuilt document exports the same Markdown and content', async () => {
    const original = seedVision()
    const file = JSON.stringify(buildBackup(original, { now }))
    const parsed = parseBackup(file)
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    const copy = rebuilt(parsed.state)
    expect(await markdown(copy)).toBe(await markdown(original))
    expect(buildBackup(copy, { now }).content).toEqual(buildBackup(original, { now }).content)
    expect(parsed.backup.content).toEqual(buildBackup(original, { now }).content)
    // and once more, from the copy
    const again = parseBackup(JSON.parse(JSON.stringify(buildBackup(copy, { now }))))
    expect(again.ok && (await markdown(rebuilt(again.state)))).toBe(await markdown(original))
  })

  it('EXP-13 refuses text that is not JSON, such as a cut-off file', () => {
    const file = JSON.stringify(buildBackup(seedVision(), { now }))
    expect(refused(file.slice(0, file.length / 2))).toBe(
      'This file is not valid JSON (it may have been cut off).',
    )
    expect(refused('')).toMatch(/not valid JSON/)
  })

  it('EXP-13 refuses foreign files and other versions', () => {
    expect(refused(null)).toBe('This file is not a Koers backup (expected a JSON object).')
    expect(refused([1, 2])).toBe('This file is not a Koers backup (expected a JSON object).')
    expect(refused({ type: 'doc' })).toBe(
      'This file is not a Koers backup (format null, expected "koers-backup").',
    )
    const backup = buildBackup(seedVision(), { now })
    expect(refused({ ...backup, format: 'excalidraw' })).toMatch(/format "excalidraw"/)
    expect(refused({ ...backup, version: 2 })).toBe(
      'Koers backup version 2 is not supported; this Koers reads version 1.',
    )
  })

  it('EXP-13 refuses a file with a missing or mistyped field, and says where', () => {
    const backup = buildBackup(seedVision(), { now })
    const { workspace: _drop, ...withoutWorkspace } = backup
    expect(refused(withoutWorkspace)).toMatch(/^This Koers backup is damaged at workspace: /)
    expect(refused({ ...backup, exportedAt: 'yesterday' })).toMatch(/damaged at exportedAt/)
    expect(refused({ ...backup, content: { ...backup.content, actions: [{ what: 1 }] } })).toMatch(
      /damaged at content\.actions\.0\./,
    )
    expect(refused({ ...backup, document: { state: 'not base64!' } })).toBe(
      'This Koers backup is damaged at document.state: is not base64.',
    )
  })

  it('EXP-13 refuses a state that is empty, garbage, cut off, or holds no workspace', () => {
    const backup = buildBackup(seedVision(), { now })
    const withState = (state: Uint8Array) => ({ ...backup, document: { state: toBase64(state) } })
    expect(refused(withState(new Uint8Array()))).toBe('The document in this backup is empty.')
    expect(refused(withState(new Uint8Array([255, 255, 255, 255, 255, 1, 2, 3])))).toBe(
      'The document in this backup cannot be read (it is damaged).',
    )
    const state = Y.encodeStateAsUpdate(seedVision())
    expect(refused(withState(state.slice(0, Math.floor(state.length / 2))))).toMatch(
      /cannot be read|incomplete/,
    )
    expect(refused(withState(Y.encodeStateAsUpdate(new Y.Doc())))).toBe(
      'The document in this backup holds no Koers workspace.',
    )
    const future = seedVision()
    future.getMap('meta').set('schemaVersion', 99)
    expect(refused(withState(Y.encodeStateAsUpdate(future)))).toMatch(/made by a newer Koers/)
  })

  it('EXP-13 refuses an update that leaves structs waiting for missing ones', () => {
    const doc = seedVision()
    const before = Y.encodeStateVector(doc)
    doc.getMap('meta').set('extra', 'later')
    const onlyTheLastChange = Y.encodeStateAsUpdate(doc, before)
    const backup = buildBackup(seedVision(), { now })
    expect(refused({ ...backup, document: { state: toBase64(onlyTheLastChange) } })).toBe(
      'The document in this backup is incomplete (the file was probably cut off).',
    )
  })
})
