import { addPrinciple, listBoardCards, readRound } from '@koers/doc-model'
import { databaseFile } from '@koers/server/testing/ageRecords'
import { dropPostgresSchema } from '@koers/server/testing/postgresSchema'
import { postgresRows, sqliteRows, type StoreRow } from '@koers/server/testing/storeRows'
import { randomBytes } from 'node:crypto'
import { describe, expect, onTestFinished, test } from 'vitest'
import { joinAs, workspaceWithRoles, type Session } from '../support/api.ts'
import { addCard, answerConsent, listCards, openRound, reveal, vote } from '../support/roundsApi.ts'
import { openClient } from '../support/testClients.ts'
import { startTestServer } from '../support/testServer.ts'

const DATABASE_URL = process.env.DATABASE_URL ?? ''

const token = (prefix: string): string => `${prefix}${randomBytes(6).toString('hex')}`

/** Rows that hold one of `people` together with one of `input`: what ROUND-14 forbids. */
const linking = (rows: StoreRow[], people: string[], input: string[]): StoreRow[] =>
  rows.filter(
    (row) =>
      people.some((person) => row.text.includes(person)) &&
      input.some((value) => row.text.includes(value)),
  )

/**
 * Runs every kind of round with private input from several people, and scans every row of the
 * store before and after the reveals.
 */
async function anonymityRun(url: string, rowsOf: () => Promise<StoreRow[]>): Promise<void> {
  const { facilitator, workspace } = await workspaceWithRoles(url)
  const people: Session[] = [facilitator]
  for (let i = 0; i < 3; i++)
    people.push(await joinAs(url, workspace.keys.editor, `Deelnemer ${i}`))
  const brainstorm = await openRound(url, facilitator, { kind: 'brainstorm', question: 'Wat?' })
  const texts = people.map(() => token('kaarttekst'))
  const cardIds: string[] = []
  for (const [i, person] of people.entries()) {
    const written = await addCard(url, person, brainstorm, texts[i]!)
    expect(written.status).toBe(201)
    cardIds.push(written.body.id)
  }
  const ids = people.map((person) => person.participantId)
  // The scan is able to find a link: before the reveal the store needs one.
  expect(linking(await rowsOf(), ids, [...texts, ...cardIds]).length).toBeGreaterThan(0)
  expect((await reveal(url, facilitator, brainstorm)).status).toBe(200)

  const voteRound = await openRound(url, facilitator, {
    kind: 'vote',
    items: cardIds,
    dotsPerPerson: 3,
    maxPerItem: 3,
  })
  const writer = await openClient(url, facilitator)
  await expect.poll(() => listBoardCards(writer.doc, brainstorm).length).toBe(people.length)
  for (const [i, person] of people.entries()) {
    const allocation = { [cardIds[i]!]: 2, [cardIds[(i + 1) % cardIds.length]!]: 1 }
    expect((await vote(url, person, voteRound, allocation)).status).toBe(200)
  }
  const principle = addPrinciple(writer.doc, { statement: 'We delen wat werkt' })
  const watcher = await openClient(url, people[1]!)
  await expect.poll(() => watcher.doc.getMap('principles').has(principle)).toBe(true)
  const consentRound = await openRound(url, facilitator, { kind: 'consent', items: [principle] })
  const notes = people.map(() => token('bezwaartekst'))
  for (const [i, person] of people.entries()) {
    const answer = { [principle]: { choice: 'objection', note: notes[i] } }
    expect((await answerConsent(url, person, consentRound, answer)).status).toBe(200)
  }
  expect(linking(await rowsOf(), ids, notes).length).toBeGreaterThan(0)
  for (const round of [voteRound, consentRound]) {
    expect((await reveal(url, facilitator, round)).status).toBe(200)
  }
  await expect.poll(() => readRound(writer.doc, consentRound)?.status).toBe('revealed')

  const rows = await rowsOf()
  const allocations = people.map((_, i) => `"${cardIds[i]}":2`)
  expect(linking(rows, ids, [...texts, ...cardIds, ...notes, ...allocations, principle])).toEqual(
    [],
  )
  // What was revealed is still there, without anyone.
  expect(rows.some((row) => row.text.includes(texts[0]!))).toBe(true)
  expect(rows.some((row) => row.text.includes(notes[0]!))).toBe(true)
  expect((await listCards(url, facilitator, brainstorm)).body.cards).toHaveLength(people.length)
}

describe('ROUND-14 anonymity at rest', () => {
  test('ROUND-14 after the reveals no row of the SQLite store links a person to a card, vote or answer', async () => {
    const server = await startTestServer()
    await anonymityRun(server.url, async () => sqliteRows(databaseFile(server.dataDir)))
  })

  test.skipIf(!DATABASE_URL)(
    'ROUND-14 after the reveals no row of the PostgreSQL store links a person to a card, vote or answer',
    async () => {
      const schema = `koers_rounds_${randomBytes(5).toString('hex')}`
      onTestFinished(() => dropPostgresSchema(schema))
      const server = await startTestServer({
        env: { DATABASE_URL, KOERS_DATABASE_SCHEMA: schema },
      })
      await anonymityRun(server.url, () => postgresRows(DATABASE_URL, schema))
    },
  )
})
