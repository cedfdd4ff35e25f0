import { useState } from 'react'
import type { CreatedWorkspace } from '../api/client.ts'
import { AppFooter } from '../common/AppFooter.tsx'
import { AppHeader } from '../common/AppHeader.tsx'
import { Link } from '../common/Link.tsx'
import { takeFlash } from '../storage/forgetWorkspace.ts'
import { useT } from '../i18n/i18n.tsx'
import { CreateWorkspaceForm } from './CreateWorkspaceForm.tsx'
import { CreatedLinks } from './CreatedLinks.tsx'
import { ImportWorkspaceForm } from './ImportWorkspaceForm.tsx'
import { JoinedList } from './JoinedList.tsx'

export function HomePage() {
  const t = useT()
  const [created, setCreated] = useState<CreatedWorkspace | null>(null)
  const [flash] = useState(takeFlash)
  return (
    <>
      <AppHeader />
      <main id="main" className="page page--narrow stack-lg" tabIndex={-1}>
        <div className="stack">
          <h1>{t.tagline}</h1>
          <p className="lead">{t.homePage.intro}</p>
          <p>
            <Link href="/join" data-testid="join-with-code">
              {t.studyDay.haveCode}
            </Link>
          </p>
        </div>
        {flash && (
          <p className="notice notice--info" role="status" data-testid="home-flash">
            {flash}
          </p>
        )}
        {created ? (
          <CreatedLinks workspace={created} />
        ) : (
          <>
            <CreateWorkspaceForm onCreated={(workspace) => setCreated(workspace)} />
            <ImportWorkspaceForm onImported={(workspace) => setCreated(workspace)} />
          </>
        )}
        <JoinedList />
      </main>
      <AppFooter />
    </>
  )
}
