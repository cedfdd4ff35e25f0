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
          <LockIcon /> {facilitator ? t.studyDay.lockedFacilitator : t.studyDay.locked}
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

/** A padlock drawn in SVG: emoji fonts are missing on many school machines. */
function LockIcon() {
  return (
    <svg
      className="lock-icon"
      viewBox="0 0 16 16"
      width="14"
      height="14"
      aria-hidden="true"
      focusable="false"
    >
      <rect x="2.5" y="7" width="11" height="8" rx="1.5" fill="currentColor" />
      <path d="M5 7V5a3 3 0 0 1 6 0v2" fill="none" stroke="currentColor" strokeWidth="1.8" />
    </svg>
  )
}
