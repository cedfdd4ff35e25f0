import { listBoardCards, readRound } from '@koers/doc-model'
import { dropPostgresSchema } from '@koers/server/testing/postgresSchema'
import { randomBytes } from 'node:crypto'
import { describe, expect, onTestFinished, test } from 'vitest'
import { joinAs, workspaceWithRoles, type Session } from '../support/api.ts'
import { addCard, getRound, listCards, openRound, reveal, vote } from '../support/roundsApi.ts'
import { openClient } from '../support/testClients.ts'
import { startTestServer } from '../support/testServer.ts'

const DATABASE_URL = process.env.DATABASE_URL ?? ''
const REDIS_URL = process.env.REDIS_URL ?? ''

/** `count` editors of the workspace, joined one after the other. */
async function crowd(url: string, editorKey: string, count: number): Promise<Session[]> {
  const people: Session[] = []
  for (let i = 0; i < count; i++) people.push(await joinAs(url, editorKey, `Collega ${i}`))
  return people
}

/**
 * 50 people write cards at once, the reveal shows every one, then all 50 vote at once; `urls`
 * spreads them over instances (one or more servers on one store).
 */
async function crowdRun(urls: string[]): Promise<void> {
  const url = urls[0]!
  const at = (i: number): string => urls[i % urls.length]!
  const { facilitator, viewer, workspace } = await workspaceWithRoles(url)
  const people = await crowd(url, workspace.keys.editor, 50)
  const brainstorm = await openRound(url, facilitator, { kind: 'brainstorm', question: 'Idee?' })
  const written = await Promise.all(
    people.map((person, i) => addCard(at(i), person, brainstorm, `idee nummer ${i}`)),
  )
  expect(written.map((reply) => reply.status)).toEqual(people.map(() => 201))
  const counted = await listCards(url, facilitator, brainstorm)
  expect(counted.body).toMatchObject({ count: 50, authors: 50, cards: [] })

  const watcher = await openClient(url, viewer)
  // ROUND-3: the live count in the document settles on the exact numbers.
  await expect.poll(() => readRound(watcher.doc, brainstorm)?.cards, { timeout: 20_000 }).toBe(50)
  expect(readRound(watcher.doc, brainstorm)?.participants).toBe(50)
  expect((await reveal(url, facilitator, brainstorm)).status).toBe(200)
  await expect.poll(() => listBoardCards(watcher.doc, brainstorm).length).toBe(50)
  expect(new Set(listBoardCards(watcher.doc, brainstorm).map((card) => card.text))).toEqual(
    new Set(people.map((_, i) => `idee nummer ${i}`)),
  )

  const items = written.slice(0, 5).map((reply) => reply.body.id)
  const voteRound = await openRound(url, facilitator, {
    kind: 'vote',
    items,
    dotsPerPerson: 3,
    maxPerItem: 2,
  })
  const allocations = people.map((_, i) => ({ [items[i % 5]!]: 2, [items[(i + 2) % 5]!]: 1 }))
  const votes = await Promise.all(
    people.map((person, i) => vote(at(i), person, voteRound, allocations[i])),
  )
  expect(votes.map((reply) => reply.status)).toEqual(people.map(() => 200))
  expect((await getRound(url, facilitator, voteRound)).body.participants).toBe(50)
  // Two reveals at once, on different instances when there are several: one wins.
  const reveals = await Promise.all([
    reveal(url, facilitator, voteRound),
    reveal(at(1), facilitator, voteRound),
  ])
  expect(reveals.map((reply) => reply.status).sort()).toEqual([200, 409])
  const expected = Object.fromEntries(items.map((item) => [item, 0]))
  for (const allocation of allocations) {
    for (const [item, dots] of Object.entries(allocation)) expected[item]! += dots
  }
  expect(reveals.find((reply) => reply.status === 200)!.body.results).toEqual(expected)
  await expect
    .poll(() => {
      const round = readRound(watcher.doc, voteRound)
      return round && Object.fromEntries(items.map((id) => [id, round.results[id]?.dots]))
    })
    .toEqual(expected)
}

describe('ROUND-15 many people at once', () => {
  test('ROUND-15 50 participants submit cards and votes at once: exact counts, nothing lost', async () => {
    const server = await startTestServer()
    await crowdRun([server.url])
  })

  test.skipIf(!DATABASE_URL || !REDIS_URL)(
    'ROUND-15 two instances on one PostgreSQL store: exact counts, one reveal wins',
    async () => {
      const schema = `koers_rounds_${randomBytes(5).toString('hex')}`
      onTestFinished(() => dropPostgresSchema(schema))
      const env = {
        DATABASE_URL,
        REDIS_URL,
        KOERS_DATABASE_SCHEMA: schema,
        KOERS_REDIS_PREFIX: schema,
      }
      const first = await startTestServer({ env })
      const second = await startTestServer({ env })
      await crowdRun([first.url, second.url])
    },
  )
})
