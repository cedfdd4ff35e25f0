import * as prng from 'lib0/prng'
import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { joinAs, workspaceWithRoles } from '../support/api.ts'
import { docContent, stateVectorKey } from '../support/docContent.ts'
import { randomEdit } from '../support/randomEdits.ts'
import { openClient } from '../support/testClients.ts'
import { startTestServer } from '../support/testServer.ts'
import { bodyText, sectionIds, typeInto } from '../support/typing.ts'

describe('sync over real sockets', () => {
  test('SYNC-17 two stock y-websocket clients converge', async () => {
    const server = await startTestServer()
    const { facilitator, editor } = await workspaceWithRoles(server.url)
    const a = await openClient(server.url, facilitator)
    const b = await openClient(server.url, editor)
    const sectionId = sectionIds(a.doc)[0]
    expect(sectionId, 'a new workspace has template sections').toBeDefined()
    expect(docContent(b.doc)).toEqual(docContent(a.doc))

    typeInto(a.doc, sectionId!, 'Wij kiezen voor menselijkheid ')
    typeInto(b.doc, sectionId!, 'omdat relaties ertoe doen ')
    await expect.poll(() => bodyText(b.doc, sectionId!)).toContain('menselijkheid')
    await expect.poll(() => bodyText(a.doc, sectionId!)).toContain('relaties')
    await expect.poll(() => docContent(a.doc)).toEqual(docContent(b.doc))
  })

  test('SYNC-17 twenty clients editing randomly at once converge to identical content', async () => {
    const server = await startTestServer()
    const { workspace, facilitator } = await workspaceWithRoles(server.url)
    const sessions = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        joinAs(server.url, workspace.keys.editor, `Leraar ${i}`),
      ),
    )
    const clients = await Promise.all(sessions.map((s) => openClient(server.url, s)))
    const bodies = sectionIds(clients[0]!.doc)
      .slice(0, 3)
      .map((id) => `body:${id}`)
    expect(bodies.length).toBeGreaterThan(0)

    // Every client makes 40 random body edits on its own timer, all at the same time.
    await Promise.all(
      clients.map(
        (client, i) =>
          new Promise<void>((resolve) => {
            const gen = prng.create(500 + i)
            let left = 40
            const tick = (): void => {
              randomEdit(gen, client.doc, bodies, true)
              if (--left === 0) resolve()
              else setTimeout(tick, prng.int31(gen, 5, 40))
            }
            tick()
          }),
      ),
    )

    // Wait until every replica has seen every client's last edit, then compare content.
    const observer = await openClient(server.url, facilitator)
    await expect
      .poll(
        () => {
          const vector = Y.decodeStateVector(Y.encodeStateVector(observer.doc))
          const complete = clients.every(
            (c) => vector.get(c.doc.clientID) === Y.getState(c.doc.store, c.doc.clientID),
          )
          return (
            complete && clients.every((c) => stateVectorKey(c.doc) === stateVectorKey(observer.doc))
          )
        },
        { timeout: 20_000 },
      )
      .toBe(true)
    const expected = docContent(observer.doc)
    for (const client of clients) expect(docContent(client.doc)).toEqual(expected)
    const edited = bodies.map((name) => observer.doc.getXmlFragment(name).toString()).join('')
    expect(edited.length).toBeGreaterThan(100)
  })
})
