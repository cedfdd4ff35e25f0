import type { AdoptionStep, Language } from '@koers/doc-model'
import { VERSION_NAME_MAX } from '@koers/protocol'

/** VER-3: the name of the version Koers saves when the vision reaches a step. */
const STEP_NAMES: Readonly<Record<AdoptionStep, Record<Language, string>>> = {
  concept: { nl: 'Terug naar concept', en: 'Back to draft' },
  teambespreking: { nl: 'Voorgelegd aan het team', en: 'Submitted to the team' },
  mr: { nl: 'Voorgelegd aan de MR', en: 'Submitted to the participation council' },
  vastgesteld: { nl: 'Vastgesteld', en: 'Adopted' },
}

export const statusVersionName = (step: AdoptionStep, language: Language): string =>
  STEP_NAMES[step][language]

/** VER-6: the name of the version saved before a restore, in the document's language. */
export const beforeRestoreName = (restored: string, language: Language): string => {
  const room = VERSION_NAME_MAX - 30
  const points = [...restored]
  const inner = points.length > room ? `${points.slice(0, room - 1).join('')}…` : restored
  return language === 'en' ? `Before restoring “${inner}”` : `Voor het terugzetten van “${inner}”`
}
