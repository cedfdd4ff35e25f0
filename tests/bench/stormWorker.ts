import { setTimeout as delay } from 'node:timers/promises'
import { parentPort } from 'node:worker_threads'
import { now } from './keystrokes.ts'
import { StockClient } from './stockClient.ts'
import type { StormToMain, StormToWorker } from './stormMessages.ts'

const port = parentPort!
const send = (message: StormToMain): void => port.postMessage(message)

/** Connects every client at once; each until sync step 2 (two minutes at most). */
async function join(message: Extract<StormToWorker, { type: 'join' }>): Promise<void> {
  const clients = message.urls.map(
    (url) => new StockClient({ url, framing: message.framing, room: message.room, now }),
  )
  const results = await Promise.allSettled(
    clients.map((c) =>
      Promise.race([c.synced, delay(120_000).then(() => Promise.reject(new Error('timeout')))]),
    ),
  )
  for (const c of clients) c.close()
  send({ type: 'synced', at: results.map((r) => (r.status === 'fulfilled' ? r.value.at : null)) })
}

port.on('message', (message: StormToWorker) => {
  switch (message.type) {
    case 'join':
      join(message).catch((error: unknown) =>
        send({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
      )
      break
    case 'close':
      send({ type: 'closed' })
      setImmediate(() => process.exit(0))
      break
  }
})

send({ type: 'ready' })
