// Hocuspocus (`@hocuspocus/server`), default configuration, with an `onLoadDocument` that
// loads `<KOERS_BENCH_DOC_DIR>/<room>.bin` when a document is first opened. Started by
// tests/bench/peerServer.ts.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Server } from '@hocuspocus/server'
import * as Y from 'yjs'

const dir = process.env.KOERS_BENCH_DOC_DIR
const server = new Server({
  port: 0,
  address: '127.0.0.1',
  quiet: true,
  async onLoadDocument({ document, documentName }) {
    const file = join(dir, `${documentName}.bin`)
    if (existsSync(file)) Y.applyUpdate(document, readFileSync(file))
    return document
  },
})
await server.listen()
console.log(`peer listening on ${server.address.port}`)
