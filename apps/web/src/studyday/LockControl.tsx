import { setSectionLocked } from '@koers/doc-model'
import { useT } from '../i18n/i18n.tsx'
import { useWorkspace } from '../workspace/WorkspaceContext.tsx'

/**
 * The lock of a section (STUDY-11): a badge with text for everyone while it is locked, and for a
 * facilitator the button that locks or unlocks it (PERM-11; the server enforces it).
 */
export function LockControl({
  sectionId,
  name,
  locked,
  facilitator,
}: {
  sectionId: string
  name: string
  locked: boolean
  facilitator: boolean
}) {
  const t = useT()
  const { doc } = useWorkspace()
  if (!locked && !facilitator) return null
  return (
    <div className="lock-line">
      {locked && (
        <span className="lock-badge" data-testid={`lock-badge-${sectionId}`}>
          <span aria-hidden="true">🔒</span>{' '}
          {facilitator ? t.studyDay.lockedFacilitator : t.studyDay.locked}
        </span>
      )}
      {facilitator && (
        <button
          type="button"
          className="button button--quiet lock-toggle"
          data-testid={`lock-toggle-${sectionId}`}
          onClick={() => setSectionLocked(doc, sectionId, !locked)}
        >
          {locked ? t.studyDay.unlock : t.studyDay.lock}
          <span className="visually-hidden">: {name}</span>
        </button>
      )}
    </div>
  )
}
