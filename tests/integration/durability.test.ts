import { describe, expect, test, vi } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { joinAs, workspaceWithRoles } from '../support/api.ts'
import { docContent } from '../support/docContent.ts'
import { connectProvider, disposeProvider, waitForSync } from '../support/provider.ts'
import { openClient } from '../support/testClients.ts'
import { startTestServer } from '../support/testServer.ts'
import { bodyText, sectionIds, typeInto } from '../support/typing.ts'

const tokenPattern = /k\d+_\d+_\d+/g

function tokensIn(doc: Y.Doc, sections: string[]): Set<string> {
  const text = sections.map((id) => bodyText(doc, id)).join(' ')
  return new Set(text.match(tokenPattern) ?? [])
}

/** Each typist appends a unique token (`k<round>_<typist>_<n>`) every 30 ms until stopped. */
function startTyping(typists: WebsocketProvider[], sections: string[], round: number): () => void {
  const timers = typists.map((provider, i) => {
    let n = 0
    return setInterval(() => {
      typeInto(provider.doc, sections[i % sections.length]!, `k${round}_${i}_${n++} `)
    }, 15)
  })
  return () => timers.forEach((t) => clearInterval(t))
}

function nextClose(provider: WebsocketProvider): Promise<void> {
  return new Promise((resolve) => {
    const onClose = (): void => {
      provider.off('connection-close', onClose)
      resolve()
    }
    provider.on('connection-close', onClose)
  })
}

describe('DUR durability across restarts', () => {
  test('DUR-8 shutdown flushes: the document reloads unchanged after a graceful restart', async () => {
    const server = await startTestServer()
    const { workspace, facilitator, editor } = await workspaceWithRoles(server.url)
    const a = await openClient(server.url, facilitator)
    const b = await openClient(server.url, editor)
    const sectionId = sectionIds(a.doc)[0]!
    typeInto(a.doc, sectionId, 'Ons onderwijs als vertrekpunt. ')
    typeInto(b.doc, sectionId, 'Met menselijkheid als kompas.')
    await expect.poll(() => bodyText(a.doc, sectionId)).toContain('kompas')
    await expect.poll(() => docContent(b.doc)).toEqual(docContent(a.doc))
    const before = docContent(a.doc)

    await server.stop()
    const again = await startTestServer({ dataDir: server.dataDir })
    const reader = await openClient(
      again.url,
      await joinAs(again.url, workspace.keys.viewer, 'Na herstart'),
    )
    expect(docContent(reader.doc)).toEqual(before)
  })

  test('DUR-1 durable before broadcast: after kill -9 every update a client had received is still there', async () => {
    let server = await startTestServer()
    const { workspace } = await workspaceWithRoles(server.url)
    let sections: string[] = []
    const seen = new Set<string>()

    for (const round of [1, 2]) {
      const typistSessions = await Promise.all(
        [0, 1, 2, 3].map((i) => joinAs(server.url, workspace.keys.editor, `Typist ${i}`)),
      )
      const typists = await Promise.all(
        typistSessions.map(async (s) => {
          const p = await connectProvider(server.url, s.workspaceId, s.cookie)
          await waitForSync(p)
          return p
        }),
      )
      const observerSession = await joinAs(server.url, workspace.keys.viewer, 'Observer')
      const observer = await connectProvider(
        server.url,
        observerSession.workspaceId,
        observerSession.cookie,
      )
      await waitForSync(observer)
      sections = sectionIds(observer.doc).slice(0, 2)
      // Round 2 starts from the recovered document: what round 1 saw must already be there.
      for (const token of seen) expect(tokensIn(observer.doc, sections).has(token)).toBe(true)

      const stop = startTyping(typists, sections, round)
      await vi.waitFor(
        () => expect(tokensIn(observer.doc, sections).size).toBeGreaterThan(seen.size + 150),
        { timeout: 20_000, interval: 20 },
      )
      const observerClosed = nextClose(observer)
      await server.kill('SIGKILL')
      stop()
      // Everything the observer got before its socket closed counts as received.
      await observerClosed
      for (const token of tokensIn(observer.doc, sections)) seen.add(token)
      // Sanity: the observer saw nothing the typists did not type (their copies hold at least as much).
      const typed = new Set(typists.flatMap((t) => [...tokensIn(t.doc, sections)]))
      expect(typed.size).toBeGreaterThanOrEqual(seen.size)
      for (const p of [...typists, observer]) disposeProvider(p)

      server = await startTestServer({ dataDir: server.dataDir })
    }

    const reader = await openClient(
      server.url,
      await joinAs(server.url, workspace.keys.viewer, 'Lezer'),
    )
    const recovered = tokensIn(reader.doc, sections)
    const missing = [...seen].filter((t) => !recovered.has(t))
    expect(missing).toEqual([])
    expect(seen.size).toBeGreaterThan(300)
  })
})
