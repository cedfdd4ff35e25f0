import { useEffect, useMemo, useRef, useState } from 'react'
import { useAnnounce } from '../common/Announcer.tsx'
import { useT } from '../i18n/i18n.tsx'
import { fetchMe } from '../api/client.ts'
import { CloseCode, participantColor } from '@koers/protocol'
import { WorkspaceDeleted } from '../privacy/WorkspaceDeleted.tsx'
import {
  findJoinedWorkspace,
  saveJoinedWorkspace,
  updateJoinedWorkspace,
  useJoinedWorkspaces,
} from '../storage/joinedWorkspaces.ts'
import type { JoinedWorkspace } from '../storage/joinedWorkspaces.ts'
import {
  useConnectionSnapshot,
  useUnsentWarning,
  useWorkspaceConnection,
} from '../sync/useConnection.ts'
import type { WorkspaceConnection } from '../sync/WorkspaceConnection.ts'
import { PermissionDeniedToast } from '../studyday/PermissionDeniedToast.tsx'
import { useDocumentLock } from '../studyday/useStudyDay.ts'
import { LinkNeeded } from './LinkNeeded.tsx'
import { WorkspaceContext } from './WorkspaceContext.tsx'
import type { WorkspaceContextValue } from './WorkspaceContext.tsx'
import { WorkspaceLayout } from './WorkspaceLayout.tsx'
import { ProjectorView } from '../studyday/ProjectorView.tsx'

export type WorkspaceView = 'workspace' | 'projector'

export default function WorkspacePage({
  workspaceId,
  view = 'workspace',
}: {
  workspaceId: string
  view?: WorkspaceView
}) {
  useJoinedWorkspaces()
  const joined = findJoinedWorkspace(workspaceId)
  const [lookup, setLookup] = useState<'pending' | 'none'>('pending')
  // PRIV-8: once the server says the workspace is gone, nothing of it is opened again.
  const [deleted, setDeleted] = useState(false)
  const connection = useWorkspaceConnection(workspaceId, joined !== undefined && !deleted)
  const t = useT()

  // No entry in this browser (storage cleared, other browser profile): ask the server whether
  // the session cookie is still there before asking for a link.
  useEffect(() => {
    if (joined) return
    let live = true
    fetchMe(workspaceId).then(
      (me) => {
        if (!live) return
        saveJoinedWorkspace({
          id: me.workspaceId,
          title: '',
          role: me.role,
          participantId: me.participantId,
          displayName: me.displayName,
        })
      },
      () => {
        if (live) setLookup('none')
      },
    )
    return () => {
      live = false
    }
  }, [joined, workspaceId])

  if (deleted) return <WorkspaceDeleted workspaceId={workspaceId} />
  if (!joined) return lookup === 'none' ? <LinkNeeded /> : <p className="page">{t.loading}</p>
  if (!connection) return <p className="page">{t.loading}</p>
  return (
    <ConnectedWorkspace
      connection={connection}
      joined={joined}
      view={view}
      onDeleted={() => setDeleted(true)}
    />
  )
}

function ConnectedWorkspace({
  connection,
  joined,
  view,
  onDeleted,
}: {
  connection: WorkspaceConnection
  joined: JoinedWorkspace
  view: WorkspaceView
  onDeleted: () => void
}) {
  const t = useT()
  const announce = useAnnounce()
  const snapshot = useConnectionSnapshot(connection)
  useUnsentWarning(snapshot.unsent)
  const color = participantColor(joined.participantId)
  // STUDY-11: what the server would revert for an editor is read-only in the interface too.
  const documentLock = useDocumentLock(connection.doc)
  const readOnly = joined.role === 'viewer' || (joined.role === 'editor' && documentLock !== null)

  useEffect(() => {
    connection.provider.awareness.setLocalStateField('user', { name: joined.displayName, color })
  }, [connection, joined.displayName, color])

  const offline = snapshot.state === 'offline' && !snapshot.starting
  const wasOffline = useRef(false)
  useEffect(() => {
    if (offline) announce(t.sync.offline)
    else if (wasOffline.current) announce(t.sync.saving)
    wasOffline.current = offline
  }, [offline, announce, t])

  useEffect(() => {
    updateJoinedWorkspace(joined.id, { lastVisit: Date.now() })
  }, [joined.id])

  const wasDeleted = snapshot.closed?.code === CloseCode.WorkspaceDeleted
  useEffect(() => {
    if (wasDeleted) onDeleted()
  }, [wasDeleted, onDeleted])

  const value = useMemo<WorkspaceContextValue | null>(
    () =>
      color === null
        ? null
        : {
            workspaceId: joined.id,
            doc: connection.doc,
            provider: connection.provider,
            role: joined.role,
            readOnly,
            user: { name: joined.displayName, color },
          },
    [connection, joined.id, joined.role, joined.displayName, color, readOnly],
  )

  if (snapshot.sessionLost) return <LinkNeeded />
  if (!value) return <p className="page">{t.loading}</p>
  return (
    <WorkspaceContext.Provider value={value}>
      {view === 'projector' ? (
        <ProjectorView snapshot={snapshot} />
      ) : (
        <>
          <WorkspaceLayout snapshot={snapshot} />
          <PermissionDeniedToast connection={connection} />
        </>
      )}
    </WorkspaceContext.Provider>
  )
}
