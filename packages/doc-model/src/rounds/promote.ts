import type * as Y from 'yjs'
import { addAction } from '../actions.ts'
import { addPrinciple } from '../principles.ts'
import type { Language } from '../vocabulary.ts'
import type { RoundKindValue } from './roundVocabulary.ts'

// ROUND-13: "promote" turns a card, a cluster or a voted item into a principle or an action point.
// It is an ordinary document edit (editors may add principles and actions, PERM-4), done by the
// web app with these helpers; the provenance is readable text in the document's language, so the
// export shows it as it is (EXP appendix) and it needs no lookup of a round that may be gone.

export interface PromotionSource {
  kind: RoundKindValue
  /** The round's question ('' when it had none). */
  question: string
  /** How many cards it was drafted from (a cluster's cards; 1 for a card). */
  cards?: number
  /** Dots it got in a vote. */
  dots?: number
}

const quote = (text: string): string => `'${text.trim().slice(0, 200)}'`

/** e.g. "uit brainstorm 'Wat mag nooit verloren gaan?', 3 kaartjes, 14 stippen". */
export function provenanceText(source: PromotionSource, language: Language): string {
  const nl = language === 'nl'
  const kindWord = {
    brainstorm: nl ? 'brainstorm' : 'brainstorm',
    vote: nl ? 'stemronde' : 'vote',
    consent: nl ? 'instemmingsronde' : 'consent round',
  }[source.kind]
  const parts = [
    `${nl ? 'uit' : 'from'} ${kindWord}${source.question.trim() ? ` ${quote(source.question)}` : ''}`,
  ]
  if (source.cards !== undefined && source.cards > 0) {
    parts.push(
      nl
        ? `${source.cards} ${source.cards === 1 ? 'kaartje' : 'kaartjes'}`
        : `${source.cards} ${source.cards === 1 ? 'card' : 'cards'}`,
    )
  }
  if (source.dots !== undefined) {
    parts.push(
      nl
        ? `${source.dots} ${source.dots === 1 ? 'stip' : 'stippen'}`
        : `${source.dots} ${source.dots === 1 ? 'dot' : 'dots'}`,
    )
  }
  return parts.join(', ').slice(0, 2_000)
}

/** A new principle with this statement and provenance, last in the order; its id. */
export function promoteToPrinciple(
  doc: Y.Doc,
  input: { statement: string; source: PromotionSource; language: Language },
): string {
  return addPrinciple(doc, {
    statement: input.statement.slice(0, 2_000),
    provenance: provenanceText(input.source, input.language),
  })
}

/** A new action point with this text and provenance, last in the order; its id. */
export function promoteToAction(
  doc: Y.Doc,
  input: { what: string; source: PromotionSource; language: Language; principleId?: string },
): string {
  return addAction(doc, {
    what: input.what.slice(0, 2_000),
    provenance: provenanceText(input.source, input.language),
    ...(input.principleId ? { principleId: input.principleId } : {}),
  })
}
