import { useT } from '../i18n/i18n.tsx'
import type { DocumentLock } from './useStudyDay.ts'

/**
 * A calm full-width notice while the document is read-only for editors (STUDY-11): a pause
 * (PERM-10) or an adopted vision (PERM-9). Facilitators see that it applies to the others.
 */
export function DocumentLockBanner({
  lock,
  facilitator,
}: {
  lock: DocumentLock
  facilitator: boolean
}) {
  const t = useT()
  if (!lock) return null
  const text =
    lock === 'paused'
      ? facilitator
        ? t.studyDay.pausedFacilitator
        : t.studyDay.pausedBanner
      : facilitator
        ? t.studyDay.adoptedFacilitator
        : t.studyDay.adoptedBanner
  return (
    <div
      className={`calm-banner calm-banner--${lock}`}
      role="status"
      data-testid={`banner-${lock}`}
    >
      <span className="calm-banner__icon" aria-hidden="true">
        {lock === 'paused' ? '❚❚' : '✓'}
      </span>
      <span>{text}</span>
    </div>
  )
}
