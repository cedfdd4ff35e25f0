import {
  addPrinciple,
  addSection,
  documentViolations,
  createWorkspaceDoc,
  listPrinciples,
  listSections,
  MAX_BODY_DEPTH,
  metaText,
  readAdoption,
  rebalance,
  Root,
  sectionBody,
  sectionsMap,
  sectionTitleText,
  setAdoptionStatus,
  setPaused,
  setSectionLocked,
} from '@koers/doc-model'
import { participantColor } from '@koers/protocol'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { Connection } from '../sync/connection.ts'
import { WriteGuard, type GuardResult } from '../sync/writeGuard.ts'
import { documentAccessFor, type DenyReason } from './policy.ts'
import type { Role } from './role.ts'

/** A server replica and a client replica of one workspace, in sync. */
const setup = (prepare?: (doc: Y.Doc) => void) => {
  const server = new Y.Doc()
  createWorkspaceDoc(server, { title: 'Visie', school: 'De Linde' })
  prepare?.(server)
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
  const guard = new WriteGuard(server)
  /** The client makes `change` and the server applies it under the policy as `role`. */
  const send = (role: Role, change: (doc: Y.Doc) => void): GuardResult => {
    const before = Y.encodeStateVector(client)
    client.transact(() => change(client))
    const update = Y.encodeStateAsUpdate(client, before)
    const connection = { kind: 'connection', principal: { role } } as unknown as Connection
    const result = guard.apply(connection, () => Y.applyUpdate(server, update, connection))
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server, Y.encodeStateVector(client)))
    return result
  }
  const firstSection = listSections(server)[0]!.id
  const bodyText = (doc: Y.Doc, id = firstSection): string =>
    sectionBody(doc, id)
      .toArray()
      .map((node) => (node instanceof Y.XmlElement ? node.toString() : `[${node.toString()}]`))
      .join('')
  return { server, client, send, firstSection, bodyText }
}

const paragraph = (text: string): Y.XmlElement => {
  const element = new Y.XmlElement('paragraph')
  element.insert(0, [new Y.XmlText(text)])
  return element
}

const write = (id: string, text: string) => (doc: Y.Doc) =>
  sectionBody(doc, id).push([paragraph(text)])

/** The document's content, without roots that hold nothing (a refused root stays, empty). */
const content = (doc: Y.Doc): string =>
  JSON.stringify(
    Object.entries(doc.toJSON()).filter(
      ([, value]) => value != null && value !== '' && JSON.stringify(value) !== '{}',
    ),
  )

const reverted = (...reasons: DenyReason[]): GuardResult => ({ kind: 'reverted', reasons })
const applied: GuardResult = { kind: 'applied' }

describe('write policy, evaluated per transaction', () => {
  it('PERM-3/4/5: a viewer is read-only; editors and facilitators write through the guard', () => {
    expect(documentAccessFor('viewer')).toEqual({ kind: 'read-only' })
    expect(documentAccessFor('editor')).toEqual({ kind: 'write' })
    expect(documentAccessFor('facilitator')).toEqual({ kind: 'write' })
  })

  it.each([Root.adoption, Root.session])(
    'PERM-4: an editor write to %s is reverted; a facilitator’s stays',
    (root) => {
      const { server, send } = setup()
      const change = (doc: Y.Doc) =>
        root === Root.adoption
          ? setAdoptionStatus(doc, 'vastgesteld', { date: '', note: 'zelf' })
          : setPaused(doc, true)
      expect(send('editor', change)).toEqual(reverted('protected'))
      expect(server.getMap(root).toJSON()).toMatchObject(
        root === Root.adoption ? { status: 'concept', trail: [] } : { paused: false },
      )
      expect(send('facilitator', change)).toEqual(applied)
    },
  )

  it('PERM-9: while adopted an editor changes nothing anywhere; a facilitator reopens it', () => {
    const { server, client, send, firstSection, bodyText } = setup((doc) =>
      setAdoptionStatus(doc, 'vastgesteld', { date: '2026-06-01', note: 'Bestuur' }),
    )
    expect(send('editor', write(firstSection, 'na vaststelling'))).toEqual(reverted('adopted'))
    expect(send('editor', (doc) => metaText(doc, 'title')!.insert(0, 'x'))).toEqual(
      reverted('adopted'),
    )
    expect(send('editor', (doc) => addPrinciple(doc, { statement: 'nieuw' }))).toEqual(
      reverted('adopted'),
    )
    expect(bodyText(server)).toBe('')
    expect(bodyText(client)).toBe('')
    expect(listPrinciples(server)).toEqual([])
    expect(send('facilitator', write(firstSection, 'correctie'))).toEqual(applied)
    expect(
      send('facilitator', (doc) => setAdoptionStatus(doc, 'mr', { date: '', note: 'heropend' })),
    ).toEqual(applied)
    expect(send('editor', write(firstSection, 'weer open'))).toEqual(applied)
    expect(readAdoption(server).history.map((entry) => entry.step)).toEqual(['vastgesteld', 'mr'])
  })

  it('PERM-10: during a pause an editor changes nothing; a facilitator still writes', () => {
    const { send, firstSection } = setup((doc) => setPaused(doc, true))
    expect(send('editor', write(firstSection, 'tijdens pauze'))).toEqual(reverted('paused'))
    expect(send('facilitator', write(firstSection, 'tijdens pauze'))).toEqual(applied)
  })

  it('PERM-11: a locked section’s body, title and flags are reverted; the rest of the same transaction stays', () => {
    let locked = ''
    const { server, client, send, firstSection, bodyText } = setup((doc) => {
      locked = listSections(doc)[1]!.id
      setSectionLocked(doc, locked, true)
    })
    // One transaction (as an offline step 2 would be) touching an open and a locked section.
    const result = send('editor', (doc) => {
      write(firstSection, 'open onderdeel')(doc)
      write(locked, 'vergrendeld')(doc)
      sectionTitleText(doc, locked)!.insert(0, 'X')
      ;(sectionsMap(doc).get(locked) as Y.Map<unknown>).set('removed', true)
    })
    expect(result).toEqual(reverted('locked'))
    expect(bodyText(server)).toContain('open onderdeel')
    expect(bodyText(server, locked)).toBe('')
    expect(bodyText(client, locked)).toBe('')
    expect(sectionTitleText(server, locked)!.toString()).not.toMatch(/^X/)
    expect(listSections(server).map((s) => s.id)).toContain(locked)
    expect(send('facilitator', write(locked, 'door de procesbegeleider'))).toEqual(applied)
  })

  it('PERM-11: rebalancing the ranks of every section, locked ones included, is not refused', () => {
    let locked = ''
    const { server, send } = setup((doc) => {
      locked = listSections(doc)[2]!.id
      setSectionLocked(doc, locked, true)
    })
    const order = listSections(server).map((s) => s.id)
    expect(send('editor', (doc) => rebalance(sectionsMap(doc)))).toEqual(applied)
    expect(listSections(server).map((s) => s.id)).toEqual(order)
  })

  it('PERM-12: an editor cannot delete a principle for good; a facilitator can', () => {
    let id = ''
    const { server, send } = setup((doc) => {
      id = addPrinciple(doc, { statement: 'Wij kiezen voor menselijkheid' })
    })
    expect(send('editor', (doc) => doc.getMap(Root.principles).delete(id))).toEqual(
      reverted('protected'),
    )
    expect(listPrinciples(server).map((p) => p.id)).toEqual([id])
    expect(send('facilitator', (doc) => doc.getMap(Root.principles).delete(id))).toEqual(applied)
  })

  it.each<[string, (doc: Y.Doc, section: string) => void]>([
    [
      'a bare text at the root of a body',
      (doc, s) => sectionBody(doc, s).push([new Y.XmlText('x')]),
    ],
    ['an unknown node', (doc, s) => sectionBody(doc, s).push([new Y.XmlElement('script')])],
    [
      'a paragraph inside a paragraph',
      (doc, s) => {
        const outer = paragraph('a')
        outer.push([paragraph('b')])
        sectionBody(doc, s).push([outer])
      },
    ],
    [
      `blockquotes nested deeper than ${MAX_BODY_DEPTH}`,
      (doc, s) => {
        // Built one level at a time, as a crafted client would (69 KB for 3,000 levels).
        let parent: Y.XmlFragment = sectionBody(doc, s)
        for (let i = 0; i < 3_000; i++) {
          const quote = new Y.XmlElement('blockquote')
          parent.insert(0, [quote])
          parent = quote
        }
        parent.insert(0, [paragraph('diep')])
      },
    ],
    [
      'an unknown attribute',
      (doc, s) => {
        const element = paragraph('a')
        element.setAttribute('onclick', 'alert(1)')
        sectionBody(doc, s).push([element])
      },
    ],
    [
      'an unknown mark',
      (doc, s) => {
        sectionBody(doc, s).push([paragraph('')])
        const element = sectionBody(doc, s).get(0) as Y.XmlElement
        ;(element.get(0) as Y.XmlText).insert(0, 'x', { blink: true })
      },
    ],
    ['a number where a section must be', (doc) => sectionsMap(doc).set('nieuw', 5)],
    [
      'an unknown field of a section',
      (doc, s) => (sectionsMap(doc).get(s) as Y.Map<unknown>).set('x', 1),
    ],
    [
      'formatting in a plain-text field',
      (doc) => metaText(doc, 'title')!.format(0, 2, { bold: true }),
    ],
    ['an unknown root', (doc) => doc.getMap('evil').set('x', 'y'.repeat(1000))],
    ['a body of no section', (doc) => sectionBody(doc, 'not-a-section').push([paragraph('x')])],
  ])('DM-16/DM-18: %s is reverted, also for a facilitator', (_name, change) => {
    const { server, send, firstSection } = setup()
    const before = content(server)
    expect(send('facilitator', (doc) => change(doc, firstSection))).toEqual(reverted('invalid'))
    expect(content(server)).toBe(before)
  })

  it('DM-16: when a new section is reverted, the body written for it in the same transaction goes too', () => {
    const { server, send } = setup()
    let added = ''
    const result = send('facilitator', (doc) => {
      added = addSection(doc, { title: 'Nieuw' })
      sectionBody(doc, added).push([paragraph('tekst')])
      sectionsMap(doc).set('kapot', 42)
    })
    expect(result).toEqual(reverted('invalid'))
    expect(listSections(server).map((s) => s.id)).not.toContain(added)
    expect(documentViolations(server)).toEqual([])
  })

  it('DM-17: the adoption history is append-only, also for a facilitator', () => {
    const { server, send } = setup((doc) =>
      setAdoptionStatus(doc, 'teambespreking', { date: '2026-03-02', note: 'Studiedag' }),
    )
    const trail = (doc: Y.Doc) => doc.getMap(Root.adoption).get('trail') as Y.Array<Y.Map<unknown>>
    expect(send('facilitator', (doc) => trail(doc).delete(0, 1))).toEqual(reverted('invalid'))
    expect(send('facilitator', (doc) => trail(doc).get(0).set('note', 'herschreven'))).toEqual(
      reverted('invalid'),
    )
    expect(readAdoption(server).history.map((entry) => entry.note)).toEqual(['Studiedag'])
  })

  it('PERM-6: colours are deterministic per participant', () => {
    expect(participantColor('abc')).toBe(participantColor('abc'))
    expect(participantColor('abc')).toMatch(/^#[0-9a-f]{6}$/)
  })
})
