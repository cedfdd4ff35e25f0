import type {
  CardList,
  ConsentAnswer,
  CreatedId,
  CreateRoundRequest,
  RoundInfo,
} from '@koers/protocol'
import { requestJson } from '../api/client.ts'

// The HTTP calls of participation rounds (docs/rounds.md). Private input (cards before the
// reveal, dots, consent answers) goes only here, never into the shared document.

const roundsPath = (workspaceId: string) =>
  `/api/workspaces/${encodeURIComponent(workspaceId)}/rounds`
const roundPath = (workspaceId: string, roundId: string) =>
  `${roundsPath(workspaceId)}/${encodeURIComponent(roundId)}`

const jsonInit = (method: string, body?: unknown): RequestInit => ({
  method,
  headers: { accept: 'application/json', 'content-type': 'application/json' },
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
})
const getInit: RequestInit = { headers: { accept: 'application/json' } }

export function createRound(workspaceId: string, request: CreateRoundRequest): Promise<CreatedId> {
  return requestJson(roundsPath(workspaceId), jsonInit('POST', request))
}

export function fetchRound(workspaceId: string, roundId: string): Promise<RoundInfo> {
  return requestJson(roundPath(workspaceId, roundId), getInit)
}

export async function revealRound(workspaceId: string, roundId: string): Promise<void> {
  await requestJson(`${roundPath(workspaceId, roundId)}/reveal`, jsonInit('POST', {}))
}

export function fetchCards(workspaceId: string, roundId: string): Promise<CardList> {
  return requestJson(`${roundPath(workspaceId, roundId)}/cards`, getInit)
}

export function addCard(workspaceId: string, roundId: string, text: string): Promise<CreatedId> {
  return requestJson(`${roundPath(workspaceId, roundId)}/cards`, jsonInit('POST', { text }))
}

const cardPath = (workspaceId: string, roundId: string, cardId: string) =>
  `${roundPath(workspaceId, roundId)}/cards/${encodeURIComponent(cardId)}`

export async function editCard(
  workspaceId: string,
  roundId: string,
  cardId: string,
  text: string,
): Promise<void> {
  await requestJson(cardPath(workspaceId, roundId, cardId), jsonInit('PATCH', { text }))
}

export async function deleteCard(
  workspaceId: string,
  roundId: string,
  cardId: string,
): Promise<void> {
  await requestJson(cardPath(workspaceId, roundId, cardId), jsonInit('DELETE'))
}

/** Replaces the caller's whole allocation (ROUND-7); a refused one keeps the previous. */
export async function putVotes(
  workspaceId: string,
  roundId: string,
  allocation: Record<string, number>,
): Promise<void> {
  await requestJson(`${roundPath(workspaceId, roundId)}/votes`, jsonInit('PUT', { allocation }))
}

export async function putConsent(
  workspaceId: string,
  roundId: string,
  answers: Record<string, ConsentAnswer>,
): Promise<void> {
  await requestJson(`${roundPath(workspaceId, roundId)}/consent`, jsonInit('PUT', { answers }))
}
