import { useEffect } from 'react'
import { AppHeader } from '../common/AppHeader.tsx'
import { Link } from '../common/Link.tsx'
import { useT } from '../i18n/i18n.tsx'
import { forgetWorkspace } from '../storage/forgetWorkspace.ts'

/** PRIV-8: shown when the server closed the socket with 4410; this browser's copy is erased. */
export function WorkspaceDeleted({ workspaceId }: { workspaceId: string }) {
  const t = useT()
  useEffect(() => forgetWorkspace(workspaceId), [workspaceId])
  return (
    <>
      <AppHeader />
      <main id="main" className="page page--narrow" tabIndex={-1}>
        <section className="card stack" data-testid="workspace-deleted">
          <h1>{t.workspaceDeleted.title}</h1>
          <p>{t.workspaceDeleted.body}</p>
          <p>
            <Link href="/">{t.workspaceDeleted.back}</Link>
          </p>
        </section>
      </main>
    </>
  )
}
