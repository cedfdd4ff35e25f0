import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import { AppError } from '../appError.ts'
import type { AppDeps } from '../context.ts'
import { requireMember } from '../memberSession.ts'
import {
  CardBody,
  CardList,
  CardParams,
  ConsentAnswersBody,
  CreatedId,
  CreateRoundBody,
  RoundInfo,
  RoundList,
  RoundParams,
  VoteBody,
} from '../roundSchemas.ts'
import { errorResponses, WorkspaceIdParam } from '../schemas.ts'
import { RoundError } from '../../rounds/roundErrors.ts'
import { RoomUnavailableError } from '../../sync/roomRegistry.ts'

// Issue 12: participation rounds (docs/rounds.md). Request bodies are never logged (ROUND-3).

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } })
const body = <T>(schema: T) => ({ required: true, ...json(schema) })

const createRoundRoute = createRoute({
  method: 'post',
  path: '/api/workspaces/{id}/rounds',
  summary: 'Open a brainstorm, vote or consent round (facilitator only)',
  description:
    'ROUND-1, ROUND-7, ROUND-10, ROUND-12. Vote items are revealed cards, clusters or ' +
    'principles of this workspace; consent items are principles.',
  request: { params: WorkspaceIdParam, body: body(CreateRoundBody) },
  responses: {
    201: { description: 'Opened', ...json(CreatedId) },
    ...errorResponses(400, 401, 403, 404, 413, 415, 422, 503),
  },
})

const listRoundsRoute = createRoute({
  method: 'get',
  path: '/api/workspaces/{id}/rounds',
  summary: 'Every round of the workspace, oldest first (any role)',
  request: { params: WorkspaceIdParam },
  responses: {
    200: { description: 'Rounds', ...json(RoundList) },
    ...errorResponses(400, 401, 403),
  },
})

const getRoundRoute = createRoute({
  method: 'get',
  path: '/api/workspaces/{id}/rounds/{roundId}',
  summary: 'A round: settings, how many took part, your own input; results after the reveal',
  description: 'ROUND-9: no tallies before the reveal, not even for the facilitator.',
  request: { params: RoundParams },
  responses: {
    200: { description: 'Round', ...json(RoundInfo) },
    ...errorResponses(400, 401, 403, 404),
  },
})

const revealRoute = createRoute({
  method: 'post',
  path: '/api/workspaces/{id}/rounds/{roundId}/reveal',
  summary: 'Reveal a round: cards or results appear in the document (facilitator only)',
  description:
    'ROUND-4, ROUND-9, ROUND-11, ROUND-14: afterwards nothing in the store links input to a ' +
    'person. A second reveal is 409 (ROUND-15).',
  request: { params: RoundParams },
  responses: {
    200: { description: 'Revealed', ...json(RoundInfo) },
    ...errorResponses(400, 401, 403, 404, 409, 503),
  },
})

const addCardRoute = createRoute({
  method: 'post',
  path: '/api/workspaces/{id}/rounds/{roundId}/cards',
  summary: 'Write a private card in an open brainstorm (editor or facilitator)',
  request: { params: RoundParams, body: body(CardBody) },
  responses: {
    201: { description: 'Written', ...json(CreatedId) },
    ...errorResponses(400, 401, 403, 404, 409, 413, 415, 422),
  },
})

const listCardsRoute = createRoute({
  method: 'get',
  path: '/api/workspaces/{id}/rounds/{roundId}/cards',
  summary: 'Before the reveal your own cards and the counts; after it every card, no authors',
  request: { params: RoundParams },
  responses: {
    200: { description: 'Cards', ...json(CardList) },
    ...errorResponses(400, 401, 403, 404, 409),
  },
})

const editCardRoute = createRoute({
  method: 'patch',
  path: '/api/workspaces/{id}/rounds/{roundId}/cards/{cardId}',
  summary: 'Rewrite one of your own cards before the reveal',
  request: { params: CardParams, body: body(CardBody) },
  responses: {
    200: { description: 'Rewritten', ...json(CardList.shape.cards.element) },
    ...errorResponses(400, 401, 403, 404, 409, 413, 415),
  },
})

const deleteCardRoute = createRoute({
  method: 'delete',
  path: '/api/workspaces/{id}/rounds/{roundId}/cards/{cardId}',
  summary: 'Delete one of your own cards before the reveal',
  request: { params: CardParams },
  responses: {
    204: { description: 'Deleted' },
    ...errorResponses(400, 401, 403, 404, 409),
  },
})

const voteRoute = createRoute({
  method: 'put',
  path: '/api/workspaces/{id}/rounds/{roundId}/votes',
  summary: 'Replace your allocation of dots (editor or facilitator)',
  description:
    'ROUND-8: over the budget, over the per-item maximum, a negative or fractional number ' +
    'or an unknown item is 422 and your previous allocation stays.',
  request: { params: RoundParams, body: body(VoteBody) },
  responses: {
    200: { description: 'Stored', ...json(RoundInfo) },
    ...errorResponses(400, 401, 403, 404, 409, 413, 415, 422),
  },
})

const consentRoute = createRoute({
  method: 'put',
  path: '/api/workspaces/{id}/rounds/{roundId}/consent',
  summary: 'Replace your consent answers (editor or facilitator)',
  description: 'ROUND-10: consent, concern or objection per principle; a note with the latter two.',
  request: { params: RoundParams, body: body(ConsentAnswersBody) },
  responses: {
    200: { description: 'Stored', ...json(RoundInfo) },
    ...errorResponses(400, 401, 403, 404, 409, 413, 415, 422),
  },
})

const asAppError = (error: unknown): unknown => {
  if (error instanceof RoundError) return new AppError(error.code, error.message)
  if (error instanceof RoomUnavailableError) {
    return new AppError('store_unavailable', 'The document cannot be written now; try again')
  }
  return error
}

/** Runs a round operation, turning its refusals into API errors. */
const attempt = async <T>(work: () => Promise<T>): Promise<T> => {
  try {
    return await work()
  } catch (error) {
    throw asAppError(error)
  }
}

export const registerRoundRoutes = (app: OpenAPIHono, deps: AppDeps): void => {
  app.openapi(createRoundRoute, async (c) => {
    const { id } = c.req.valid('param')
    const request = c.req.valid('json')
    const principal = await requireMember(c, deps.sessions, id)
    const roundId = await attempt(() => deps.rounds.create(principal, request))
    deps.activity.touch(id)
    return c.json({ id: roundId }, 201)
  })

  app.openapi(listRoundsRoute, async (c) => {
    const { id } = c.req.valid('param')
    const principal = await requireMember(c, deps.sessions, id)
    return c.json({ rounds: await attempt(() => deps.rounds.list(principal)) }, 200)
  })

  app.openapi(getRoundRoute, async (c) => {
    const { id, roundId } = c.req.valid('param')
    const principal = await requireMember(c, deps.sessions, id)
    return c.json(await attempt(() => deps.rounds.info(principal, roundId)), 200)
  })

  app.openapi(revealRoute, async (c) => {
    const { id, roundId } = c.req.valid('param')
    const principal = await requireMember(c, deps.sessions, id)
    return c.json(await attempt(() => deps.rounds.reveal(principal, roundId)), 200)
  })

  app.openapi(addCardRoute, async (c) => {
    const { id, roundId } = c.req.valid('param')
    const { text } = c.req.valid('json')
    const principal = await requireMember(c, deps.sessions, id)
    const cardId = await attempt(() => deps.rounds.addCard(principal, roundId, text))
    deps.activity.touch(id)
    return c.json({ id: cardId }, 201)
  })

  app.openapi(listCardsRoute, async (c) => {
    const { id, roundId } = c.req.valid('param')
    const principal = await requireMember(c, deps.sessions, id)
    return c.json(await attempt(() => deps.rounds.cards(principal, roundId)), 200)
  })

  app.openapi(editCardRoute, async (c) => {
    const { id, roundId, cardId } = c.req.valid('param')
    const { text } = c.req.valid('json')
    const principal = await requireMember(c, deps.sessions, id)
    await attempt(() => deps.rounds.editCard(principal, roundId, cardId, text))
    return c.json({ id: cardId, text }, 200)
  })

  app.openapi(deleteCardRoute, async (c) => {
    const { id, roundId, cardId } = c.req.valid('param')
    const principal = await requireMember(c, deps.sessions, id)
    await attempt(() => deps.rounds.editCard(principal, roundId, cardId, null))
    return c.body(null, 204)
  })

  app.openapi(voteRoute, async (c) => {
    const { id, roundId } = c.req.valid('param')
    const { allocation } = c.req.valid('json')
    const principal = await requireMember(c, deps.sessions, id)
    const round = await attempt(() => deps.rounds.vote(principal, roundId, allocation))
    deps.activity.touch(id)
    return c.json(round, 200)
  })

  app.openapi(consentRoute, async (c) => {
    const { id, roundId } = c.req.valid('param')
    const { answers } = c.req.valid('json')
    const principal = await requireMember(c, deps.sessions, id)
    const round = await attempt(() => deps.rounds.consent(principal, roundId, answers))
    deps.activity.touch(id)
    return c.json(round, 200)
  })
}
