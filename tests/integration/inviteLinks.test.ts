import { CloseCode } from '@koers/protocol'
import { afterEach, describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import {
  call,
  HttpError,
  joinAs,
  keyOfLink,
  ticket,
  workspaceWithRoles,
  type Session,
} from '../support/api.ts'
import { scaleOutAvailable, startCluster, type Cluster } from '../support/cluster.ts'
import { rawSocket, tryUpgrade, type RawSocket } from '../support/rawSocket.ts'
import { startTestServer } from '../support/testServer.ts'

// PERM-15, PERM-16 (docs/permissions.md): a facilitator replaces the editor or viewer link; the
// old one admits nobody new; "end sessions" closes its sockets with 4401 and refuses its tickets.

const linksPath = (workspaceId: string) =>
  `/api/workspaces/${encodeURIComponent(workspaceId)}/links`

async function replace(
  url: string,
  session: Session,
  body: unknown,
): Promise<{ status: number; body: unknown }> {
  const res = await call(url, linksPath(session.workspaceId), {
    method: 'POST',
    headers: { cookie: session.cookie, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  return { status: res.status, body: res.body }
}

const joinStatus = async (url: string, key: string): Promise<number> => {
  try {
    await joinAs(url, key, 'Nieuw')
    return 200
  } catch (error) {
    if (error instanceof HttpError) return error.status
    throw error
  }
}

const ticketStatus = async (url: string, session: Session): Promise<number> => {
  try {
    await ticket(url, session.workspaceId, session.cookie)
    return 200
  } catch (error) {
    if (error instanceof HttpError) return error.status
    throw error
  }
}

async function openSocket(url: string, session: Session): Promise<RawSocket> {
  const socket = await rawSocket(
    url,
    session.workspaceId,
    await ticket(url, session.workspaceId, session.cookie),
  )
  await socket.sync(new Y.Doc())
  return socket
}

const errorCode = (body: unknown): unknown =>
  (body as { error?: { code?: unknown } } | null)?.error?.code

describe('replacing invite links (PERM-15, PERM-16)', () => {
  test('PERM-15 a replaced link admits nobody new; the new one does; sessions stay without endSessions', async () => {
    const server = await startTestServer()
    const { workspace, facilitator, editor, viewer } = await workspaceWithRoles(server.url)
    const socket = await openSocket(server.url, editor)

    const replaced = await replace(server.url, facilitator, { role: 'editor', endSessions: false })
    expect(replaced.status).toBe(201)
    const body = replaced.body as { role: string; url: string }
    expect(body.role).toBe('editor')
    expect(body.url).toMatch(new RegExp(`^${server.url}/join#[A-Za-z0-9_-]{43}$`))
    const newKey = keyOfLink(body.url)
    expect(newKey).not.toBe(workspace.keys.editor)

    // The old link: refused exactly like any unknown key.
    expect(await joinStatus(server.url, workspace.keys.editor)).toBe(401)
    const newcomer = await joinAs(server.url, newKey, 'Nina')
    expect(newcomer.role).toBe('editor')
    // The viewer link was not touched.
    expect(await joinStatus(server.url, workspace.keys.viewer)).toBe(200)

    // Without endSessions the session of the old link keeps working: open socket, new tickets.
    expect(await ticketStatus(server.url, editor)).toBe(200)
    expect(await ticketStatus(server.url, viewer)).toBe(200)
    socket.send(new Uint8Array([0, 0, 1, 0])) // a sync step 1 with an empty state vector
    await expect.poll(() => socket.ws.readyState).toBe(socket.ws.OPEN)
    socket.close()
  })

  test('PERM-16 with endSessions the old link’s sockets close with 4401 and its sessions get 401; others keep working', async () => {
    const server = await startTestServer()
    const { workspace, facilitator, editor, viewer } = await workspaceWithRoles(server.url)
    // A second editor on another browser, through the same link, and one through a join code.
    const editor2 = await joinAs(server.url, workspace.keys.editor, 'Eline')
    const editorSockets = [
      await openSocket(server.url, editor),
      await openSocket(server.url, editor),
      await openSocket(server.url, editor2),
    ]
    const viewerSocket = await openSocket(server.url, viewer)
    const facilitatorSocket = await openSocket(server.url, facilitator)
    // An unused ticket of an ended session must not open a socket afterwards.
    const spareTicket = await ticket(server.url, editor.workspaceId, editor.cookie)

    const replaced = await replace(server.url, facilitator, { role: 'editor', endSessions: true })
    expect(replaced.status).toBe(201)

    for (const socket of editorSockets) {
      expect(await socket.closed).toEqual({
        code: CloseCode.SessionEnded,
        reason: 'link replaced, session ended',
      })
    }
    expect(await ticketStatus(server.url, editor)).toBe(401)
    expect(await ticketStatus(server.url, editor2)).toBe(401)
    const me = await call(server.url, `/api/workspaces/${editor.workspaceId}/me`, {
      headers: { cookie: editor.cookie },
    })
    expect(me.status).toBe(401)
    const late = await tryUpgrade(server.url, editor.workspaceId, spareTicket)
    expect(late).toEqual({ ok: false, status: 401 })

    // The viewer and the facilitator are untouched.
    expect(viewerSocket.ws.readyState).toBe(viewerSocket.ws.OPEN)
    expect(facilitatorSocket.ws.readyState).toBe(facilitatorSocket.ws.OPEN)
    expect(await ticketStatus(server.url, viewer)).toBe(200)
    expect(await ticketStatus(server.url, facilitator)).toBe(200)
    // Whoever was ended joins again with the new link.
    const back = await joinAs(server.url, keyOfLink((replaced.body as { url: string }).url), 'Eva')
    expect(back.role).toBe('editor')
    viewerSocket.close()
    facilitatorSocket.close()
  })

  test('PERM-15 only a facilitator replaces links; the facilitator link and bad bodies are refused; nothing changes', async () => {
    const server = await startTestServer()
    const { workspace, facilitator, editor, viewer } = await workspaceWithRoles(server.url)
    for (const session of [editor, viewer]) {
      const refused = await replace(server.url, session, { role: 'viewer', endSessions: true })
      expect(refused.status).toBe(403)
      expect(errorCode(refused.body)).toBe('forbidden')
    }
    const noCookie = await call(server.url, linksPath(facilitator.workspaceId), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'viewer', endSessions: false }),
    })
    expect(noCookie.status).toBe(401)
    // A facilitator of another workspace is no facilitator here.
    const other = await workspaceWithRoles(server.url)
    const foreign = await replace(
      server.url,
      { ...other.facilitator, workspaceId: facilitator.workspaceId },
      {
        role: 'viewer',
        endSessions: true,
      },
    )
    expect(foreign.status).toBe(403)
    for (const bad of [
      { role: 'facilitator', endSessions: false },
      { role: 'editor' },
      { role: 'editor', endSessions: 'yes' },
      { role: 'editor', endSessions: false, extra: 1 },
    ]) {
      const refused = await replace(server.url, facilitator, bad)
      expect({ bad, status: refused.status }).toEqual({ bad, status: 400 })
    }
    const openapi = (await call(server.url, '/api/openapi.json')).body as {
      paths: Record<string, { post?: { responses: Record<string, unknown> } }>
    }
    expect(Object.keys(openapi.paths['/api/workspaces/{id}/links']?.post?.responses ?? {})).toEqual(
      expect.arrayContaining(['201', '400', '401', '403', '404']),
    )
    // Every link still works and every session still gets tickets.
    for (const key of Object.values(workspace.keys)) {
      expect(await joinStatus(server.url, key)).toBe(200)
    }
    for (const session of [facilitator, editor, viewer]) {
      expect(await ticketStatus(server.url, session)).toBe(200)
    }
  })

  test('PERM-16 replacing the viewer link with endSessions ends viewers only', async () => {
    const server = await startTestServer()
    const { facilitator, editor, viewer } = await workspaceWithRoles(server.url)
    const viewerSocket = await openSocket(server.url, viewer)
    const editorSocket = await openSocket(server.url, editor)
    expect(
      (await replace(server.url, facilitator, { role: 'viewer', endSessions: true })).status,
    ).toBe(201)
    expect((await viewerSocket.closed).code).toBe(CloseCode.SessionEnded)
    expect(await ticketStatus(server.url, viewer)).toBe(401)
    expect(editorSocket.ws.readyState).toBe(editorSocket.ws.OPEN)
    expect(await ticketStatus(server.url, editor)).toBe(200)
    editorSocket.close()
  })

  test('HTTP-5 a malformed workspace id is 404 on every workspace route, as an unknown one is', async () => {
    const server = await startTestServer()
    const { facilitator } = await workspaceWithRoles(server.url)
    const headers = { cookie: facilitator.cookie, 'content-type': 'application/json' }
    for (const [method, path] of [
      ['GET', '/me'],
      ['POST', '/ticket'],
      ['POST', '/links'],
      ['GET', '/join-code'],
      ['GET', '/versions'],
      ['GET', '/export?format=md'],
      ['GET', '/export?format=nonsense'],
      ['DELETE', ''],
    ] as const) {
      const res = await call(server.url, `/api/workspaces/bad!id${path}`, {
        method,
        headers,
        ...(method === 'POST' ? { body: '{}' } : {}),
      })
      expect({ method, path, status: res.status, code: errorCode(res.body) }).toEqual({
        method,
        path,
        status: 404,
        code: 'not_found',
      })
    }
  })
})

let cluster: Cluster | null = null
afterEach(async () => {
  await cluster?.stop()
  cluster = null
})

describe.skipIf(!scaleOutAvailable)('replacing links on two instances (PERM-16, SCALE-6)', () => {
  test('PERM-16 a link replaced through one instance closes its sockets on the other and refuses tickets on both', async () => {
    cluster = await startCluster(2)
    const [one, two] = cluster.instances.map((instance) => instance.url) as [string, string]
    const { facilitator, editor, viewer } = await workspaceWithRoles(one)
    const onTwo = await openSocket(two, editor)
    const viewerOnTwo = await openSocket(two, viewer)
    expect((await replace(one, facilitator, { role: 'editor', endSessions: true })).status).toBe(
      201,
    )
    expect((await onTwo.closed).code).toBe(CloseCode.SessionEnded)
    expect(await ticketStatus(one, editor)).toBe(401)
    expect(await ticketStatus(two, editor)).toBe(401)
    expect(viewerOnTwo.ws.readyState).toBe(viewerOnTwo.ws.OPEN)
    viewerOnTwo.close()
  })
})
