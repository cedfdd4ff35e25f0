import { createHash } from 'node:crypto'
import { monitorEventLoopDelay, performance, type EventLoopUtilization } from 'node:perf_hooks'
import { parentPort, workerData } from 'node:worker_threads'
import { sendOnlyOwnAwareness } from '@koers/protocol'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { ticket } from '../support/api.ts'
import { docContent, stateVectorKey } from '../support/docContent.ts'
import { connectProvider, waitForSync } from '../support/provider.ts'
import { toSparse } from './histogram.ts'
import { now, ReceiptCounter, SendTimes, type Window } from './keystrokes.ts'
import { connectListener, type Listener } from './listener.ts'
import type { ClientPlan, ToMain, ToWorker, WorkerInit } from './fanoutMessages.ts'

const init = workerData as WorkerInit
const port = parentPort!
const send = (message: ToMain): void => port.postMessage(message)

const sendTimes = new SendTimes(init.sendTimes, init.clientBase, init.typists)
let window: Window | null = null
const counter = new ReceiptCounter(sendTimes, () => window)
const closes: Record<string, number> = {}
const eld = monitorEventLoopDelay({ resolution: 1 })
let busyAtStart: EventLoopUtilization | null = null
let busy = 0

interface Typist {
  index: number
  provider: WebsocketProvider
  text: Y.XmlText
}

const typists: Typist[] = []
const samples: WebsocketProvider[] = []
const listeners: Listener[] = []
const timers: NodeJS.Timeout[] = []
let keystrokes = 0

function countClose(code: number): void {
  closes[code] = (closes[code] ?? 0) + 1
}

function watchProvider(provider: WebsocketProvider): void {
  provider.doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin === provider) counter.onUpdate(update, now())
  })
  provider.on('connection-close', (event) => countClose(event?.code ?? 0))
}

async function connect(plan: ClientPlan): Promise<void> {
  if (plan.kind === 'listener') {
    const value = await ticket(init.url, init.workspaceId, plan.cookie)
    const listener = connectListener(
      `${init.wsUrl}/${init.workspaceId}?ticket=${encodeURIComponent(value)}`,
      {
        now,
        onUpdate: (update, at) => counter.onUpdate(update, at),
        onClose: countClose,
      },
    )
    listeners.push(listener)
    await listener.synced
    return
  }
  const doc = new Y.Doc()
  if (plan.kind === 'typist') doc.clientID = init.clientBase + plan.typist
  const provider = await connectProvider(init.url, init.workspaceId, plan.cookie, doc)
  watchProvider(provider)
  if (init.typistAwareness === 'own') sendOnlyOwnAwareness(provider)
  await waitForSync(provider, 60_000)
  if (plan.kind === 'sample') {
    samples.push(provider)
    return
  }
  // Each typist writes in its own paragraph of one of the sections.
  const body = doc.getXmlFragment(`body:${init.sections[plan.typist % init.sections.length]}`)
  const paragraph = new Y.XmlElement('paragraph')
  const text = new Y.XmlText()
  paragraph.insert(0, [text])
  body.insert(body.length, [paragraph])
  typists.push({ index: plan.typist, provider, text })
}

async function connectAll(): Promise<void> {
  // A few at a time, as a room fills in practice; everything is bounded by the caller's timeout.
  const queue = [...init.clients]
  const lanes = Array.from({ length: 16 }, async () => {
    for (let plan = queue.shift(); plan; plan = queue.shift()) await connect(plan)
  })
  await Promise.all(lanes)
}

function keystroke(typist: Typist): void {
  const at = now()
  if (window && at > window.stop) return
  const doc = typist.provider.doc
  // The clock the next insert gets, registered before sending so no receiver can be first.
  sendTimes.set(typist.index, Y.getState(doc.store, doc.clientID), at)
  typist.text.insert(typist.text.length, String.fromCharCode(97 + (keystrokes % 26)))
  typist.provider.awareness.setLocalStateField('cursor', {
    anchor: typist.text.length,
    head: typist.text.length,
  })
  if (window && at >= window.start) keystrokes++
}

function startTyping(w: Window): void {
  window = w
  eld.enable()
  const beginWindow = setTimeout(
    () => {
      busyAtStart = performance.eventLoopUtilization()
    },
    Math.max(0, w.start - now()),
  )
  timers.push(beginWindow)
  for (const typist of typists) {
    const intervalMs = 1000 / init.keysPerSecond
    const begin = setTimeout(() => {
      timers.push(setInterval(() => keystroke(typist), intervalMs))
    }, Math.random() * intervalMs)
    timers.push(begin)
  }
}

function digest(doc: Y.Doc): { stateVector: string; content: string } {
  return {
    stateVector: stateVectorKey(doc),
    content: createHash('sha1')
      .update(JSON.stringify(docContent(doc)))
      .digest('hex'),
  }
}

port.on('message', (message: ToWorker) => {
  switch (message.type) {
    case 'type':
      startTyping(message.window)
      break
    case 'stop-typing':
      for (const t of timers) clearInterval(t)
      if (busyAtStart) busy = performance.eventLoopUtilization(busyAtStart).utilization
      break
    case 'report':
      eld.disable()
      send({
        type: 'report',
        histogram: toSparse(counter.histogram),
        receipts: counter.receipts,
        keystrokes,
        // The histogram includes the 1 ms sampling interval itself; report only the excess.
        eldP99Ms: Math.max(0, eld.percentile(99) / 1e6 - 1),
        busy,
        closes,
        digests: [...typists.map((t) => t.provider.doc), ...samples.map((p) => p.doc)].map(digest),
      })
      break
    case 'close':
      for (const t of timers) clearInterval(t)
      for (const provider of [...typists.map((t) => t.provider), ...samples]) provider.destroy()
      for (const listener of listeners) listener.ws.terminate()
      send({ type: 'closed' })
      setImmediate(() => process.exit(0))
      break
  }
})

connectAll().then(
  () => send({ type: 'ready', connected: init.clients.length }),
  (error: unknown) =>
    send({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
)
