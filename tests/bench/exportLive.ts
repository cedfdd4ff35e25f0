/**
 * The live part of `pnpm bench:export` (EXP-17): a real server holds the typed vision (imported
 * through the API), a few stock y-websocket clients type in it, and one more client measures
 * how long each keystroke takes to reach it. First without exports, then while PDF and Word
 * exports of the same workspace run back to back through the API; the end-to-end export times
 * (request to last byte) are measured too.
 *
 * Env: KOERS_BENCH_LIVE_SECONDS (10 per phase), KOERS_BENCH_TYPISTS (4).
 */
import { buildBackup } from '@koers/export'
import { listSections } from '@koers/doc-model'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { joinAs, keyOfLink } from '../support/api.ts'
import { download, exportPath, importBackup } from '../support/deliverApi.ts'
import { addParagraph } from '../support/paragraphs.ts'
import { disposeProvider, syncedProvider } from '../support/provider.ts'
import { removeDataDir, spawnServer } from '../support/spawnServer.ts'
import { count, newHistogram, quantile, record } from './histogram.ts'

const seconds = Number(process.env.KOERS_BENCH_LIVE_SECONDS ?? 10)
const typistCount = Number(process.env.KOERS_BENCH_TYPISTS ?? 4)
const KEYS_PER_SECOND = 5

export interface LivePhase {
  keystrokes: number
  p50: number
  p99: number
  max: number
}

export interface LiveResult {
  idle: LivePhase
  exporting: LivePhase
  exportsMs: Record<'pdf' | 'docx', number[]>
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length === 0
    ? Number.NaN
    : sorted.length % 2
      ? sorted[mid]!
      : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** Keystroke send times by Yjs (client, clock), and their arrival at the listener. */
class KeystrokeClock {
  private readonly sent = new Map<number, Map<number, number>>()
  histogram = newHistogram()
  max = 0

  typed(client: number, clock: number): void {
    let clocks = this.sent.get(client)
    if (!clocks) this.sent.set(client, (clocks = new Map()))
    clocks.set(clock, performance.now())
  }

  arrived(update: Uint8Array): void {
    const now = performance.now()
    const { from, to } = Y.parseUpdateMeta(update)
    for (const [client, start] of from) {
      const clocks = this.sent.get(client)
      if (!clocks) continue
      for (let clock = start; clock < (to.get(client) ?? start); clock++) {
        const at = clocks.get(clock)
        if (at === undefined) continue
        clocks.delete(clock)
        record(this.histogram, now - at)
        this.max = Math.max(this.max, now - at)
      }
    }
  }

  phase(): LivePhase {
    const result = {
      keystrokes: count(this.histogram),
      p50: quantile(this.histogram, 0.5),
      p99: quantile(this.histogram, 0.99),
      max: this.max,
    }
    this.histogram = newHistogram()
    this.max = 0
    return result
  }
}

/** Each typist types `KEYS_PER_SECOND` letters a second at the end of its own paragraph. */
function startTyping(typists: WebsocketProvider[], texts: Y.XmlText[], clock: KeystrokeClock) {
  const timers = typists.map((typist, i) =>
    setInterval(() => {
      const doc = typist.doc
      const text = texts[i]!
      const at = Y.getState(doc.store, doc.clientID)
      clock.typed(doc.clientID, at)
      text.insert(text.length, 'abcdefghij'[at % 10]!)
    }, 1000 / KEYS_PER_SECOND),
  )
  return () => timers.forEach(clearInterval)
}

export async function measureLiveTyping(vision: Y.Doc): Promise<LiveResult> {
  const server = await spawnServer({
    env: {
      KOERS_EXPORT_WARMUP: '1',
      KOERS_CREATES_PER_HOUR: '100000',
      KOERS_JOINS_PER_MINUTE: '100000',
    },
  })
  const providers: WebsocketProvider[] = []
  try {
    const imported = await importBackup(server.url, JSON.stringify(buildBackup(vision)))
    if (imported.status !== 201) throw new Error(`import failed: ${JSON.stringify(imported.body)}`)
    const { id, links } = imported.body as { id: string; links: Record<string, string> }
    const reader = await joinAs(server.url, keyOfLink(links.viewer!), 'Lezer')
    // The first export in the fresh worker is the warm-up's; the server did one at start.
    await download(server.url, exportPath(id, 'format=pdf'), reader.cookie).catch(() =>
      download(server.url, exportPath(id, 'format=pdf'), reader.cookie),
    )

    const clock = new KeystrokeClock()
    const listener = await syncedProvider(server.url, id, reader.cookie)
    providers.push(listener)
    listener.doc.on('update', (update: Uint8Array) => clock.arrived(update))
    const typists: WebsocketProvider[] = []
    const texts: Y.XmlText[] = []
    for (let i = 0; i < typistCount; i++) {
      // Facilitators: the typed vision is adopted, so editors' changes would be reverted (PERM-9).
      const session = await joinAs(server.url, keyOfLink(links.facilitator!), `Typist ${i + 1}`)
      const typist = await syncedProvider(server.url, id, session.cookie)
      providers.push(typist)
      typists.push(typist)
      const sections = listSections(typist.doc)
      texts.push(addParagraph(typist.doc, sections[i % sections.length]!.id, 'Live: '))
    }

    const phase = async (exports: boolean) => {
      const stop = startTyping(typists, texts, clock)
      const exportsMs: Record<'pdf' | 'docx', number[]> = { pdf: [], docx: [] }
      const until = performance.now() + seconds * 1000
      await new Promise((resolve) => setTimeout(resolve, 1000))
      clock.phase() // the first second warms the sockets up
      if (exports) {
        let n = 0
        while (performance.now() < until) {
          const format = n++ % 2 === 0 ? 'pdf' : 'docx'
          const started = performance.now()
          // A kept-alive socket the server just closed fails once; a fresh one does not.
          const file = await download(
            server.url,
            exportPath(id, `format=${format}&questions=1&appendix=1`),
            reader.cookie,
          ).catch(() =>
            download(
              server.url,
              exportPath(id, `format=${format}&questions=1&appendix=1`),
              reader.cookie,
            ),
          )
          if (file.status !== 200) throw new Error(`export ${format}: ${file.status} ${file.text}`)
          exportsMs[format].push(performance.now() - started)
        }
      } else {
        await new Promise((resolve) => setTimeout(resolve, until - performance.now()))
      }
      stop()
      // Let the last keystrokes arrive.
      await new Promise((resolve) => setTimeout(resolve, 500))
      return { result: clock.phase(), exportsMs }
    }

    const idle = await phase(false)
    const exporting = await phase(true)
    return { idle: idle.result, exporting: exporting.result, exportsMs: exporting.exportsMs }
  } catch (error) {
    console.error(`The server said:\n${server.output().slice(-4000)}`)
    throw error
  } finally {
    for (const provider of providers) disposeProvider(provider)
    await server.stop()
    await removeDataDir(server.dataDir)
  }
}

export function printLive(live: LiveResult): void {
  const row = (name: string, p: LivePhase) =>
    `${name.padEnd(28)} ${String(p.keystrokes).padStart(6)}  ${p.p50.toFixed(1).padStart(6)}  ${p.p99.toFixed(1).padStart(6)}  ${p.max.toFixed(1).padStart(7)}`
  console.log(
    `\nLive typing in the same room through a real server (${typistCount} stock y-websocket typists, ${KEYS_PER_SECOND} keys/s each, ${seconds} s per phase):`,
  )
  console.log(
    `${'phase'.padEnd(28)} ${'keys'.padStart(6)}  ${'p50'.padStart(6)}  ${'p99'.padStart(6)}  ${'max'.padStart(7)}  (ms)`,
  )
  console.log(row('no export', live.idle))
  console.log(row('exports back to back (API)', live.exporting))
  for (const format of ['pdf', 'docx'] as const) {
    const runs = live.exportsMs[format]
    console.log(
      `End-to-end ${format.toUpperCase()} through the API (request to last byte, questions + appendix): ` +
        `median ${median(runs).toFixed(0)} ms over ${runs.length} (${runs.map((ms) => ms.toFixed(0)).join(', ')})`,
    )
  }
}
