// tsx's hooks do not reach worker threads by themselves (the server runs as TypeScript through
// tsx): register them here, then load the TypeScript worker.
import { register } from 'tsx/esm/api'

register()
await import('./exportWorker.ts')
