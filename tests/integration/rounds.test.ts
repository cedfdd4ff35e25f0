import {
  addPrinciple,
  latestConsentFor,
  listBoardCards,
  readRound,
  type RoundState,
} from '@koers/doc-model'
import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { call, joinAs, workspaceWithRoles, type Session } from '../support/api.ts'
import type { RawSocket } from '../support/rawSocket.ts'
import {
  addCard,
  answerConsent,
  createRound,
  editCard,
  errorCode,
  getRound,
  listCards,
  openRound,
  reveal,
  vote,
} from '../support/roundsApi.ts'
import { openClient, openRawSocket } from '../support/testClients.ts'
import { startTestServer, testDataDir } from '../support/testServer.ts'

const unique = (prefix: string): string => `${prefix}-${Math.random().toString(36).slice(2, 10)}`

/** Every raw frame a socket receives from now on, undecoded. */
function recordBytes(socket: RawSocket): Buffer[] {
  const bytes: Buffer[] = []
  socket.ws.on('message', (data: Buffer) => bytes.push(Buffer.from(data)))
  return bytes
}

/** A raw socket, synced, whose document follows every update it receives. */
async function rawReplica(url: string, session: Session) {
  const socket = await openRawSocket(url, session)
  const bytes = recordBytes(socket)
  const doc = new Y.Doc()
  await socket.sync(doc)
  socket.ws.on('message', () => {
    for (const frame of socket.frames.splice(0)) {
      if (frame.kind === 'update' || frame.kind === 'sync-step2') Y.applyUpdate(doc, frame.update)
    }
  })
  return { socket, bytes, doc }
}

const roundIn = (doc: Y.Doc, roundId: string): RoundState | null => readRound(doc, roundId)

describe('ROUND participation rounds over HTTP and the document', () => {
  test('ROUND-3 ROUND-4 a card’s text is private until the reveal, then in every replica', async () => {
    const server = await startTestServer()
    const { facilitator, editor, viewer, workspace } = await workspaceWithRoles(server.url)
    const other = await joinAs(server.url, workspace.keys.editor, 'Otto Ander')
    const roundId = await openRound(server.url, facilitator, {
      kind: 'brainstorm',
      question: 'Wat mag nooit verloren gaan?',
    })
    const replicas = await Promise.all([
      rawReplica(server.url, other),
      rawReplica(server.url, facilitator),
      rawReplica(server.url, viewer),
      rawReplica(server.url, editor),
    ])
    await expect.poll(() => replicas.every((r) => roundIn(r.doc, roundId) !== null)).toBe(true)

    const secret = unique('GEHEIM-kaartje')
    const written = await addCard(server.url, editor, roundId, secret)
    expect(written.status).toBe(201)
    // The live count reaches every replica (ROUND-3): the frames after the card have arrived.
    await expect
      .poll(() => replicas.map((r) => roundIn(r.doc, roundId)?.cards), { timeout: 15_000 })
      .toEqual([1, 1, 1, 1])
    expect(roundIn(replicas[0]!.doc, roundId)?.participants).toBe(1)
    const needle = Buffer.from(secret.slice(7), 'utf8')
    for (const replica of replicas) {
      expect(replica.bytes.some((frame) => frame.includes(needle))).toBe(false)
    }

    for (const session of [other, facilitator, viewer]) {
      const seen = await listCards(server.url, session, roundId)
      expect(seen.status).toBe(200)
      expect(seen.body).toEqual({ status: 'open', count: 1, authors: 1, mine: true, cards: [] })
      expect(JSON.stringify(seen.body)).not.toContain(secret)
    }
    const own = await listCards(server.url, editor, roundId)
    expect(own.body.cards).toEqual([{ id: written.body.id, text: secret }])
    const round = await getRound(server.url, other, roundId)
    expect(JSON.stringify(round.body)).not.toContain(secret)

    const revealed = await reveal(server.url, facilitator, roundId)
    expect(revealed.status).toBe(200)
    expect(revealed.body).toMatchObject({ status: 'revealed', cards: 1, participants: 1 })
    await expect
      .poll(() => replicas.map((r) => listBoardCards(r.doc, roundId).map((c) => c.text)))
      .toEqual([[secret], [secret], [secret], [secret]])
    for (const replica of replicas) {
      expect(roundIn(replica.doc, roundId)?.status).toBe('revealed')
      // The same recording that found nothing before now finds the text: it could have failed.
      expect(replica.bytes.some((frame) => frame.includes(needle))).toBe(true)
    }
    const after = await listCards(server.url, other, roundId)
    expect(after.body).toEqual({
      status: 'revealed',
      count: 1,
      authors: 1,
      mine: false,
      cards: [{ id: written.body.id, text: secret }],
    })
    // The server's log never saw the text (ROUND-3).
    expect(server.output()).not.toContain(secret)
  })

  test('ROUND-1 ROUND-2 ROUND-15 who may do what, limits, and nothing after the reveal', async () => {
    const server = await startTestServer()
    const { facilitator, editor, viewer, workspace } = await workspaceWithRoles(server.url)
    const other = await joinAs(server.url, workspace.keys.editor, 'Otto Ander')
    const brainstorm = { kind: 'brainstorm', question: 'Waar zijn we trots op?' } as const
    for (const session of [editor, viewer]) {
      const refused = await createRound(server.url, session, brainstorm)
      expect(refused.status).toBe(403)
    }
    expect((await createRound(server.url, facilitator, { kind: 'brainstorm' })).status).toBe(400)
    expect(
      (await createRound(server.url, facilitator, { ...brainstorm, extra: true })).status,
    ).toBe(400)
    const roundId = await openRound(server.url, facilitator, brainstorm)

    expect((await addCard(server.url, viewer, roundId, 'kijker')).status).toBe(403)
    expect((await addCard(server.url, editor, roundId, '   ')).status).toBe(400)
    expect((await addCard(server.url, editor, roundId, 'x'.repeat(501))).status).toBe(400)
    const mine = await addCard(server.url, editor, roundId, 'eerste versie')
    expect(mine.status).toBe(201)
    // Someone else's card does not exist for you.
    expect((await editCard(server.url, other, roundId, mine.body.id, 'gekaapt')).status).toBe(404)
    expect((await editCard(server.url, other, roundId, mine.body.id, null)).status).toBe(404)
    expect(
      (await editCard(server.url, editor, roundId, mine.body.id, 'tweede versie')).status,
    ).toBe(200)
    const gone = await addCard(server.url, editor, roundId, 'weg ermee')
    expect((await editCard(server.url, editor, roundId, gone.body.id, null)).status).toBe(204)
    expect((await listCards(server.url, editor, roundId)).body.cards).toEqual([
      { id: mine.body.id, text: 'tweede versie' },
    ])
    // Another workspace's facilitator does not reach this round.
    const stranger = await workspaceWithRoles(server.url)
    const foreign = await listCards(
      server.url,
      { ...stranger.facilitator, workspaceId: facilitator.workspaceId },
      roundId,
    )
    expect(foreign.status).toBe(403)
    expect((await getRound(server.url, stranger.facilitator, roundId)).status).toBe(404)

    expect((await reveal(server.url, editor, roundId)).status).toBe(403)
    const [first, second] = await Promise.all([
      reveal(server.url, facilitator, roundId),
      reveal(server.url, facilitator, roundId),
    ])
    expect([first.status, second.status].sort()).toEqual([200, 409])
    expect((await reveal(server.url, facilitator, roundId)).status).toBe(409)
    const late = await addCard(server.url, editor, roundId, 'te laat')
    expect(late.status).toBe(409)
    expect(errorCode(late.body)).toBe('conflict')
    expect((await editCard(server.url, editor, roundId, mine.body.id, 'nog eens')).status).toBe(409)
    expect((await listCards(server.url, editor, roundId)).body.cards).toEqual([
      { id: mine.body.id, text: 'tweede versie' },
    ])
  })

  test('ROUND-7 ROUND-8 ROUND-9 the budget is the server’s; totals equal the accepted allocations', async () => {
    const server = await startTestServer()
    const { facilitator, editor, viewer, workspace } = await workspaceWithRoles(server.url)
    const other = await joinAs(server.url, workspace.keys.editor, 'Otto Ander')
    const brainstorm = await openRound(server.url, facilitator, {
      kind: 'brainstorm',
      question: 'Wat willen we?',
    })
    for (const text of ['rust', 'samen leren', 'veilig online']) {
      expect((await addCard(server.url, editor, brainstorm, text)).status).toBe(201)
    }
    await reveal(server.url, facilitator, brainstorm)
    const [a, b, c] = (await listCards(server.url, editor, brainstorm)).body.cards.map(
      (card) => card.id,
    ) as [string, string, string]

    const unknownItem = await createRound(server.url, facilitator, {
      kind: 'vote',
      items: [a, 'bestaat-niet'],
      dotsPerPerson: 5,
      maxPerItem: 3,
    })
    expect(unknownItem.status).toBe(422)
    const twice = { kind: 'vote', items: [a, a], dotsPerPerson: 2, maxPerItem: 1 }
    expect((await createRound(server.url, facilitator, twice)).status).toBe(422)
    const tooMany = { kind: 'vote', items: [a, b], dotsPerPerson: 2, maxPerItem: 3 }
    expect((await createRound(server.url, facilitator, tooMany)).status).toBe(422)
    const roundId = await openRound(server.url, facilitator, {
      kind: 'vote',
      question: 'Wat is het belangrijkst?',
      items: [a, b, c],
      dotsPerPerson: 5,
      maxPerItem: 3,
    })

    const accepted = await vote(server.url, editor, roundId, { [a]: 3, [b]: 2 })
    expect(accepted.status).toBe(200)
    expect(accepted.body.ownAllocation).toEqual({ [a]: 3, [b]: 2 })
    const refusals = [
      { [a]: 3, [b]: 3 }, // over the budget
      { [a]: 4 }, // over the per-item maximum
      { [a]: -1 },
      { [a]: 1.5 },
      { 'niet-in-de-ronde': 1 },
    ]
    for (const allocation of refusals) {
      const refused = await vote(server.url, editor, roundId, allocation)
      expect(refused.status).toBe(422)
      expect(errorCode(refused.body)).toBe('unprocessable')
    }
    expect((await vote(server.url, editor, roundId, { [a]: '2' })).status).toBe(400)
    expect((await vote(server.url, viewer, roundId, { [a]: 1 })).status).toBe(403)
    const kept = await getRound(server.url, editor, roundId)
    expect(kept.body.ownAllocation).toEqual({ [a]: 3, [b]: 2 })

    // A replaced allocation replaces, it does not add.
    await vote(server.url, other, roundId, { [c]: 3 })
    await vote(server.url, other, roundId, { [a]: 1, [c]: 2 })
    await vote(server.url, facilitator, roundId, { [b]: 3, [c]: 1 })
    const before = await getRound(server.url, facilitator, roundId)
    expect(before.body).toMatchObject({
      status: 'open',
      participants: 3,
      results: null,
      dotsPerPerson: 5,
      maxPerItem: 3,
      items: [a, b, c],
    })
    expect(before.body.ownAllocation).toEqual({ [b]: 3, [c]: 1 })

    const watcher = await openClient(server.url, viewer)
    const revealed = await reveal(server.url, facilitator, roundId)
    expect(revealed.status).toBe(200)
    const totals = { [a]: 3 + 1, [b]: 2 + 3, [c]: 2 + 1 }
    expect(revealed.body.results).toEqual(totals)
    expect(revealed.body.ownAllocation).toBeNull()
    expect((await getRound(server.url, editor, roundId)).body.results).toEqual(totals)
    await expect
      .poll(() => {
        const round = readRound(watcher.doc, roundId)
        return round && Object.fromEntries(round.items.map((id) => [id, round.results[id]?.dots]))
      })
      .toEqual(totals)
    expect((await vote(server.url, editor, roundId, { [a]: 1 })).status).toBe(409)
  })

  test('ROUND-10 ROUND-11 ROUND-12 consent per principle, notes without names, a rerun', async () => {
    const server = await startTestServer()
    const { facilitator, editor, viewer, workspace } = await workspaceWithRoles(server.url)
    const other = await joinAs(server.url, workspace.keys.editor, 'Otto Ander')
    const writer = await openClient(server.url, facilitator)
    const principleId = addPrinciple(writer.doc, { statement: 'We leren samen digitaal' })
    const watcher = await openClient(server.url, viewer)
    await expect.poll(() => watcher.doc.getMap('principles').has(principleId)).toBe(true)

    const unknown = await createRound(server.url, facilitator, { kind: 'consent', items: ['nee'] })
    expect(unknown.status).toBe(422)
    const roundId = await openRound(server.url, facilitator, {
      kind: 'consent',
      items: [principleId],
    })
    const note = unique('zorg-over-tijd')
    expect(
      (await answerConsent(server.url, editor, roundId, { [principleId]: { choice: 'consent' } }))
        .status,
    ).toBe(200)
    const withNote = await answerConsent(server.url, other, roundId, {
      [principleId]: { choice: 'concern', note },
    })
    expect(withNote.body.ownAnswers).toEqual({ [principleId]: { choice: 'concern', note } })
    const noteOnConsent = await answerConsent(server.url, facilitator, roundId, {
      [principleId]: { choice: 'consent', note: 'mag niet' },
    })
    expect(noteOnConsent.status).toBe(422)
    const badChoice = await answerConsent(server.url, facilitator, roundId, {
      [principleId]: { choice: 'misschien' },
    })
    expect(badChoice.status).toBe(400)
    expect(
      (await answerConsent(server.url, viewer, roundId, { [principleId]: { choice: 'consent' } }))
        .status,
    ).toBe(403)
    await answerConsent(server.url, facilitator, roundId, {
      [principleId]: { choice: 'objection', note: 'te vaag' },
    })
    expect((await getRound(server.url, facilitator, roundId)).body.consentResults).toBeNull()

    const revealed = await reveal(server.url, facilitator, roundId)
    const tally = revealed.body.consentResults?.[principleId]
    expect(tally).toMatchObject({ consent: 1, concern: 1, objection: 1 })
    expect(tally?.notes).toHaveLength(2)
    expect(tally?.notes).toEqual(
      expect.arrayContaining([
        { choice: 'concern', text: note },
        { choice: 'objection', text: 'te vaag' },
      ]),
    )
    await expect.poll(() => latestConsentFor(watcher.doc, principleId)?.result.notes.length).toBe(2)

    const notConsent = await createRound(server.url, facilitator, {
      kind: 'consent',
      items: [principleId],
      rerunOf: 'bestaat-niet',
    })
    expect(notConsent.status).toBe(404)
    const rerun = await openRound(server.url, facilitator, {
      kind: 'consent',
      items: [principleId],
      rerunOf: roundId,
    })
    await answerConsent(server.url, editor, rerun, { [principleId]: { choice: 'consent' } })
    await answerConsent(server.url, other, rerun, { [principleId]: { choice: 'consent' } })
    const second = await reveal(server.url, facilitator, rerun)
    expect(second.body).toMatchObject({ rerunOf: roundId })
    expect(second.body.consentResults?.[principleId]).toEqual({
      consent: 2,
      concern: 0,
      objection: 0,
      notes: [],
    })
    await expect.poll(() => latestConsentFor(watcher.doc, principleId)?.round.id).toBe(rerun)
  })

  test('ROUND-1 rounds survive a restart; the OpenAPI document lists every round endpoint', async () => {
    const dataDir = await testDataDir()
    const first = await startTestServer({ dataDir })
    const { facilitator, editor } = await workspaceWithRoles(first.url)
    const roundId = await openRound(first.url, facilitator, { kind: 'brainstorm', question: 'Q?' })
    const card = await addCard(first.url, editor, roundId, 'blijft bewaard')
    await first.stop()
    const second = await startTestServer({ dataDir })
    const after = await listCards(second.url, editor, roundId)
    expect(after.body.cards).toEqual([{ id: card.body.id, text: 'blijft bewaard' }])

    const spec = (await call(second.url, '/api/openapi.json')).body as {
      paths: Record<string, Record<string, unknown>>
    }
    const base = '/api/workspaces/{id}/rounds'
    const listed = Object.entries(spec.paths)
      .filter(([path]) => path.startsWith(base))
      .flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method} ${path}`))
    expect(listed.sort()).toEqual(
      [
        `post ${base}`,
        `get ${base}`,
        `get ${base}/{roundId}`,
        `post ${base}/{roundId}/reveal`,
        `post ${base}/{roundId}/cards`,
        `get ${base}/{roundId}/cards`,
        `patch ${base}/{roundId}/cards/{cardId}`,
        `delete ${base}/{roundId}/cards/{cardId}`,
        `put ${base}/{roundId}/votes`,
        `put ${base}/{roundId}/consent`,
      ].sort(),
    )
  })
})
