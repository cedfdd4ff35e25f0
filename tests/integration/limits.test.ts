import { CloseCode } from '@koers/protocol'
import * as encoding from 'lib0/encoding'
import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { workspaceWithRoles } from '../support/api.ts'
import { updateFrame } from '../support/frames.ts'
import type { RawSocket } from '../support/rawSocket.ts'
import { openClient, openRawSocket } from '../support/testClients.ts'
import { startTestServer } from '../support/testServer.ts'
import { bodyText, sectionIds, typeInto } from '../support/typing.ts'

const maxFrameBytes = 64 * 1024

function bytes(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder()
  write(e)
  return encoding.toUint8Array(e)
}

/** A valid update frame with a large text insert, `size` bytes of text. */
function largeUpdateFrame(size: number): Uint8Array {
  const doc = new Y.Doc()
  doc.getXmlFragment('body:x').insert(0, [new Y.XmlText('a'.repeat(size))])
  return updateFrame(Y.encodeStateAsUpdate(doc))
}

const badFrames: { rule: string; name: string; frame: () => Uint8Array; code: number }[] = [
  {
    rule: 'SYNC-7',
    name: 'unknown message kind',
    frame: () => bytes((e) => encoding.writeVarUint(e, 99)),
    code: CloseCode.MalformedFrame,
  },
  {
    rule: 'SYNC-7',
    name: 'sync update whose bytes are not a Yjs update',
    frame: () =>
      bytes((e) => {
        encoding.writeVarUint(e, 0)
        encoding.writeVarUint(e, 2)
        encoding.writeVarUint8Array(e, new Uint8Array([5, 200, 1, 7, 7, 7, 250]))
      }),
    code: CloseCode.MalformedFrame,
  },
  {
    rule: 'SYNC-7',
    name: 'truncated update frame',
    frame: () => {
      const full = largeUpdateFrame(200)
      return full.subarray(0, Math.floor(full.length / 2))
    },
    code: CloseCode.MalformedFrame,
  },
  {
    rule: 'SYNC-7',
    name: 'trailing bytes after a valid message',
    frame: () => {
      const full = largeUpdateFrame(10)
      return Uint8Array.from([...full, 0, 0, 0])
    },
    code: CloseCode.MalformedFrame,
  },
  {
    rule: 'SYNC-8',
    name: `frame over KOERS_MAX_FRAME_BYTES (${maxFrameBytes})`,
    frame: () => largeUpdateFrame(maxFrameBytes + 1024),
    code: CloseCode.FrameTooLarge,
  },
]

async function closeWith(socket: RawSocket, frame: Uint8Array): Promise<number> {
  socket.send(frame)
  const closed = await socket.closed
  return closed.code
}

describe('SYNC-7, SYNC-8 bad frames close only their own socket', () => {
  test.each(badFrames)(
    '$rule $name → close code $code, others keep syncing',
    async ({ frame, code }) => {
      const server = await startTestServer({
        env: { KOERS_MAX_FRAME_BYTES: String(maxFrameBytes) },
      })
      const { facilitator, editor } = await workspaceWithRoles(server.url)
      const writer = await openClient(server.url, facilitator)
      const reader = await openClient(server.url, editor)
      const sectionId = sectionIds(writer.doc)[0]!
      const bad = await openRawSocket(server.url, editor)
      await bad.sync(new Y.Doc())

      expect(await closeWith(bad, frame())).toBe(code)

      // The other sockets stay open and keep syncing both ways.
      typeInto(writer.doc, sectionId, 'nog steeds verbonden')
      await expect.poll(() => bodyText(reader.doc, sectionId)).toContain('nog steeds verbonden')
      typeInto(reader.doc, sectionId, ' en terug')
      await expect.poll(() => bodyText(writer.doc, sectionId)).toContain('en terug')
      expect(writer.provider.wsconnected).toBe(true)
      expect(reader.provider.wsconnected).toBe(true)
      // Nothing from the bad frame reached the document.
      expect(writer.doc.share.has('body:x') ? writer.doc.getXmlFragment('body:x').length : 0).toBe(
        0,
      )
    },
  )
})
