import pidusage from 'pidusage'
import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { createWorkspace, joinAs, workspaceWithRoles } from '../support/api.ts'
import { syncStep1Frame, updateFrame } from '../support/frames.ts'
import { openClient, openRawSocket } from '../support/testClients.ts'
import { startTestServer } from '../support/testServer.ts'
import { bodyOf, bodyText, sectionIds, typeInto } from '../support/typing.ts'

const MB = 2 ** 20
/** The flooders' client ids: one per update, each five bytes long. */
const FLOODER = 0xf000_0000

/**
 * An update of `count` one-character items that cannot merge, in a new paragraph. Its size
 * depends on the client id (a varuint in every item): ids from 2^28 up take five bytes, so the
 * size never depends on a random id.
 */
function floodUpdate(base: Y.Doc, sectionId: string, count: number, clientId: number): Uint8Array {
  const doc = new Y.Doc()
  doc.clientID = clientId
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(base))
  const before = Y.encodeStateVector(doc)
  doc.transact(() => {
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText('')])
    bodyOf(doc, sectionId).push([paragraph])
    const text = bodyOf(doc, sectionId).get(bodyOf(doc, sectionId).length - 1) as Y.XmlElement
    const inner = text.get(0) as Y.XmlText
    for (let i = 0; i < count; i++) inner.insert(i % 2 === 0 ? 0 : inner.length, 'x')
  })
  return Y.encodeStateAsUpdate(doc, before)
}

const rssMb = async (pid: number): Promise<number> => (await pidusage(pid)).memory / MB

const healthz = async (url: string): Promise<number> => {
  const started = performance.now()
  const res = await fetch(`${url}/healthz`)
  await res.text()
  expect(res.status).toBe(200)
  return performance.now() - started
}

/** Two people who type in one workspace and see each other's text: proof it still works. */
async function typingWorks(url: string, editorKey: string, marker: string): Promise<void> {
  const a = await openClient(url, await joinAs(url, editorKey, 'Anna'))
  const b = await openClient(url, await joinAs(url, editorKey, 'Bram'))
  const first = sectionIds(a.doc)[0]!
  typeInto(a.doc, first, marker)
  await expect.poll(() => bodyText(b.doc, first), { timeout: 20_000 }).toContain(marker)
}

describe('hostile load cannot crash, brick or stall Koers', () => {
  test('LIM-3 rooms filled with tiny items never take the process down; other rooms keep syncing; RSS stays near the budget', async () => {
    const server = await startTestServer({ env: { KOERS_MEMORY_BUDGET_MB: '64' } })
    const normal = await workspaceWithRoles(server.url)
    // The process itself (Node, tsx, the modules) before any flood: what the budget adds to.
    const baseline = await rssMb(server.process.pid!)
    const closes: number[] = []
    for (let room = 0; room < 6; room++) {
      const workspace = await createWorkspace(server.url)
      const attacker = await openRawSocket(
        server.url,
        await joinAs(server.url, workspace.keys.editor, `Aanvaller ${room}`),
      )
      const local = new Y.Doc()
      await attacker.sync(local)
      const first = sectionIds(local)[0]!
      for (let round = 0; round < 4 && attacker.ws.readyState === attacker.ws.OPEN; round++) {
        attacker.send(updateFrame(floodUpdate(local, first, 100_000, FLOODER + room * 4 + round)))
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
      closes.push((await attacker.closed).code)
    }
    // Every flooder was stopped: by the budget (1013) or the document's struct cap (4413).
    expect(closes.every((code) => code === 1013 || code === 4413)).toBe(true)
    expect(closes).toContain(1013)
    expect(await healthz(server.url)).toBeLessThan(5_000)
    // Before: about 300 MB per flooded room (1.8 GB for these six), and the process died after
    // 15 rooms. Now the growth is the 64 MB budget plus what V8 keeps of the refused frames'
    // garbage, which on a busy machine it may take a while to give back.
    await expect
      .poll(async () => (await rssMb(server.process.pid!)) - baseline, {
        timeout: 60_000,
        interval: 1_000,
      })
      .toBeLessThan(64 + 300)
    await typingWorks(server.url, normal.workspace.keys.editor, 'het team typt gewoon door')
  }, 180_000)

  test('SYNC-22 a viewer’s flood of large valid updates is cut off at once; others keep typing', async () => {
    const server = await startTestServer()
    const { workspace, viewer } = await workspaceWithRoles(server.url)
    const attacker = await openRawSocket(server.url, viewer)
    const local = new Y.Doc()
    await attacker.sync(local)
    const big = updateFrame(floodUpdate(local, sectionIds(local)[0]!, 150_000, FLOODER))
    expect(big.byteLength).toBeGreaterThan(1.5 * MB)
    let sent = 0
    for (; sent < 100 && attacker.ws.readyState === attacker.ws.OPEN; sent++) attacker.send(big)
    const { code } = await attacker.closed
    expect([4429, 4403]).toContain(code)
    expect(await healthz(server.url)).toBeLessThan(5_000)
    await typingWorks(server.url, workspace.keys.editor, 'de meelezer is weg')
  })

  test('SYNC-21 fifty paused sockets asking three times for a big document do not grow memory', async () => {
    const server = await startTestServer()
    const { workspace, viewer } = await workspaceWithRoles(server.url)
    const reader = await openClient(server.url, viewer)
    const first = sectionIds(reader.doc)[0]!
    // Three writers (each within its own byte budget) paste almost 2 MB each.
    for (let i = 0; i < 3; i++) {
      const writer = await openClient(
        server.url,
        await joinAs(server.url, workspace.keys.facilitator, `Schrijver ${i}`),
      )
      typeInto(writer.doc, first, String(i).repeat(1.9 * MB))
      await expect
        .poll(() => bodyText(reader.doc, first).length, { timeout: 20_000 })
        .toBeGreaterThan((i + 1) * 1.9 * MB)
    }
    const before = await rssMb(server.process.pid!)
    const sockets = await Promise.all(
      Array.from({ length: 50 }, async (_, i) =>
        openRawSocket(server.url, await joinAs(server.url, workspace.keys.viewer, `Stil ${i}`)),
      ),
    )
    for (const socket of sockets) {
      socket.ws.pause()
      for (let i = 0; i < 3; i++) socket.send(syncStep1Frame(new Y.Doc()))
    }
    await expect.poll(() => healthz(server.url)).toBeLessThan(5_000)
    const after = await rssMb(server.process.pid!)
    // Before: 183 → 1,192 MB. One shared copy of the 6 MB state, one reply per socket.
    expect(after - before).toBeLessThan(150)
  })
})
