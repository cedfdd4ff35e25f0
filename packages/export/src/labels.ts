import type { Language } from '@koers/doc-model'

/** The fixed words of every export, in both languages (EXP-2). Terms from GLOSSARY.md. */
export interface Labels {
  /** Used when the workspace has no title. */
  untitled: string
  untitledSection: string
  sector: string
  period: string
  reviewDate: string
  status: string
  statusTrail: string
  exportedOn: string
  contents: string
  guidingQuestions: string
  principles: string
  noPrinciples: string
  values: string
  buildingBlocks: string
  actions: string
  noActions: string
  what: string
  who: string
  when: string
  actionStatus: string
  principle: string
  appendix: string
  participants: string
  participantsUnknown: string
  provenance: string
  noProvenance: string
  step: string
  date: string
  note: string
  page: string
  of: string
  /** The BCP 47 locale for dates. */
  locale: string
}

export const LABELS: Readonly<Record<Language, Labels>> = {
  nl: {
    untitled: 'Visie op digitalisering',
    untitledSection: 'Onderdeel zonder titel',
    sector: 'Sector',
    period: 'Periode',
    reviewDate: 'Evaluatiedatum',
    status: 'Status',
    statusTrail: 'Besluitvorming',
    exportedOn: 'Geëxporteerd op',
    contents: 'Inhoud',
    guidingQuestions: 'Richtvragen',
    principles: 'Uitgangspunten',
    noPrinciples: 'Er zijn nog geen uitgangspunten.',
    values: 'Waarden',
    buildingBlocks: 'Bouwstenen',
    actions: 'Actiepunten',
    noActions: 'Er zijn nog geen actiepunten.',
    what: 'Wat',
    who: 'Wie',
    when: 'Wanneer',
    actionStatus: 'Status',
    principle: 'Uitgangspunt',
    appendix: 'Bijlage: zo is deze visie tot stand gekomen',
    participants: 'Aantal deelnemers',
    participantsUnknown: 'niet bekend',
    provenance: 'Herkomst van de uitgangspunten',
    noProvenance: 'Bij geen enkel uitgangspunt is de herkomst vastgelegd.',
    step: 'Stap',
    date: 'Datum',
    note: 'Notitie',
    page: 'Pagina',
    of: 'van',
    locale: 'nl-NL',
  },
  en: {
    untitled: 'Vision on digitalisation',
    untitledSection: 'Untitled section',
    sector: 'Sector',
    period: 'Period',
    reviewDate: 'Review date',
    status: 'Status',
    statusTrail: 'Decision-making',
    exportedOn: 'Exported on',
    contents: 'Contents',
    guidingQuestions: 'Guiding questions',
    principles: 'Guiding principles',
    noPrinciples: 'There are no guiding principles yet.',
    values: 'Values',
    buildingBlocks: 'Building blocks',
    actions: 'Action points',
    noActions: 'There are no action points yet.',
    what: 'What',
    who: 'Who',
    when: 'When',
    actionStatus: 'Status',
    principle: 'Guiding principle',
    appendix: 'Appendix: how this vision came about',
    participants: 'Number of participants',
    participantsUnknown: 'not known',
    provenance: 'Where the guiding principles came from',
    noProvenance: 'No guiding principle has a recorded origin.',
    step: 'Step',
    date: 'Date',
    note: 'Note',
    page: 'Page',
    of: 'of',
    locale: 'en-GB',
  },
}
