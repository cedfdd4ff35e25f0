import type { CreatedWorkspace as CreatedWorkspaceBody, Role, SessionInfo } from '@koers/protocol'
import { request } from 'node:http'

export type { Role } from '@koers/protocol'

export interface CreatedWorkspace extends CreatedWorkspaceBody {
  /** The secret key of each link (the part after `#`). */
  keys: Record<Role, string>
}

export interface Session extends SessionInfo {
  cookie: string
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`HTTP ${status}: ${JSON.stringify(body)}`)
  }
}

async function readJson(res: Response): Promise<unknown> {
  const text = await res.text()
  try {
    return text === '' ? null : (JSON.parse(text) as unknown)
  } catch {
    return text
  }
}

export function keyOfLink(link: string): string {
  const hash = new URL(link).hash
  return decodeURIComponent(hash.replace(/^#/, ''))
}

export async function createWorkspace(
  url: string,
  body: { title: string; school: string } = {
    title: 'Visie op digitalisering',
    school: 'De Regenboog',
  },
  createKey?: string,
): Promise<CreatedWorkspace> {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (createKey) headers.authorization = `Bearer ${createKey}`
  const res = await fetch(`${url}/api/workspaces`, {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
  })
  const json = await readJson(res)
  if (res.status !== 201) throw new HttpError(res.status, json)
  const created = json as CreatedWorkspaceBody
  return {
    ...created,
    keys: {
      facilitator: keyOfLink(created.links.facilitator),
      editor: keyOfLink(created.links.editor),
      viewer: keyOfLink(created.links.viewer),
    },
  }
}

/** Exchanges a link key and a display name for a session cookie (`koers_session=…`). */
export async function joinAs(url: string, key: string, displayName: string): Promise<Session> {
  const res = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ key, displayName }),
  })
  const json = await readJson(res)
  if (res.status !== 200) throw new HttpError(res.status, json)
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith('koers_session='))
  if (!cookie) throw new Error('no koers_session cookie in the session response')
  const session = json as Omit<Session, 'cookie'>
  return { ...session, cookie }
}

export async function ticket(url: string, workspaceId: string, cookie: string): Promise<string> {
  const res = await fetch(`${url}/api/workspaces/${encodeURIComponent(workspaceId)}/ticket`, {
    method: 'POST',
    headers: { cookie },
  })
  const json = await readJson(res)
  if (res.status !== 200) throw new HttpError(res.status, json)
  return (json as { ticket: string }).ticket
}

/** Creates a workspace and joins it once per role. */
export async function workspaceWithRoles(
  url: string,
): Promise<{ workspace: CreatedWorkspace } & Record<Role, Session>> {
  const workspace = await createWorkspace(url)
  const [facilitator, editor, viewer] = await Promise.all([
    joinAs(url, workspace.keys.facilitator, 'Fenna Facilitator'),
    joinAs(url, workspace.keys.editor, 'Eva Editor'),
    joinAs(url, workspace.keys.viewer, 'Victor Viewer'),
  ])
  return { workspace, facilitator, editor, viewer }
}

/** A ticket with its expiry as the server stated it. */
export async function ticketWithExpiry(
  url: string,
  workspaceId: string,
  cookie: string,
): Promise<{ ticket: string; expiresAt: number }> {
  const res = await fetch(`${url}/api/workspaces/${encodeURIComponent(workspaceId)}/ticket`, {
    method: 'POST',
    headers: { cookie },
  })
  const json = await readJson(res)
  if (res.status !== 200) throw new HttpError(res.status, json)
  const body = json as { ticket: string; expiresAt: string | number }
  return { ticket: body.ticket, expiresAt: new Date(body.expiresAt).getTime() }
}

/** A raw HTTP call that returns status, headers and parsed body. */
export async function call(
  url: string,
  path: string,
  init: RequestInit = {},
): Promise<{ status: number; headers: Headers; body: unknown }> {
  const res = await fetch(`${url}${path}`, init)
  return { status: res.status, headers: res.headers, body: await readJson(res) }
}

/**
 * POST on a fresh connection (node:http, no keep-alive pool), for bodies the server refuses before
 * reading them: a pooled fetch connection could be reused with unread bytes still in it.
 */
export function postOnFreshConnection(
  url: string,
  path: string,
  body: string,
): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}${path}`,
      {
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json', connection: 'close' },
      },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (text += chunk))
        res.on('end', () => {
          try {
            resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as unknown })
          } catch {
            resolve({ status: res.statusCode ?? 0, body: text })
          }
        })
      },
    )
    // The server may answer and close while the body is still being written.
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error)
    })
    req.end(body)
  })
}

/** Opens joining by code as a facilitator (or anyone, to test the refusal): the raw answer. */
export async function openJoinCode(
  url: string,
  workspaceId: string,
  cookie: string,
): Promise<{ status: number; body: unknown }> {
  const res = await call(url, `/api/workspaces/${encodeURIComponent(workspaceId)}/join-code`, {
    method: 'POST',
    headers: { cookie },
  })
  return { status: res.status, body: res.body }
}

/** Joins by a code; resolves with the raw answer and, on success, the session cookie. */
export async function joinByCode(
  url: string,
  code: string,
  displayName: string,
  cookie?: string,
): Promise<{ status: number; body: unknown; headers: Headers; cookie: string | null }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (cookie) headers.cookie = cookie
  const res = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ code, displayName }),
  })
  const body = await readJson(res)
  const session = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith('koers_session='))
  return { status: res.status, body, headers: res.headers, cookie: session ?? null }
}
