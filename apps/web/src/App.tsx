import { Suspense, lazy } from 'react'
import { AnnouncerProvider } from './common/Announcer.tsx'
import { NotFoundPage } from './common/NotFoundPage.tsx'
import { HomePage } from './home/HomePage.tsx'
import { I18nProvider, useT } from './i18n/i18n.tsx'
import { JoinPage } from './join/JoinPage.tsx'
import { PrivacyPage } from './privacy/PrivacyPage.tsx'
import { useRoute } from './routing/router.ts'

// Tiptap and Yjs load only when a workspace opens; home and join stay light on phones.
const WorkspacePage = lazy(() => import('./workspace/WorkspacePage.tsx'))

function Routes() {
  const t = useT()
  const route = useRoute()
  switch (route.name) {
    case 'home':
      return <HomePage />
    case 'join':
      return <JoinPage key={route.key} joinKey={route.key} />
    case 'joinCode':
      return <JoinPage key={`code:${route.code}`} joinKey="" code={route.code} />
    case 'projector':
      return (
        <Suspense fallback={<p className="page">{t.loading}</p>}>
          <WorkspacePage
            key={`${route.workspaceId}:projector`}
            workspaceId={route.workspaceId}
            view="projector"
          />
        </Suspense>
      )
    case 'workspace':
      return (
        <Suspense fallback={<p className="page">{t.loading}</p>}>
          <WorkspacePage key={route.workspaceId} workspaceId={route.workspaceId} />
        </Suspense>
      )
    case 'privacy':
      return <PrivacyPage />
    case 'notFound':
      return <NotFoundPage />
  }
}

export function App() {
  return (
    <I18nProvider>
      <AnnouncerProvider>
        <Routes />
      </AnnouncerProvider>
    </I18nProvider>
  )
}
