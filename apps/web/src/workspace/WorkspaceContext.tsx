import { createContext, useContext } from 'react'
import type { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'
import type { Role } from '@koers/protocol'

export interface WorkspaceContextValue {
  workspaceId: string
  doc: Y.Doc
  provider: WebsocketProvider
  role: Role
  readOnly: boolean
  user: { name: string; color: string }
}

export const WorkspaceContext = createContext<WorkspaceContextValue | null>(null)

export function useWorkspace(): WorkspaceContextValue {
  const value = useContext(WorkspaceContext)
  if (!value) throw new Error('useWorkspace outside a workspace')
  return value
}
