import type { ReactNode } from 'react'
import { useI18n } from '../i18n/i18n.tsx'
import { Link } from './Link.tsx'
import { useCompact } from './useMediaQuery.ts'

/** Top bar on every page: skip link, brand, page-specific items and the language switch. */
export function AppHeader({ children }: { children?: ReactNode }) {
  const { t, language, setLanguage } = useI18n()
  const other = language === 'nl' ? 'en' : 'nl'
  // On a phone the button shows "EN": its name starts with what it shows (WCAG 2.5.3).
  const compact = useCompact()
  const switchLabel = compact
    ? `${other.toUpperCase()}: ${t.languageSwitchLabel}`
    : t.languageSwitchLabel
  return (
    <>
      <a className="skip-link" href="#main">
        {t.skipLink}
      </a>
      <header className={`app-header${children ? ' app-header--compact' : ''}`}>
        <div className="app-header__inner">
          <Link href="/" className="brand" aria-label={`${t.appName} – ${t.home}`}>
            <span className="brand__mark" aria-hidden="true">
              ◆
            </span>
            <span className="brand__text">{t.appName}</span>
          </Link>
          <div className="app-header__slot">{children}</div>
          <button
            type="button"
            className="button button--quiet lang-switch"
            lang={other}
            aria-label={switchLabel}
            onClick={() => setLanguage(other)}
          >
            <span className="lang-switch__long">{t.languageSwitch}</span>
            <span className="lang-switch__short" aria-hidden="true">
              {other.toUpperCase()}
            </span>
          </button>
        </div>
      </header>
    </>
  )
}
