import { useT } from '../i18n/i18n.tsx'
import { Link } from './Link.tsx'
import '../privacy/privacy.css'

/** Bottom of the home page: the privacy page (PRIV-7). */
export function AppFooter() {
  const t = useT()
  return (
    <footer className="app-footer" aria-label={t.footer.label}>
      <Link href="/privacy">{t.footer.privacy}</Link>
    </footer>
  )
}
