import { onTestFinished } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import type { Session } from './api.ts'
import { ticket } from './api.ts'
import { connectProvider, disposeProvider, waitForSync } from './provider.ts'
import { rawSocket, type RawSocket } from './rawSocket.ts'

export interface Client {
  doc: Y.Doc
  provider: WebsocketProvider
}

/** A stock y-websocket client, synced, destroyed when the current test finishes. */
export async function openClient(
  url: string,
  session: Session,
  doc = new Y.Doc(),
): Promise<Client> {
  const provider = await connectProvider(url, session.workspaceId, session.cookie, doc)
  onTestFinished(() => disposeProvider(provider))
  await waitForSync(provider)
  return { doc, provider }
}

/** A raw socket with a fresh ticket, closed when the current test finishes. */
export async function openRawSocket(url: string, session: Session): Promise<RawSocket> {
  const socket = await rawSocket(
    url,
    session.workspaceId,
    await ticket(url, session.workspaceId, session.cookie),
  )
  onTestFinished(() => socket.ws.terminate())
  return socket
}
