import { useEffect, useState, useSyncExternalStore } from 'react'
import { WorkspaceConnection } from './WorkspaceConnection.ts'
import type { ConnectionSnapshot } from './WorkspaceConnection.ts'

/** Creates the connection for a workspace and tears it down when the page goes. */
export function useWorkspaceConnection(
  workspaceId: string,
  enabled: boolean,
): WorkspaceConnection | null {
  const [connection, setConnection] = useState<WorkspaceConnection | null>(null)
  useEffect(() => {
    if (!enabled) return
    const created = new WorkspaceConnection(workspaceId)
    created.start()
    setConnection(created)
    return () => {
      setConnection(null)
      created.destroy()
    }
  }, [workspaceId, enabled])
  return connection
}

export function useConnectionSnapshot(connection: WorkspaceConnection): ConnectionSnapshot {
  return useSyncExternalStore(connection.subscribe, connection.getSnapshot)
}

/** Warn before closing a tab whose changes have not reached the server. */
export function useUnsentWarning(unsent: number): void {
  useEffect(() => {
    if (unsent === 0) return
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault()
      event.returnValue = ''
    }
    window.addEventListener('beforeunload', onBeforeUnload)
    return () => window.removeEventListener('beforeunload', onBeforeUnload)
  }, [unsent])
}
