import { AppHeader } from '../common/AppHeader.tsx'
import { Link } from '../common/Link.tsx'
import { useT } from '../i18n/i18n.tsx'

export function LinkNeeded() {
  const t = useT()
  return (
    <>
      <AppHeader />
      <main id="main" className="page page--narrow" tabIndex={-1}>
        <section className="card stack" data-testid="link-needed">
          <h1>{t.linkNeeded.title}</h1>
          <p>{t.linkNeeded.body}</p>
          <p className="muted">{t.linkNeeded.localCopy}</p>
          <p>
            <Link href="/">{t.linkNeeded.back}</Link>
          </p>
        </section>
      </main>
    </>
  )
}
