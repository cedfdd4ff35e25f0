import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client'

/**
 * What an operator watches (SCALE-9), in Prometheus format at `GET /metrics`. One registry per
 * process; the counters are cheap enough for the hot path (no labels there).
 */
export const metricsRegistry = new Registry()
// Event-loop delay, heap, GC and CPU of the process.
collectDefaultMetrics({ register: metricsRegistry, prefix: 'koers_' })

const registers = [metricsRegistry]

export const metrics = {
  connections: new Gauge({
    name: 'koers_connections',
    help: 'Open WebSocket connections',
    registers,
  }),
  roomsLoaded: new Gauge({
    name: 'koers_rooms_loaded',
    help: 'Workspace documents in memory',
    registers,
  }),
  updatesIn: new Counter({
    name: 'koers_updates_in_total',
    help: 'Document updates received from clients',
    registers,
  }),
  framesOut: new Counter({
    name: 'koers_frames_out_total',
    help: 'WebSocket frames sent',
    registers,
  }),
  bytesOut: new Counter({ name: 'koers_bytes_out_total', help: 'WebSocket bytes sent', registers }),
  commitSeconds: new Histogram({
    name: 'koers_store_commit_seconds',
    help: 'Time to store one group commit (durable before broadcast)',
    buckets: [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers,
  }),
  busLagSeconds: new Histogram({
    name: 'koers_bus_lag_seconds',
    help: 'Time from one instance publishing a stored update to another applying it',
    buckets: [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1],
    registers,
  }),
  busCatchUps: new Counter({
    name: 'koers_bus_catchups_total',
    help: 'Reads from the store that repair the bus: after a lost, late or unusable message, a room load or a recovered bus',
    registers,
  }),
  closedSockets: new Counter({
    name: 'koers_sockets_closed_total',
    help: 'Sockets the server closed, by close code (4400 malformed, 4429 rate limited, …)',
    labelNames: ['code'],
    registers,
  }),
  revertedChanges: new Counter({
    name: 'koers_reverted_changes_total',
    help: 'Updates refused or partly reverted by the write policy, by reason',
    labelNames: ['reason'],
    registers,
  }),
}
