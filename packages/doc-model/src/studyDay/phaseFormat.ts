import type { Localized } from '../vocabulary.ts'

/**
 * How a phase is worked (STUDY-1). An open list: a later format (a private brainstorm round, a
 * voting round) is one more entry here and in `PHASE_FORMAT_LABELS`; readers show an unknown
 * value as `bespreken`, so an older client never breaks on a newer document.
 */
export const PHASE_FORMATS = [
  'schrijven',
  'brainstorm',
  'stemmen',
  'bespreken',
  'instemmen',
  'pauze',
] as const
export type PhaseFormat = (typeof PHASE_FORMATS)[number]

export const DEFAULT_PHASE_FORMAT: PhaseFormat = 'bespreken'

export const PHASE_FORMAT_LABELS: Readonly<Record<PhaseFormat, Localized>> = {
  schrijven: { nl: 'Schrijven', en: 'Writing' },
  brainstorm: { nl: 'Brainstormen', en: 'Brainstorm' },
  stemmen: { nl: 'Stemmen', en: 'Voting' },
  bespreken: { nl: 'Bespreken', en: 'Discussion' },
  instemmen: { nl: 'Instemmen', en: 'Consent round' },
  pauze: { nl: 'Pauze', en: 'Break' },
}

export function isPhaseFormat(value: unknown): value is PhaseFormat {
  return typeof value === 'string' && (PHASE_FORMATS as readonly string[]).includes(value)
}
