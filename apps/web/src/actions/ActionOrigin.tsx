import { actionProvenance, Root } from '@koers/doc-model'
import { useDocValue } from '../common/useDocValue.ts'
import { useT } from '../i18n/i18n.tsx'
import { useWorkspace } from '../workspace/WorkspaceContext.tsx'

/** Where an action point came from when it was promoted from a round (ROUND-13, ROUND-54). */
export function ActionOrigin({ actionId }: { actionId: string }) {
  const t = useT()
  const { doc } = useWorkspace()
  const provenance = useDocValue(doc, [Root.actions], (d) => actionProvenance(d, actionId))
  if (!provenance) return null
  return (
    <span className="action-origin" data-testid="action-provenance">
      {t.rounds.provenance}: {provenance}
    </span>
  )
}
