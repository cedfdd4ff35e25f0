import type {
  CreatedWorkspace,
  CreateWorkspaceRequest,
  JoinCode,
  JoinCodeStatus,
  Me,
  PrivacyFacts,
  ReplacedLink,
  ReplaceLinkRequest,
  SessionInfo,
  SessionRequest,
  TicketResponse,
} from '@koers/protocol'

export type {
  JoinCode,
  JoinCodeStatus,
  CreatedWorkspace,
  Me,
  PrivacyFacts,
  Role,
  SessionInfo,
  TicketResponse,
} from '@koers/protocol'

/** An HTTP error from the Koers API: `{ error: { code, message } }` plus the status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

/** Thrown when the server could not be reached at all (offline, Wi-Fi gone). */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('network error', { cause })
    this.name = 'NetworkError'
  }
}

function postJson<T>(path: string, body: unknown): Promise<T> {
  return requestJson(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body ?? {}),
  })
}

/** A JSON request to the API; throws `ApiError` (with the JSON error) or `NetworkError`. */
export async function requestJson<T>(path: string, init: RequestInit): Promise<T> {
  let response: Response
  try {
    response = await fetch(path, { credentials: 'same-origin', ...init })
  } catch (error) {
    throw new NetworkError(error)
  }
  const text = await response.text()
  let parsed: unknown = null
  try {
    parsed = text ? JSON.parse(text) : null
  } catch {
    parsed = null
  }
  if (!response.ok) {
    const error = readError(parsed)
    throw new ApiError(response.status, error.code, error.message)
  }
  return parsed as T
}

function readError(body: unknown): { code: string; message: string } {
  if (typeof body === 'object' && body !== null && 'error' in body) {
    const error = (body as { error: unknown }).error
    if (typeof error === 'object' && error !== null) {
      const { code, message } = error as { code?: unknown; message?: unknown }
      return {
        code: typeof code === 'string' ? code : 'unknown',
        message: typeof message === 'string' ? message : '',
      }
    }
  }
  return { code: 'unknown', message: '' }
}

export function createWorkspace(input: CreateWorkspaceRequest): Promise<CreatedWorkspace> {
  return postJson('/api/workspaces', input)
}

export function createSession(input: SessionRequest): Promise<SessionInfo> {
  return postJson('/api/session', input)
}

export function fetchTicket(workspaceId: string): Promise<TicketResponse> {
  return postJson(`/api/workspaces/${encodeURIComponent(workspaceId)}/ticket`, {})
}

/** The caller's session in a workspace (401 when there is none). */
export function fetchMe(workspaceId: string): Promise<Me> {
  return requestJson(`/api/workspaces/${encodeURIComponent(workspaceId)}/me`, {
    headers: { accept: 'application/json' },
  })
}

/** PRIV-2: deletes the workspace for good (facilitator only); resolves on 204. */
export async function deleteWorkspace(workspaceId: string): Promise<void> {
  await requestJson<null>(`/api/workspaces/${encodeURIComponent(workspaceId)}`, {
    method: 'DELETE',
    headers: { accept: 'application/json' },
  })
}

/** PRIV-7: what this server keeps and for how long. */
export function fetchPrivacyFacts(): Promise<PrivacyFacts> {
  return requestJson('/api/privacy', { headers: { accept: 'application/json' } })
}

/** The key inside a join link `<origin>/join#<key>`. */
export function keyFromLink(link: string): string {
  const hash = link.indexOf('#')
  return hash === -1 ? '' : decodeURIComponent(link.slice(hash + 1))
}

const joinCodePath = (workspaceId: string) =>
  `/api/workspaces/${encodeURIComponent(workspaceId)}/join-code`

/** STUDY-8: opens joining by code (facilitator); a code that was open stops working. */
export function openJoinCode(workspaceId: string): Promise<JoinCode> {
  return postJson(joinCodePath(workspaceId), {})
}

export function fetchJoinCodeStatus(workspaceId: string): Promise<JoinCodeStatus> {
  return requestJson(joinCodePath(workspaceId), { headers: { accept: 'application/json' } })
}

export async function closeJoinCode(workspaceId: string): Promise<void> {
  await requestJson<null>(joinCodePath(workspaceId), {
    method: 'DELETE',
    headers: { accept: 'application/json' },
  })
}

/** PERM-15, PERM-16: a new editor or viewer link (facilitator); the old one stops at once. */
export function replaceLink(
  workspaceId: string,
  request: ReplaceLinkRequest,
): Promise<ReplacedLink> {
  return postJson(`/api/workspaces/${encodeURIComponent(workspaceId)}/links`, request)
}
