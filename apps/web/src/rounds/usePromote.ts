import {
  promoteToAction,
  promoteToPrinciple,
  readMeta,
  type PromotionSource,
} from '@koers/doc-model'
import { useAnnounce } from '../common/Announcer.tsx'
import { useT } from '../i18n/i18n.tsx'
import { useWorkspace } from '../workspace/WorkspaceContext.tsx'

export type PromoteTarget = 'principle' | 'action'

/**
 * ROUND-13: turns a card, a cluster or a voted item into a principle or an action point, with
 * its provenance written in the document's language (so the export reads it as it is).
 */
export function usePromote(): (
  target: PromoteTarget,
  text: string,
  source: PromotionSource,
) => void {
  const t = useT()
  const announce = useAnnounce()
  const { doc } = useWorkspace()
  return (target, text, source) => {
    const language = readMeta(doc).language
    if (target === 'principle') {
      promoteToPrinciple(doc, { statement: text, source, language })
      announce(t.rounds.promotedPrinciple)
    } else {
      promoteToAction(doc, { what: text, source, language })
      announce(t.rounds.promotedAction)
    }
  }
}
