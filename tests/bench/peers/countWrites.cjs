/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS on purpose: preloaded with --require / the reference server is CommonJS */
// Preloaded into every benchmarked server (`node --expose-gc --require`), Koers and its peers
// alike. It counts the writes the process's TCP sockets hand to the kernel (`_writeGeneric`:
// one buffer, or a corked batch as one writev; one system call each) and writes the count with
// the heap and RSS to KOERS_BENCH_PROBE_FILE when asked: on SIGWINCH, or on SIGUSR2 after a full
// garbage collection (for the memory rows). On request, not on a timer: a report every 100 ms
// held every server's event loop for about a millisecond ten times a second, inside the latency
// the benchmark measures. The benchmark compares the writes with the WebSocket frames its
// clients receive.
const net = require('node:net')
const { renameSync, writeFileSync } = require('node:fs')

const { isMainThread } = require('node:worker_threads')

// Worker threads (Koers' export pool) load preloads too; only the main thread reports.
const file = isMainThread ? process.env.KOERS_BENCH_PROBE_FILE : undefined
let writes = 0
const proto = net.Socket.prototype
const writeGeneric = proto._writeGeneric
proto._writeGeneric = function (writev, data, encoding, cb) {
  writes++
  return writeGeneric.call(this, writev, data, encoding, cb)
}
const report = () => {
  const { heapUsed, rss } = process.memoryUsage()
  // Written aside and renamed: a reader never sees a half-written file.
  const aside = `${file}.${process.pid}.tmp`
  try {
    writeFileSync(aside, JSON.stringify({ writes, heapUsed, rss, at: Date.now() }))
    renameSync(aside, file)
  } catch {
    // the benchmark removed the directory while this process stops
  }
}
if (file) {
  process.on('SIGWINCH', report)
  process.on('SIGUSR2', () => {
    if (typeof global.gc === 'function') global.gc()
    report()
  })
}
