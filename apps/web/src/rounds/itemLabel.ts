import type { Dictionary } from '../i18n/nl.ts'
import type { RoundItem } from './useRounds.ts'

/** The words for a voted item; an item that is gone still gets a name. */
export function itemLabel(item: RoundItem, t: Dictionary): string {
  return item.name.trim() || t.rounds.unknownItem
}
