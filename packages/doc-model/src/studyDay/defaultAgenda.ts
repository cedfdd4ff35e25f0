import type { Localized } from '../vocabulary.ts'
import type { PhaseFormat } from './phaseFormat.ts'

export interface AgendaTemplatePhase {
  key: string
  minutes: number
  title: Localized
  format: PhaseFormat
  /** `templateKey`s of the sections the phase works on. */
  sectionKeys: readonly string[]
  /** The facilitator's notes: how the phase is run (the template's format column). */
  notes: Localized
}

/**
 * The suggested agenda of a 3-hour study day, from shared/domain/TEMPLATE.md (STUDY-2): 180
 * minutes in eight phases. The closing works on every section and links none.
 */
export const DEFAULT_AGENDA: readonly AgendaTemplatePhase[] = [
  {
    key: 'opening',
    minutes: 15,
    title: { nl: 'Opening en kader', en: 'Opening and framing' },
    format: 'bespreken',
    sectionKeys: ['aanleiding'],
    notes: { nl: 'Plenair.', en: 'Plenary.' },
  },
  {
    key: 'inventarisatie',
    minutes: 25,
    title: { nl: 'Inventarisatie', en: 'Inventory' },
    format: 'brainstorm',
    sectionKeys: ['huidige-situatie'],
    notes: {
      nl: 'Stille brainstorm (privé tot onthullen), daarna clusteren.',
      en: 'Silent brainstorm (private until reveal), then clustering.',
    },
  },
  {
    key: 'waarden',
    minutes: 30,
    title: { nl: 'Waarden', en: 'Values' },
    format: 'stemmen',
    sectionKeys: ['onderwijs', 'kernwaarden'],
    notes: {
      nl: 'Stippen stemmen, 3 stippen per persoon; gesprek over dilemma’s.',
      en: 'Dot voting, 3 dots each; dilemma discussion.',
    },
  },
  {
    key: 'pauze',
    minutes: 10,
    title: { nl: 'Pauze', en: 'Break' },
    format: 'pauze',
    sectionKeys: [],
    notes: { nl: '', en: '' },
  },
  {
    key: 'ambities',
    minutes: 35,
    title: { nl: 'Ambities', en: 'Ambitions' },
    format: 'schrijven',
    sectionKeys: [
      'ambities',
      'deskundigheid',
      'leermiddelen',
      'infrastructuur',
      'digitale-geletterdheid',
    ],
    notes: {
      nl: 'Tafelgroepen per bouwsteen, drie rondes van ongeveer 10 minuten.',
      en: 'Table groups per building block, three rounds of about 10 minutes.',
    },
  },
  {
    key: 'uitgangspunten',
    minutes: 30,
    title: { nl: 'Uitgangspunten', en: 'Guiding principles' },
    format: 'instemmen',
    sectionKeys: ['uitgangspunten'],
    notes: {
      nl: 'In tweetallen formuleren, daarna een instemmingsronde per uitgangspunt.',
      en: 'Drafting in pairs, then a consent round per principle.',
    },
  },
  {
    key: 'actiepunten',
    minutes: 20,
    title: { nl: 'Actiepunten en borging', en: 'Actions and embedding' },
    format: 'schrijven',
    sectionKeys: ['leiderschap', 'actiepunten', 'borging'],
    notes: {
      nl: 'Actiecanvas: wie, wat, wanneer.',
      en: 'Action canvas: who, what, when.',
    },
  },
  {
    key: 'afsluiting',
    minutes: 15,
    title: { nl: 'Afsluiting', en: 'Closing' },
    format: 'bespreken',
    sectionKeys: [],
    notes: {
      nl: 'Teruglezen, temperatuur meten, volgende stappen. Gaat over alle onderdelen.',
      en: 'Read back, temperature check, next steps. Covers all sections.',
    },
  },
]
