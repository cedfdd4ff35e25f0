import { latestConsentFor, principleProvenance, Root } from '@koers/doc-model'
import { useDocValue } from '../common/useDocValue.ts'
import { useT } from '../i18n/i18n.tsx'
import { ConsentTally } from '../rounds/ConsentTally.tsx'
import { useWorkspace } from '../workspace/WorkspaceContext.tsx'

/**
 * Where a principle came from (ROUND-13: "uit brainstorm '…', 14 stippen") and how the latest
 * consent round on it went (ROUND-11), concerns without names.
 */
export function PrincipleOrigin({ principleId }: { principleId: string }) {
  const t = useT()
  const { doc } = useWorkspace()
  const provenance = useDocValue(doc, [Root.principles], (d) => principleProvenance(d, principleId))
  const consent = useDocValue(
    doc,
    [Root.session],
    (d) => latestConsentFor(d, principleId)?.result ?? null,
  )
  if (!provenance && !consent) return null
  return (
    <div className="principle-origin">
      {provenance && (
        <p className="principle-origin__provenance" data-testid="principle-provenance">
          <span className="principle-origin__label">{t.rounds.provenance}:</span> {provenance}
        </p>
      )}
      {consent && (
        <div className="principle-origin__consent">
          <span className="principle-origin__label">{t.rounds.consentOn}:</span>
          <ConsentTally result={consent} />
        </div>
      )}
    </div>
  )
}
