import { listSections, sectionBody } from '@koers/doc-model'
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { EXPORT_FORMATS, exportWorkspace, type ExportOptions } from './index.ts'
import { element, heading, paragraph, seedVision } from './testing/seedVision.ts'

const options: ExportOptions = { lang: 'nl', questions: false, appendix: false }

/** A first section whose body holds what no editor writes: an old or broken document. */
function brokenVision(): Y.Doc {
  const doc = seedVision()
  const body = sectionBody(doc, listSections(doc)[0]!.id)
  body.delete(0, body.length)
  const bare = new Y.XmlText()
  bare.insert(0, 'Losse tekst aan de wortel')
  const weirdMark = new Y.XmlText()
  weirdMark.insert(0, 'met een onbekende markering', { sparkle: { level: 3 } })
  const badHeading = heading(2, 'Kop met een rare maat')
  badHeading.setAttribute('level', 'groot')
  const badList = element('orderedList', [element('listItem', [paragraph('telt vanaf iets')])])
  badList.setAttribute('start', 'abc')
  body.insert(0, [
    bare,
    element('mention', [paragraph('In een onbekend element')]),
    element('listItem', [paragraph('Een lijstitem zonder lijst')]),
    element('paragraph', [paragraph('Een alinea in een alinea')]),
    element('paragraph', [weirdMark]),
    badHeading,
    element('bulletList', [paragraph('Een alinea direct in een lijst')]),
    badList,
    element('table', [element('tableRow', [element('tableCell', [paragraph('Een cel')])])]),
    // Yjs takes an XmlHook here; its types leave it out
    new Y.XmlHook('widget') as unknown as Y.XmlElement,
    element('blockquote', []),
    paragraph(['gevaarlijk', { link: { href: 'javascript:alert(1)' } }]),
  ])
  return doc
}

const SURVIVING = [
  'Losse tekst aan de wortel',
  'In een onbekend element',
  'Een lijstitem zonder lijst',
  'Een alinea in een alinea',
  'met een onbekende markering',
  'Kop met een rare maat',
  'Een alinea direct in een lijst',
  'telt vanaf iets',
  'Een cel',
  'gevaarlijk',
]

describe('a body that does not fit the schema', () => {
  it('EXP-7 exports in every format without throwing, and changes nothing in the document', async () => {
    const doc = brokenVision()
    const before = Y.encodeStateAsUpdate(doc)
    for (const format of EXPORT_FORMATS) {
      const result = await exportWorkspace(doc, format, options)
      expect(result.bytes.length, format).toBeGreaterThan(0)
    }
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before)
  })

  it('EXP-7 keeps the text of what it cannot read as it is', async () => {
    const md = new TextDecoder().decode(
      (await exportWorkspace(brokenVision(), 'md', options)).bytes,
    )
    const section = md.slice(md.indexOf('## 1. '), md.indexOf('## 2. '))
    const positions = SURVIVING.map((text) => section.indexOf(text))
    positions.forEach((position, i) => expect(position, SURVIVING[i]).toBeGreaterThan(0))
    expect(positions).toEqual([...positions].sort((a, b) => a - b))
    expect(section).toContain('### Kop met een rare maat')
    expect(section).toContain('1. telt vanaf iets')
    expect(section).toContain('- Een alinea direct in een lijst')
    expect(section).not.toContain('javascript')
  })

  it('EXP-7 exports a body root that another writer made a different kind of shared type', async () => {
    const doc = seedVision()
    const id = listSections(doc)[3]!.id // Ambities: its body was never read as a fragment
    const other = new Y.Doc()
    other.getMap(`body:${id}`).set('not', 'a fragment')
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other))
    doc.getMap(`body:${id}`)
    const md = new TextDecoder().decode((await exportWorkspace(doc, 'md', options)).bytes)
    expect(md).toContain('## 4. Ambities\n\n## 5. Uitgangspunten')
  })

  it('EXP-6 / EXP-7 the JSON view of a broken body fits the schema', async () => {
    const json = JSON.parse(
      new TextDecoder().decode((await exportWorkspace(brokenVision(), 'json', options)).bytes),
    )
    const body = json.content.sections[0].body
    const types = body.content.map((node: { type: string }) => node.type)
    expect(types[0]).toBe('paragraph')
    expect(types).not.toContain('mention')
    expect(types).not.toContain('table')
    expect(JSON.stringify(body)).not.toContain('sparkle')
  })
})
