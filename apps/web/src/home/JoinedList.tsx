import { Link } from '../common/Link.tsx'
import { Badge } from '../details/Badge.tsx'
import { useI18n } from '../i18n/i18n.tsx'
import { workspacePath } from '../routing/router.ts'
import { useJoinedWorkspaces } from '../storage/joinedWorkspaces.ts'

export function JoinedList() {
  const { t, language } = useI18n()
  const joined = useJoinedWorkspaces()
  const dateFormat = new Intl.DateTimeFormat(language === 'nl' ? 'nl-NL' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  })
  return (
    <section className="card stack" aria-labelledby="joined-title">
      <h2 id="joined-title">{t.homePage.joinedTitle}</h2>
      {joined.length === 0 ? (
        <p className="muted">{t.homePage.joinedEmpty}</p>
      ) : (
        <ul className="joined-list" data-testid="joined-list">
          {[...joined]
            .sort((a, b) => b.lastVisit - a.lastVisit)
            .map((item) => {
              const title = item.title || t.workspace.untitled
              return (
                <li key={item.id} className="joined-list__item">
                  <Link href={workspacePath(item.id)} className="joined-list__link">
                    {title}
                  </Link>
                  <span className="joined-list__meta">
                    {t.homePage.as} {t.roles[item.role]} · {t.homePage.lastVisit}{' '}
                    {dateFormat.format(new Date(item.lastVisit))}
                  </span>
                  {item.status && item.statusLabel && (
                    <Badge status={item.status} label={item.statusLabel[language]} />
                  )}
                </li>
              )
            })}
        </ul>
      )}
    </section>
  )
}
