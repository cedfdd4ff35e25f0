/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS on purpose: preloaded with --require / the reference server is CommonJS */
// The y-websocket 2.1 reference server (bin/server.cjs with `setupWSConnection`), with a
// persistence that loads `<KOERS_BENCH_DOC_DIR>/<room>.bin` when a room is first opened, as
// y-leveldb would (read from disk, then applied). Started by tests/bench/peerServer.ts.
const { readFileSync, existsSync } = require('node:fs')
const http = require('node:http')
const { join } = require('node:path')
const WebSocket = require('ws')
const Y = require('yjs')
const utils = require('y-websocket-2/bin/utils')

const dir = process.env.KOERS_BENCH_DOC_DIR
utils.setPersistence({
  provider: null,
  bindState: (docName, ydoc) => {
    const file = join(dir, `${docName}.bin`)
    if (existsSync(file)) Y.applyUpdate(ydoc, readFileSync(file))
  },
  writeState: async () => {},
})

const wss = new WebSocket.Server({ noServer: true })
wss.on('connection', utils.setupWSConnection)
const server = http.createServer((_request, response) => {
  response.writeHead(200, { 'Content-Type': 'text/plain' })
  response.end('okay')
})
server.on('upgrade', (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request))
})
server.listen(0, '127.0.0.1', () => {
  console.log(`peer listening on ${server.address().port}`)
})
