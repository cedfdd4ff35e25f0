import { useT } from '../i18n/i18n.tsx'
import { AppHeader } from './AppHeader.tsx'
import { Link } from './Link.tsx'

export function NotFoundPage() {
  const t = useT()
  return (
    <>
      <AppHeader />
      <main id="main" className="page page--narrow" tabIndex={-1}>
        <h1>{t.notFound.title}</h1>
        <p>{t.notFound.body}</p>
        <p>
          <Link href="/">{t.notFound.back}</Link>
        </p>
      </main>
    </>
  )
}
