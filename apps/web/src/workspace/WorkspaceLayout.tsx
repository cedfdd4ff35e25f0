import { ADOPTION_STEP_LABELS, Root, readAdoption, readMeta } from '@koers/doc-model'
import { useCallback, useEffect, useState } from 'react'
import { ActionsView } from '../actions/ActionsView.tsx'
import { AppFooter } from '../common/AppFooter.tsx'
import { AppHeader } from '../common/AppHeader.tsx'
import { ErrorBoundary } from '../common/ErrorBoundary.tsx'
import { useDocValue } from '../common/useDocValue.ts'
import { DetailsView } from '../details/DetailsView.tsx'
import { StatusBadge } from '../details/StatusBadge.tsx'
import { useT } from '../i18n/i18n.tsx'
import { PresenceList } from '../presence/PresenceList.tsx'
import { usePresence } from '../presence/usePresence.ts'
import { PrinciplesView } from '../principles/PrinciplesView.tsx'
import { RetentionNotice } from '../privacy/RetentionNotice.tsx'
import { useRetention } from '../privacy/useRetention.ts'
import { SectionsView } from '../sections/SectionsView.tsx'
import { updateJoinedWorkspace } from '../storage/joinedWorkspaces.ts'
import { ShareButton } from '../share/ShareButton.tsx'
import { ClosedNotice } from '../sync/ClosedNotice.tsx'
import { SyncStatus } from '../sync/SyncStatus.tsx'
import { ExportButton } from '../versions/ExportButton.tsx'
import type { ConnectionSnapshot } from '../sync/WorkspaceConnection.ts'
import { DocumentLockBanner } from '../studyday/DocumentLockBanner.tsx'
import { FacilitatorConsole } from '../studyday/FacilitatorConsole.tsx'
import { FollowBanner } from '../studyday/FollowBanner.tsx'
import { PhaseBar } from '../studyday/PhaseBar.tsx'
import {
  scrollToSection,
  useFollowFacilitator,
  usePublishFollowTarget,
} from '../studyday/useFollow.ts'
import { useDocumentLock, useStudyDay } from '../studyday/useStudyDay.ts'
import '../studyday/studyday.css'
import { useWorkspace } from './WorkspaceContext.tsx'
import { WorkspaceTabs } from './WorkspaceTabs.tsx'
import { RoundBanner } from '../rounds/RoundBanner.tsx'
import { RoundView } from '../rounds/RoundView.tsx'
import { useRounds } from '../rounds/useRounds.ts'

type TabKey = 'text' | 'principles' | 'actions' | 'details' | 'round' | 'studyday'
const tabKeys: TabKey[] = ['text', 'principles', 'actions', 'details', 'round', 'studyday']
/** Tabs every role has; the facilitator's console is not one a follower can be sent to. */
const sharedTabs: readonly string[] = ['text', 'principles', 'actions', 'details', 'round']

function initialTab(workspaceId: string): TabKey {
  let stored: string | null = null
  try {
    stored = sessionStorage.getItem(`koers.tab.${workspaceId}`)
  } catch {
    stored = null
  }
  return tabKeys.find((key) => key === stored) ?? 'text'
}

export function WorkspaceLayout({ snapshot }: { snapshot: ConnectionSnapshot }) {
  const t = useT()
  const { doc, provider, role, user, workspaceId } = useWorkspace()
  const meta = useDocValue(doc, [Root.meta], readMeta)
  const status = useDocValue(doc, [Root.adoption], (d) => readAdoption(d).status)
  const people = usePresence(provider.awareness, snapshot.stampedColor)
  const [tab, setTab] = useState<TabKey>(() => {
    const initial = initialTab(workspaceId)
    return initial === 'studyday' && role !== 'facilitator' ? 'text' : initial
  })
  const retention = useRetention(workspaceId, snapshot.state === 'saved')
  const day = useStudyDay(doc)
  const documentLock = useDocumentLock(doc)
  const facilitator = role === 'facilitator'
  const rounds = useRounds(doc)
  const openRound = [...rounds].reverse().find((round) => round.status === 'open')
  usePublishFollowTarget(doc, facilitator && day.follow.on, tab === 'studyday' ? null : tab)
  const followTab = useCallback((key: string) => {
    if (sharedTabs.includes(key)) setTab(key as TabKey)
  }, [])
  const following = useFollowFacilitator(day.follow, !facilitator, tab, followTab)
  const selectTab = (key: TabKey) => {
    if (following.active && key !== tab) following.stepOut()
    setTab(key)
  }
  const goToSection = (sectionId: string) => {
    if (following.active) following.stepOut()
    setTab('text')
    requestAnimationFrame(() => scrollToSection(sectionId))
  }

  useEffect(() => {
    try {
      sessionStorage.setItem(`koers.tab.${workspaceId}`, tab)
    } catch {
      // not remembered, no harm
    }
  }, [tab, workspaceId])

  useEffect(() => {
    if (meta.title) updateJoinedWorkspace(workspaceId, { title: meta.title })
  }, [meta.title, workspaceId])
  useEffect(() => {
    if (snapshot.state === 'saved' || meta.title)
      updateJoinedWorkspace(workspaceId, { status, statusLabel: ADOPTION_STEP_LABELS[status] })
  }, [status, workspaceId, snapshot.state, meta.title])

  const title = meta.title || t.workspace.untitled
  useEffect(() => {
    document.title = `${title} – Koers`
    return () => {
      document.title = 'Koers'
    }
  }, [title])

  const tabs = [
    { key: 'text' as const, label: t.workspace.tabText },
    { key: 'principles' as const, label: t.workspace.tabPrinciples },
    { key: 'actions' as const, label: t.workspace.tabActions },
    { key: 'details' as const, label: t.workspace.tabDetails },
    ...(rounds.length > 0 || tab === 'round'
      ? [{ key: 'round' as const, label: t.rounds.tab }]
      : []),
    ...(facilitator ? [{ key: 'studyday' as const, label: t.studyDay.tab }] : []),
  ]

  return (
    <>
      <AppHeader>
        <StatusBadge status={status} />
        <SyncStatus snapshot={snapshot} />
      </AppHeader>
      <main id="main" className="workspace" tabIndex={-1}>
        <div className="workspace__head">
          <div className="workspace__title-block">
            <h1 className="workspace__title" data-testid="workspace-title">
              {title}
            </h1>
            <p className="workspace__subtitle">
              {meta.school}
              {meta.school && ' · '}
              {t.workspace.youAre(user.name, t.roles[role])}
              {role === 'viewer' && (
                <>
                  {' · '}
                  <strong className="readonly-label" data-testid="readonly-label">
                    {t.workspace.readOnly}
                  </strong>
                </>
              )}
            </p>
            {role === 'viewer' && <p className="muted">{t.workspace.readOnlyHelp}</p>}
          </div>
          <div className="workspace__head-actions">
            {facilitator && <ShareButton workspaceId={workspaceId} />}
            <ExportButton workspaceId={workspaceId} />
            <PresenceList people={people} selfRole={role} />
          </div>
        </div>
        <ClosedNotice closed={snapshot.closed} />
        <RetentionNotice retention={retention} />
        {snapshot.unsent > 0 && snapshot.state === 'offline' && (
          <p className="notice notice--warning">{t.sync.unsentWarning}</p>
        )}
        <DocumentLockBanner lock={documentLock} facilitator={facilitator} />
        <PhaseBar day={day} onSection={goToSection} />
        {!facilitator && <FollowBanner following={following} on={day.follow.on} />}
        {openRound && tab !== 'round' && (
          <RoundBanner round={openRound} onGo={() => selectTab('round')} />
        )}
        <WorkspaceTabs tabs={tabs} selected={tab} onSelect={selectTab} label={t.workspace.tabs} />
        <div
          className="workspace__panel"
          role="tabpanel"
          id={`panel-${tab}`}
          aria-labelledby={`tab-${tab}`}
        >
          {/* WEB-5: the views are memoised; this layout re-renders with every keystroke's
              saving → saved, and they need none of it. */}
          <ErrorBoundary
            key={tab}
            fallback={
              <p className="notice notice--error" role="alert">
                {t.workspace.viewFailed}
              </p>
            }
          >
            {tab === 'text' && <SectionsView people={people} />}
            {tab === 'principles' && <PrinciplesView />}
            {tab === 'actions' && <ActionsView />}
            {tab === 'details' && <DetailsView />}
            {tab === 'round' && <RoundView currentPhaseId={day.agenda.current} />}
            {tab === 'studyday' && facilitator && (
              <FacilitatorConsole onShowRound={() => selectTab('round')} />
            )}
          </ErrorBoundary>
        </div>
      </main>
      <AppFooter />
    </>
  )
}
