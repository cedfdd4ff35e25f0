import { useState } from 'react'
import type { CreatedWorkspace } from '../api/client.ts'
import { AppHeader } from '../common/AppHeader.tsx'
import { useT } from '../i18n/i18n.tsx'
import { CreateWorkspaceForm } from './CreateWorkspaceForm.tsx'
import { CreatedLinks } from './CreatedLinks.tsx'
import { JoinedList } from './JoinedList.tsx'

export function HomePage() {
  const t = useT()
  const [created, setCreated] = useState<CreatedWorkspace | null>(null)
  return (
    <>
      <AppHeader />
      <main id="main" className="page page--narrow stack-lg" tabIndex={-1}>
        <div className="stack">
          <h1>{t.tagline}</h1>
          <p className="lead">{t.homePage.intro}</p>
        </div>
        {created ? (
          <CreatedLinks workspace={created} />
        ) : (
          <CreateWorkspaceForm onCreated={(workspace) => setCreated(workspace)} />
        )}
        <JoinedList />
      </main>
    </>
  )
}
