import type { CardList, CreateRoundRequest, RoundInfo } from '@koers/protocol'
import { call, HttpError, type Session } from './api.ts'

// The HTTP calls of issue 12: participation rounds (docs/rounds.md).

export interface Reply<T = unknown> {
  status: number
  body: T
}

const roundsPath = (workspaceId: string): string =>
  `/api/workspaces/${encodeURIComponent(workspaceId)}/rounds`

export const roundPath = (workspaceId: string, roundId: string, rest = ''): string =>
  `${roundsPath(workspaceId)}/${encodeURIComponent(roundId)}${rest}`

const send = async <T>(
  url: string,
  session: Session,
  method: string,
  path: string,
  body?: unknown,
): Promise<Reply<T>> => {
  const res = await call(url, path, {
    method,
    headers: {
      cookie: session.cookie,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  return { status: res.status, body: res.body as T }
}

export const createRound = (url: string, session: Session, request: CreateRoundRequest | object) =>
  send<{ id: string }>(url, session, 'POST', roundsPath(session.workspaceId), request)

/** Creates a round and returns its id (throws unless 201). */
export async function openRound(
  url: string,
  session: Session,
  request: CreateRoundRequest,
): Promise<string> {
  const reply = await createRound(url, session, request)
  if (reply.status !== 201) throw new HttpError(reply.status, reply.body)
  return reply.body.id
}

export const addCard = (url: string, session: Session, roundId: string, text: string) =>
  send<{ id: string }>(url, session, 'POST', roundPath(session.workspaceId, roundId, '/cards'), {
    text,
  })

export const editCard = (
  url: string,
  session: Session,
  roundId: string,
  cardId: string,
  text: string | null,
) =>
  send(
    url,
    session,
    text === null ? 'DELETE' : 'PATCH',
    roundPath(session.workspaceId, roundId, `/cards/${encodeURIComponent(cardId)}`),
    text === null ? undefined : { text },
  )

export const listCards = (url: string, session: Session, roundId: string) =>
  send<CardList>(url, session, 'GET', roundPath(session.workspaceId, roundId, '/cards'))

export const getRound = (url: string, session: Session, roundId: string) =>
  send<RoundInfo>(url, session, 'GET', roundPath(session.workspaceId, roundId))

export const reveal = (url: string, session: Session, roundId: string) =>
  send<RoundInfo>(url, session, 'POST', roundPath(session.workspaceId, roundId, '/reveal'))

export const vote = (url: string, session: Session, roundId: string, allocation: unknown) =>
  send<RoundInfo>(url, session, 'PUT', roundPath(session.workspaceId, roundId, '/votes'), {
    allocation,
  })

export const answerConsent = (url: string, session: Session, roundId: string, answers: unknown) =>
  send<RoundInfo>(url, session, 'PUT', roundPath(session.workspaceId, roundId, '/consent'), {
    answers,
  })

export const errorCode = (body: unknown): unknown =>
  (body as { error?: { code?: unknown } } | null)?.error?.code
