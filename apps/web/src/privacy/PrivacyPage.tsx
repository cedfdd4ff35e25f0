import { useEffect, useState } from 'react'
import { fetchPrivacyFacts, type PrivacyFacts } from '../api/client.ts'
import { AppHeader } from '../common/AppHeader.tsx'
import { Link } from '../common/Link.tsx'
import { useT } from '../i18n/i18n.tsx'
import './privacy.css'

/**
 * PRIV-7: what this server keeps, where, for how long, who can see it, and how to delete it,
 * in Dutch and English, for a school to hand to its participation council.
 */
export function PrivacyPage() {
  const t = useT()
  const p = t.privacyPage
  const [facts, setFacts] = useState<PrivacyFacts | null>(null)
  useEffect(() => {
    let live = true
    fetchPrivacyFacts().then(
      (loaded) => live && setFacts(loaded),
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [])
  useEffect(() => {
    document.title = `${p.title} – Koers`
    return () => {
      document.title = 'Koers'
    }
  }, [p.title])

  return (
    <>
      <AppHeader />
      <main id="main" className="page page--narrow stack-lg privacy" tabIndex={-1}>
        <div className="stack">
          <h1>{p.title}</h1>
          <p className="lead">{p.intro}</p>
        </div>
        <section className="stack" aria-labelledby="privacy-stored">
          <h2 id="privacy-stored">{p.storedTitle}</h2>
          <ul>
            {p.stored.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </section>
        <section className="stack" aria-labelledby="privacy-not-stored">
          <h2 id="privacy-not-stored">{p.notStoredTitle}</h2>
          <ul>
            {p.notStored.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </section>
        <section className="stack" aria-labelledby="privacy-where">
          <h2 id="privacy-where">{p.whereTitle}</h2>
          <p>{p.where}</p>
        </section>
        <section
          className="stack"
          aria-labelledby="privacy-how-long"
          data-testid="privacy-how-long"
        >
          <h2 id="privacy-how-long">{p.howLongTitle}</h2>
          <p>{p.sessions(facts?.sessionDays ?? 180)}</p>
          {facts && (
            <p>{facts.retentionDays === null ? p.noRetention : p.retention(facts.retentionDays)}</p>
          )}
        </section>
        <section className="stack" aria-labelledby="privacy-who">
          <h2 id="privacy-who">{p.whoTitle}</h2>
          <ul>
            <li>{p.roles.facilitator}</li>
            <li>{p.roles.editor}</li>
            <li>{p.roles.viewer}</li>
          </ul>
          <p>{p.everyone}</p>
          <p>{p.host}</p>
        </section>
        <section className="stack" aria-labelledby="privacy-third-parties">
          <h2 id="privacy-third-parties">{p.thirdPartiesTitle}</h2>
          <p>{p.thirdParties}</p>
        </section>
        <section className="stack" aria-labelledby="privacy-delete">
          <h2 id="privacy-delete">{p.deleteTitle}</h2>
          <p>{p.deleteFacilitator}</p>
          <p>{p.deleteHost}</p>
        </section>
        <section className="stack" aria-labelledby="privacy-browser">
          <h2 id="privacy-browser">{p.browserTitle}</h2>
          <p>{p.browser}</p>
        </section>
        <p>
          <Link href="/">{p.back}</Link>
        </p>
      </main>
    </>
  )
}
