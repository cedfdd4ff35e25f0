/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS on purpose: preloaded with --require / the reference server is CommonJS */
// Preloaded into every benchmarked server (`node --expose-gc --require`), Koers and its peers
// alike. It counts the writes the process's TCP sockets hand to the kernel (`_writeGeneric`:
// one buffer, or a corked batch as one writev; one system call each) and their bytes, and
// writes them with the heap and RSS to KOERS_BENCH_PROBE_FILE every 100 ms. SIGUSR2 runs a
// full garbage collection first (for the memory rows). The benchmark compares the writes
// with the WebSocket frames its clients receive.
const net = require('node:net')
const { renameSync, writeFileSync } = require('node:fs')

const { isMainThread } = require('node:worker_threads')

// Worker threads (Koers' export pool) load preloads too; only the main thread reports.
const file = isMainThread ? process.env.KOERS_BENCH_PROBE_FILE : undefined
const counts = { writes: 0, bytes: 0 }
const proto = net.Socket.prototype
const writeGeneric = proto._writeGeneric
proto._writeGeneric = function (writev, data, encoding, cb) {
  counts.writes++
  if (writev) for (const item of data) counts.bytes += (item.chunk ?? item).length
  else counts.bytes += data.length
  return writeGeneric.call(this, writev, data, encoding, cb)
}
const report = () => {
  const { heapUsed, rss } = process.memoryUsage()
  // Written aside and renamed: a reader never sees a half-written file.
  const aside = `${file}.${process.pid}.tmp`
  try {
    writeFileSync(aside, JSON.stringify({ ...counts, heapUsed, rss, at: Date.now() }))
    renameSync(aside, file)
  } catch {
    // the benchmark removed the directory while this process stops
  }
}
if (file) {
  setInterval(report, 100).unref()
  process.on('SIGUSR2', () => {
    if (typeof global.gc === 'function') global.gc()
    report()
  })
}
