import { monitorEventLoopDelay, performance, type EventLoopUtilization } from 'node:perf_hooks'
import { parentPort, workerData } from 'node:worker_threads'
import { listSections } from '@koers/doc-model'
import * as Y from 'yjs'
import { stateVectorKey } from '../support/docContent.ts'
import { toSparse } from './histogram.ts'
import { now, ReceiptCounter, SendTimes, type Window } from './keystrokes.ts'
import { StockClient } from './stockClient.ts'
import type { StockInit, StockToMain, StockToWorker } from './stockMessages.ts'

const init = workerData as StockInit
const port = parentPort!
const send = (message: StockToMain): void => port.postMessage(message)

const sendTimes = new SendTimes(init.sendTimes, init.clientBase, init.typists)
let window: Window | null = null
const counter = new ReceiptCounter(sendTimes, () => window)
const closes: Record<string, number> = {}
const eld = monitorEventLoopDelay({ resolution: 1 })
let busyAtStart: EventLoopUtilization | null = null
let busy = 0
let keystrokes = 0
let framesAtStart = 0
let framesInWindow = 0
const framesNow = (): number => clients.reduce((n, c) => n + c.frames, 0)
const clients: StockClient[] = []
const typists: {
  index: number
  client: StockClient
  doc: Y.Doc
  text: Y.XmlText
  /** Characters typed; a server that refused the paragraph leaves fewer in `text`. */
  typed: number
}[] = []
const timers: NodeJS.Timeout[] = []

async function connect(plan: StockInit['clients'][number]): Promise<void> {
  const server = new URL(plan.url).host
  const doc = plan.typist === undefined ? undefined : new Y.Doc()
  if (doc) doc.clientID = init.clientBase + plan.typist!
  const client = new StockClient({
    url: plan.url,
    framing: init.framing,
    room: init.room,
    now,
    doc,
    onUpdate: (update, at) =>
      counter.onUpdate(update, at, (c) => init.typistServers[c - init.clientBase] !== server),
    onClose: (code) => (closes[code] = (closes[code] ?? 0) + 1),
  })
  clients.push(client)
  await client.synced
  if (!doc) return
  // Each typist writes at the end of a paragraph of its own, in one of the first sections.
  const sections = listSections(doc)
  const section = sections[plan.typist! % Math.min(3, sections.length)]!
  const body = doc.getXmlFragment(`body:${section.id}`)
  const paragraph = new Y.XmlElement('paragraph')
  const text = new Y.XmlText()
  paragraph.insert(0, [text])
  body.insert(body.length, [paragraph])
  typists.push({ index: plan.typist!, client, doc, text, typed: 0 })
}

async function connectAll(): Promise<void> {
  const queue = [...init.clients]
  const lanes = Array.from({ length: 16 }, async () => {
    for (let plan = queue.shift(); plan; plan = queue.shift()) await connect(plan)
  })
  await Promise.all(lanes)
}

function keystroke(typist: (typeof typists)[number]): void {
  const at = now()
  if (window && at > window.stop) return
  const { doc, text } = typist
  sendTimes.set(typist.index, Y.getState(doc.store, doc.clientID), at)
  text.insert(text.length, String.fromCharCode(97 + (keystrokes % 26)))
  typist.typed++
  typist.client.awareness!.setLocalStateField('cursor', {
    anchor: text.length,
    head: text.length,
  })
  if (window && at >= window.start) keystrokes++
}

port.on('message', (message: StockToWorker) => {
  switch (message.type) {
    case 'type': {
      window = message.window
      eld.enable()
      timers.push(
        setTimeout(
          () => {
            busyAtStart = performance.eventLoopUtilization()
            framesAtStart = framesNow()
          },
          Math.max(0, message.window.start - now()),
        ),
      )
      const intervalMs = 1000 / init.keysPerSecond
      for (const typist of typists) {
        timers.push(
          setTimeout(
            () => timers.push(setInterval(() => keystroke(typist), intervalMs)),
            Math.random() * intervalMs,
          ),
        )
      }
      break
    }
    case 'stop-typing':
      for (const t of timers) clearInterval(t)
      if (busyAtStart) busy = performance.eventLoopUtilization(busyAtStart).utilization
      framesInWindow = framesNow() - framesAtStart
      break
    case 'report':
      eld.disable()
      send({
        type: 'report',
        histogram: toSparse(counter.histogram),
        fromOtherServer: toSparse(counter.fromOtherServer),
        keystrokes,
        eldP99Ms: Math.max(0, eld.percentile(99) / 1e6 - 1),
        busy,
        frames: framesInWindow,
        closes,
        stateVectors: typists.map((t) => stateVectorKey(t.doc)),
        textKept: typists.every((t) => t.text.length === t.typed),
      })
      break
    case 'close':
      for (const t of timers) clearInterval(t)
      for (const c of clients) c.close()
      send({ type: 'closed' })
      setImmediate(() => process.exit(0))
      break
  }
})

connectAll().then(
  () => send({ type: 'ready' }),
  (error: unknown) =>
    send({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
)
