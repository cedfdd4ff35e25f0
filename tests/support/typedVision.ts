import {
  addAction,
  addPrinciple,
  addSection,
  BUILDING_BLOCKS,
  createWorkspaceDoc,
  DEFAULT_VALUES,
  listSections,
  removeSection,
  sectionBody,
  setAdoptionStatus,
  updateMeta,
  type ActionStatus,
} from '@koers/doc-model'
import * as prng from 'lib0/prng'
import * as Y from 'yjs'

/**
 * A vision as a team types it (benchmarks, tests): section bodies are written character by
 * character, one Yjs transaction per keystroke, into Y.XmlText inside paragraph, heading and
 * list elements, as Tiptap stores them. Six writers take turns (each with its own Yjs client
 * id), make typos and delete them, type some words bold, go back to insert or delete words in
 * text already written, and start new paragraphs, headings and lists. Seeded: one seed, one
 * document.
 */
export interface TypedVisionSize {
  /** Words in all section bodies together. */
  words: number
  sections: number
  principles: number
  actions: number
}

const WORDS = (
  'leerlingen leraren school onderwijs digitale geletterdheid privacy veiligheid samenwerking ' +
  'team ouders bestuur visie keuzes technologie ontwikkeling kerndoelen vakmanschap relatie ' +
  'contact menselijkheid autonomie rechtvaardigheid gelijke kansen middelen apps platformen ' +
  'devices netwerk ondersteuning scholing coaching evaluatie borging schoolplan MR instemming ' +
  'advies beleid afspraken telefoons generatieve AI schermtijd analoog balans toetsing ' +
  'leeropbrengst kwaliteit toegankelijkheid kosten afhankelijkheid leverancier Microsoft ' +
  'Google SIVON Kennisnet AVG DPIA dataminimalisatie verwerkersovereenkomst weerbaarheid ' +
  'incidenten bewust kritisch verantwoord creatief samen elke week jaarlijks concreet ' +
  'reünie café één geïnteresseerd coördinator i-coach ict-coördinator groep klas lokaal ' +
  'wij kiezen voor omdat zodat waarbij terwijl daarom ook niet wel meer minder goed beter ' +
  'de het een van in op met voor aan door bij naar over uit tot als dan'
).split(' ')

const OWNERS = ['Directie', 'Werkgroep ict', 'I-coach', 'Bouwcoördinatoren', 'MR', 'Team']

type Gen = prng.PRNG

function sentence(gen: Gen, min: number, max: number): string {
  const n = prng.int32(gen, min, max)
  const words = Array.from({ length: n }, () => prng.oneOf(gen, WORDS))
  const text = words.join(' ')
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}${prng.oneOf(gen, ['.', '.', '.', '?', ':'])}`
}

/** One person typing into one Y.XmlText, a keystroke per transaction. */
class Typist {
  constructor(
    private readonly doc: Y.Doc,
    private readonly gen: Gen,
  ) {}

  private key(fn: () => void): void {
    this.doc.transact(fn)
  }

  /** Types `text` at `at`, a character per transaction, with typos fixed by backspace. */
  type(
    target: Y.XmlText,
    at: number,
    text: string,
    attributes: Record<string, object> = {},
  ): number {
    let caret = at
    for (const char of text) {
      if (char !== ' ' && prng.int32(this.gen, 0, 60) === 0) {
        const typo = prng.letter(this.gen)
        this.key(() => target.insert(caret, typo, attributes))
        this.key(() => target.delete(caret, 1))
      }
      this.key(() => target.insert(caret, char, attributes))
      caret += char.length
    }
    return caret
  }

  /** Types a block of words, some of them bold, and returns the count typed. */
  typeWords(target: Y.XmlText, words: number): number {
    let caret = target.length
    let typed = 0
    while (typed < words) {
      const text = sentence(this.gen, 6, 18)
      const parts = text.split(' ')
      for (const [i, word] of parts.entries()) {
        const style = prng.int32(this.gen, 0, 80)
        const marks: Record<string, object> =
          style === 0
            ? { bold: {} }
            : style === 1
              ? { italic: {} }
              : style === 2
                ? { link: { href: 'https://www.kennisnet.nl/' } }
                : {}
        caret = this.type(target, caret, word, marks)
        if (i < parts.length - 1 || typed + parts.length < words) {
          caret = this.type(target, caret, ' ')
        }
      }
      typed += parts.length
    }
    return typed
  }

  /** Goes back into written text: inserts a word, deletes one, or rewrites a sentence. */
  revise(target: Y.XmlText): void {
    const text = target.toString()
    const spaces = [...text.matchAll(/ /g)].map((m) => m.index)
    if (spaces.length < 3) return
    const at = prng.oneOf(this.gen, spaces)
    const roll = prng.int32(this.gen, 0, 2)
    if (roll === 0) {
      this.type(target, at, ` ${prng.oneOf(this.gen, WORDS)}`)
      return
    }
    const end = roll === 1 ? text.indexOf(' ', at + 1) : text.indexOf('. ', at + 1)
    if (end === -1) return
    // backspace from the end of the word or sentence, then (for a sentence) type a new one
    for (let i = end; i > at; i--) this.key(() => target.delete(i - 1, 1))
    if (roll === 2) this.type(target, at, ` ${sentence(this.gen, 5, 14).slice(0, -1)}`)
  }
}

function newBlock(kind: 'paragraph' | 'heading' | 'bulletList' | 'orderedList', gen: Gen) {
  const text = new Y.XmlText()
  if (kind === 'paragraph' || kind === 'heading') {
    const el = new Y.XmlElement(kind)
    if (kind === 'heading') el.setAttribute('level', prng.oneOf(gen, [2, 3]) as unknown as string)
    el.insert(0, [text])
    return { el, texts: [text] }
  }
  const list = new Y.XmlElement(kind)
  const texts: Y.XmlText[] = []
  const items = prng.int32(gen, 3, 6)
  for (let i = 0; i < items; i++) {
    const item = new Y.XmlElement('listItem')
    const p = new Y.XmlElement('paragraph')
    const t = i === 0 ? text : new Y.XmlText()
    p.insert(0, [t])
    item.insert(0, [p])
    list.insert(i, [item])
    texts.push(t)
  }
  return { el: list, texts }
}

function typeSection(doc: Y.Doc, body: Y.XmlFragment, words: number, gen: Gen, writers: number[]) {
  const typist = new Typist(doc, gen)
  const written: Y.XmlText[] = []
  let typed = 0
  let sinceHeading = 0
  while (typed < words) {
    doc.clientID = prng.oneOf(gen, writers)
    const roll = prng.int32(gen, 0, 9)
    const kind =
      sinceHeading > 220 && roll < 4
        ? 'heading'
        : roll === 0
          ? 'bulletList'
          : roll === 1
            ? 'orderedList'
            : 'paragraph'
    const { el, texts } = newBlock(kind, gen)
    doc.transact(() => body.insert(body.length, [el]))
    for (const text of texts) {
      const n =
        kind === 'heading'
          ? prng.int32(gen, 2, 5)
          : kind === 'paragraph'
            ? prng.int32(gen, 35, 110)
            : prng.int32(gen, 4, 12)
      let count = n
      if (kind === 'heading') typist.type(text, 0, sentence(gen, n, n).replace(/[.?:]$/, ''))
      else count = typist.typeWords(text, n)
      typed += count
      sinceHeading = kind === 'heading' ? 0 : sinceHeading + count
      if (kind !== 'heading') written.push(text)
    }
    // Now and then someone else goes back into what is written.
    while (written.length > 0 && prng.int32(gen, 0, 1) === 0) {
      doc.clientID = prng.oneOf(gen, writers)
      typist.revise(prng.oneOf(gen, written))
    }
  }
}

/**
 * Structs in a document (Yjs merges a writer's consecutive keystrokes into one) and the
 * operations that made them (the sum of the state vector: one per character or element ever
 * inserted, deleted ones included).
 */
export function historySize(doc: Y.Doc): { structs: number; operations: number } {
  let structs = 0
  doc.store.clients.forEach((list) => (structs += list.length))
  let operations = 0
  for (const clock of Y.decodeStateVector(Y.encodeStateVector(doc)).values()) operations += clock
  return { structs, operations }
}

export function typedVision(seed: number, size: TypedVisionSize): Y.Doc {
  const gen = prng.create(seed)
  const doc = new Y.Doc()
  createWorkspaceDoc(doc, { title: 'Visie op digitalisering', school: 'De Regenboog' })
  updateMeta(doc, { sector: 'po', period: '2025–2029', reviewDate: '2027-06-30' })
  setAdoptionStatus(doc, 'concept', { date: '2026-01-12', note: '' })
  setAdoptionStatus(doc, 'teambespreking', { date: '2026-03-09', note: 'Studiedag maart.' })
  setAdoptionStatus(doc, 'mr', { date: '2026-04-20', note: 'MR stemt in.' })
  setAdoptionStatus(doc, 'vastgesteld', {
    date: '2026-05-18',
    note: 'Vastgesteld door het bestuur.',
  })

  const template = listSections(doc)
  for (const extra of template.slice(size.sections)) removeSection(doc, extra.id)
  for (let i = template.length; i < size.sections; i++) {
    addSection(doc, { title: `Onderdeel ${i + 1}` })
  }
  const sections = listSections(doc)
  const writers = Array.from({ length: 6 }, (_, i) => 1000 + i + seed * 10)
  const perSection = Math.round(size.words / sections.length)
  for (const section of sections) {
    const words = Math.max(20, Math.round(perSection * (0.6 + prng.real53(gen) * 0.8)))
    typeSection(doc, sectionBody(doc, section.id), words, gen, writers)
  }

  const principleIds: string[] = []
  for (let i = 0; i < size.principles; i++) {
    principleIds.push(
      addPrinciple(doc, {
        statement: `Wij kiezen voor ${sentence(gen, 3, 7)
          .toLowerCase()
          .replace(/[.?:]$/, '')}, omdat ${sentence(gen, 5, 12).toLowerCase()}`,
        rationale: Array.from({ length: prng.int32(gen, 1, 3) }, () => sentence(gen, 8, 20)).join(
          ' ',
        ),
        values: DEFAULT_VALUES.filter(() => prng.int32(gen, 0, 3) === 0),
        buildingBlocks: BUILDING_BLOCKS.filter(() => prng.int32(gen, 0, 3) === 0),
        provenance: prng.bool(gen)
          ? `Brainstorm ${prng.int32(gen, 1, 4)}, stemronde ${prng.int32(gen, 1, 3)}`
          : '',
      }),
    )
  }
  const statuses: ActionStatus[] = ['open', 'bezig', 'klaar']
  for (let i = 0; i < size.actions; i++) {
    const month = String(prng.int32(gen, 1, 12)).padStart(2, '0')
    addAction(doc, {
      what: sentence(gen, 4, 12),
      owner: prng.oneOf(gen, OWNERS),
      due: prng.int32(gen, 0, 4) === 0 ? '' : `2027-${month}-01`,
      status: prng.oneOf(gen, statuses),
      principleId: prng.int32(gen, 0, 3) === 0 ? '' : prng.oneOf(gen, principleIds),
    })
  }
  return doc
}
