// tsx's hooks do not reach worker threads by themselves: register them here, then load the
// TypeScript worker named in workerData.
import { register } from 'tsx/esm/api'
import { workerData } from 'node:worker_threads'

register()
await import(workerData.entry)
