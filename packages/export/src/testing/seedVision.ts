import {
  addAction,
  addPrinciple,
  createWorkspaceDoc,
  listSections,
  removeSection,
  sectionBody,
  setAdoptionStatus,
  updateMeta,
} from '@koers/doc-model'
import * as Y from 'yjs'

// A small workspace as a team leaves it, for the export tests: written with doc-model's
// writers, section bodies as Tiptap stores them (elements holding Y.XmlText with marks as
// attributes).

type Run = string | [string, Record<string, object>]

function text(runs: Run[]): Y.XmlText {
  const t = new Y.XmlText()
  let at = 0
  for (const run of runs) {
    const [value, attributes] = typeof run === 'string' ? [run, {}] : run
    t.insert(at, value, attributes)
    at += value.length
  }
  return t
}

export function element(name: string, children: (Y.XmlElement | Y.XmlText)[], attrs = {}) {
  const el = new Y.XmlElement(name)
  for (const [key, value] of Object.entries(attrs)) el.setAttribute(key, value as string)
  el.insert(0, children)
  return el
}

export function paragraph(...runs: Run[]): Y.XmlElement {
  return element('paragraph', [text(runs)])
}

export function heading(level: number, value: string): Y.XmlElement {
  const el = element('heading', [text([value])])
  el.setAttribute('level', level as unknown as string)
  return el
}

function list(name: 'bulletList' | 'orderedList', items: string[]): Y.XmlElement {
  return element(
    name,
    items.map((item) => element('listItem', [paragraph(item)])),
  )
}

export const SEED = {
  title: 'Visie op digitalisering',
  school: 'De Regenboog',
  removedTitle: 'Waar staan we nu?',
  userText: 'Let op: <script>alert(1)</script> * geen | tabel # kop',
  principles: [
    'Wij kiezen voor menselijk contact, omdat leren begint bij een relatie.',
    'Wij kiezen voor privacy, omdat leerlingen recht hebben op een eigen ruimte.',
    'Wij kiezen voor eigen regie, omdat scholen niet afhankelijk willen zijn van één leverancier.',
  ],
  actions: ['Telefoonbeleid opstellen', 'Scholing AI voor het team', 'Privacyscan van alle apps'],
  provenance: 'Brainstorm "Waarden", stemronde 2 (14 stippen)',
  participants: 37,
}

/** The seeded workspace; section bodies of the first three sections are filled. */
export function seedVision(): Y.Doc {
  const doc = new Y.Doc()
  createWorkspaceDoc(doc, { title: SEED.title, school: SEED.school })
  updateMeta(doc, { sector: 'po', period: '2025–2029', reviewDate: '2027-06-30' })
  setAdoptionStatus(doc, 'concept', { date: '2026-03-02', note: '' })
  setAdoptionStatus(doc, 'teambespreking', {
    date: '2026-04-14',
    note: 'Besproken op de studiedag.',
  })
  setAdoptionStatus(doc, 'mr', {
    date: '2026-05-20',
    note: 'De MR stemt in, met één vraag over AI.',
  })

  const [first, second, third, fourth] = listSections(doc)
  sectionBody(doc, first!.id).insert(0, [
    paragraph('Deze visie beschrijft hoe ', ['wij', { bold: {} }], ' kiezen. ', [
      'Kennisnet',
      { link: { href: 'https://www.kennisnet.nl/' } },
    ]),
    heading(2, 'Waarom nu?'),
    list('bulletList', ['telefoons in de klas', 'generatieve AI', 'privacy']),
    paragraph(['cursief', { italic: {} }], ' en ', ['doorgestreept', { strike: {} }], '.'),
  ])
  sectionBody(doc, second!.id).insert(0, [
    list('orderedList', ['Eerst de relatie', 'Dan de techniek']),
    element('blockquote', [paragraph('Technologie volgt de pedagogiek.')]),
    paragraph(SEED.userText),
    element('codeBlock', [text(['console.log("hallo")'])]),
    element('horizontalRule', []),
    paragraph('Leerlingen zeggen: ‘dat is één stap’ – café, reünie.'),
  ])
  sectionBody(doc, third!.id).insert(0, [paragraph('Menselijkheid staat voorop.')])
  removeSection(doc, fourth!.id)

  const ids = SEED.principles.map((statement, i) =>
    addPrinciple(doc, {
      statement,
      rationale: i === 0 ? 'Een scherm vervangt geen leraar.' : '',
      values: i === 0 ? ['menselijkheid', 'betekenisvol-contact'] : i === 1 ? ['privacy'] : [],
      buildingBlocks: i === 2 ? ['ict-infrastructuur'] : ['visie'],
      provenance: i === 0 ? SEED.provenance : '',
    }),
  )
  SEED.actions.forEach((what, i) =>
    addAction(doc, {
      what,
      owner: i === 0 ? 'Directie' : 'Werkgroep ict',
      due: i === 2 ? '' : `2026-0${i + 8}-01`,
      status: i === 1 ? 'bezig' : 'open',
      principleId: ids[i] ?? '',
    }),
  )
  return doc
}
