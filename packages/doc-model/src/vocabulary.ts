export type Language = 'nl' | 'en'
export const LANGUAGES: readonly Language[] = ['nl', 'en']

/** A text in both interface languages. */
export type Localized = Record<Language, string>

export type Sector = 'po' | 'vo' | 'mbo' | 'so'
export const SECTORS: readonly Sector[] = ['po', 'vo', 'mbo', 'so']

export type BuildingBlock =
  | 'visie'
  | 'deskundigheid'
  | 'inhoud-en-toepassingen'
  | 'ict-infrastructuur'
  | 'leiderschap-en-samenwerking'

export const BUILDING_BLOCKS: readonly BuildingBlock[] = [
  'visie',
  'deskundigheid',
  'inhoud-en-toepassingen',
  'ict-infrastructuur',
  'leiderschap-en-samenwerking',
]

export const DEFAULT_VALUES: readonly string[] = [
  'menselijkheid',
  'rechtvaardigheid',
  'autonomie',
  'gelijke-kansen',
  'betekenisvol-contact',
  'privacy',
]

export const ADOPTION_STEPS = ['concept', 'teambespreking', 'mr', 'vastgesteld'] as const
export type AdoptionStep = (typeof ADOPTION_STEPS)[number]

export type ActionStatus = 'open' | 'bezig' | 'klaar'
export const ACTION_STATUSES: readonly ActionStatus[] = ['open', 'bezig', 'klaar']

export const BUILDING_BLOCK_LABELS: Readonly<Record<BuildingBlock, Localized>> = {
  visie: { nl: 'Visie', en: 'Vision' },
  deskundigheid: { nl: 'Deskundigheid', en: 'Expertise' },
  'inhoud-en-toepassingen': { nl: 'Inhoud en toepassingen', en: 'Content and applications' },
  'ict-infrastructuur': { nl: 'Ict-infrastructuur', en: 'ICT infrastructure' },
  'leiderschap-en-samenwerking': {
    nl: 'Leiderschap en samenwerking',
    en: 'Leadership and collaboration',
  },
}

export const VALUE_LABELS: Readonly<Record<string, Localized>> = {
  menselijkheid: { nl: 'Menselijkheid', en: 'Humanity' },
  rechtvaardigheid: { nl: 'Rechtvaardigheid', en: 'Justice' },
  autonomie: { nl: 'Autonomie', en: 'Autonomy' },
  'gelijke-kansen': { nl: 'Gelijke kansen', en: 'Equal opportunities' },
  'betekenisvol-contact': { nl: 'Betekenisvol contact', en: 'Meaningful contact' },
  privacy: { nl: 'Privacy', en: 'Privacy' },
}

export const ADOPTION_STEP_LABELS: Readonly<Record<AdoptionStep, Localized>> = {
  concept: { nl: 'Concept', en: 'Draft' },
  teambespreking: { nl: 'Teambespreking', en: 'Team review' },
  mr: { nl: 'MR', en: 'Participation council' },
  vastgesteld: { nl: 'Vastgesteld', en: 'Adopted' },
}

export const SECTOR_LABELS: Readonly<Record<Sector, Localized>> = {
  po: { nl: 'Primair onderwijs', en: 'Primary education' },
  vo: { nl: 'Voortgezet onderwijs', en: 'Secondary education' },
  mbo: { nl: 'Middelbaar beroepsonderwijs', en: 'Vocational education (MBO)' },
  so: { nl: 'Speciaal onderwijs', en: 'Special education' },
}

export const ACTION_STATUS_LABELS: Readonly<Record<ActionStatus, Localized>> = {
  open: { nl: 'Open', en: 'Open' },
  bezig: { nl: 'Bezig', en: 'In progress' },
  klaar: { nl: 'Klaar', en: 'Done' },
}

/** The label of a default value, or the value itself for a team's own value. */
export function valueLabel(value: string, language: Language): string {
  return VALUE_LABELS[value]?.[language] ?? value
}

export function isLanguage(value: unknown): value is Language {
  return value === 'nl' || value === 'en'
}

export function isSector(value: unknown): value is Sector {
  return typeof value === 'string' && (SECTORS as readonly string[]).includes(value)
}

export function isBuildingBlock(value: unknown): value is BuildingBlock {
  return typeof value === 'string' && (BUILDING_BLOCKS as readonly string[]).includes(value)
}

export function isAdoptionStep(value: unknown): value is AdoptionStep {
  return typeof value === 'string' && (ADOPTION_STEPS as readonly string[]).includes(value)
}

export function isActionStatus(value: unknown): value is ActionStatus {
  return typeof value === 'string' && (ACTION_STATUSES as readonly string[]).includes(value)
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

/** A calendar date as `YYYY-MM-DD` (the empty string means "no date" and is not a date). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
}
