import { useT } from '../i18n/i18n.tsx'
import type { Following } from './useFollow.ts'

/** "Je volgt de procesbegeleider", with a one-click way out and back in (STUDY-6). */
export function FollowBanner({ following, on }: { following: Following; on: boolean }) {
  const t = useT()
  if (!on) return null
  return (
    <div
      className="follow-banner"
      role="status"
      data-testid="follow-banner"
      data-following={following.active}
    >
      <span>{following.active ? t.studyDay.following : t.studyDay.notFollowing}</span>
      {following.active ? (
        <button type="button" className="button" onClick={following.stepOut}>
          {t.studyDay.stepOut}
        </button>
      ) : (
        <button type="button" className="button button--primary" onClick={following.stepIn}>
          {t.studyDay.stepIn}
        </button>
      )}
    </div>
  )
}
