/**
 * Export benchmark (`pnpm bench:export`): a typed 30-page vision (13 sections, about 12,000
 * words typed keystroke by keystroke, 20 principles, 30 action points) exported to every format,
 * each format in its own process: median, min and max of 5 runs after one warm-up run, output
 * size, and peak RSS and (sampled) heap. Targets from docs/export.md (EXP-15). See
 * docs/benchmark.md.
 *
 * Then the live part (exportLive.ts): typing latency in the same room with and without exports
 * running through the API, and the end-to-end export time.
 *
 * Env: KOERS_BENCH_RUNS (5), KOERS_BENCH_SEED (1), KOERS_BENCH_SKIP=live.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { EXPORT_FORMATS, exportWorkspace, type ExportFormat } from '@koers/export'
import { listSections, sectionBody } from '@koers/doc-model'
import * as Y from 'yjs'
import { repoRoot } from '../support/spawnServer.ts'
import { historySize, typedVision } from '../support/typedVision.ts'
import type { FormatResult } from './exportRun.ts'

const runs = Number(process.env.KOERS_BENCH_RUNS ?? 5)
const seed = Number(process.env.KOERS_BENCH_SEED ?? 1)
const size = { words: 12_000, sections: 13, principles: 20, actions: 30 }
const targetsMs: Partial<Record<ExportFormat, number>> = {
  docx: 1000,
  pdf: 2000,
  md: 200,
  html: 200,
}

function words(doc: Y.Doc): number {
  const text = (node: Y.XmlFragment | Y.XmlElement): string =>
    node
      .toArray()
      .map((child) =>
        child instanceof Y.XmlText
          ? `${child.toString()} `
          : child instanceof Y.XmlElement
            ? text(child)
            : '',
      )
      .join('')
  return listSections(doc)
    .map((section) => text(sectionBody(doc, section.id)).split(/\s+/).filter(Boolean).length)
    .reduce((a, b) => a + b, 0)
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((r) => (r[col] ?? '').length)))
  return rows
    .map((r) =>
      r
        .map((cell, col) => (col === 0 ? cell.padEnd(widths[col]!) : cell.padStart(widths[col]!)))
        .join('  '),
    )
    .join('\n')
}

const started = performance.now()
const doc = typedVision(seed, size)
const generateMs = performance.now() - started
const state = Y.encodeStateAsUpdate(doc)
const history = historySize(doc)
const pdf = await exportWorkspace(doc, 'pdf', { lang: 'nl', questions: true, appendix: true })
const pages =
  Buffer.from(pdf.bytes)
    .toString('latin1')
    .match(/\/Type \/Page\b/g)?.length ?? 0
console.log(
  `Typed vision (seed ${seed}): ${words(doc)} words in ${size.sections} sections, ${size.principles} principles, ${size.actions} actions; ` +
    `${history.operations} inserted characters and elements (deleted ones included), ${history.structs} Yjs structs, state ${(state.length / 1024).toFixed(0)} KB; ` +
    `PDF ${pages} pages (with questions and appendix). Generated in ${(generateMs / 1000).toFixed(1)} s.`,
)

const dir = mkdtempSync(join(tmpdir(), 'koers-bench-export-'))
const stateFile = join(dir, 'state.bin')
writeFileSync(stateFile, state)
const results: FormatResult[] = []
try {
  for (const format of EXPORT_FORMATS) {
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', 'tests/bench/exportRun.ts', stateFile, format, String(runs)],
      { cwd: repoRoot, encoding: 'utf8' },
    )
    results.push(JSON.parse(out.trim().split('\n').at(-1)!) as FormatResult)
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}

const rows = [
  [
    'format',
    `median of ${runs}, ms`,
    'min–max, ms',
    'CPU median, ms',
    'first run, ms',
    'target',
    'met',
    'size, KB',
    'peak RSS, MB',
    'peak heap, MB',
  ],
  ...results.map((r) => {
    const target = targetsMs[r.format]
    const mid = median(r.runsMs)
    return [
      r.format,
      mid.toFixed(0),
      `${Math.min(...r.runsMs).toFixed(0)}–${Math.max(...r.runsMs).toFixed(0)}`,
      median(r.cpuMs).toFixed(0),
      r.firstMs.toFixed(0),
      target ? `≤ ${target}` : '–',
      target ? (mid <= target ? 'met' : 'NOT MET') : '–',
      (r.bytes / 1024).toFixed(0),
      r.peakRssMb.toFixed(0),
      r.peakHeapMb.toFixed(0),
    ]
  }),
]
console.log(`\n${table(rows)}`)
console.log(
  `\nLoad average ${loadavg()
    .map((n) => n.toFixed(1))
    .join(
      ' / ',
    )} on ${cpus().length} cores when done (other work slows the wall-clock times; the CPU column is this process's own time).`,
)
console.log(
  `Each format runs in its own process (RSS after loading the document: ${results.map((r) => `${r.format} ${r.rssBeforeMb.toFixed(0)}`).join(', ')} MB); heap sampled every 2 ms.`,
)

// EXP-17: typing in the same room while exports run through the API (tests/bench/exportLive.ts).
if (process.env.KOERS_BENCH_SKIP !== 'live') {
  const { measureLiveTyping, printLive } = await import('./exportLive.ts')
  printLive(await measureLiveTyping(doc))
}
