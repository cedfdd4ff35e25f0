import { newHistogram, quantile, record } from './histogram.ts'
import { now } from './keystrokes.ts'

/**
 * Polls `GET /healthz` every 50 ms and records the round trip: a proxy for the server's own
 * event-loop lag, measured from outside without instrumenting the server.
 */
export class HealthProbe {
  private readonly histogram = newHistogram()
  private running = false
  private loop: Promise<void> = Promise.resolve()

  constructor(private readonly url: string) {}

  start(): void {
    this.running = true
    this.loop = (async () => {
      while (this.running) {
        const at = now()
        await fetch(`${this.url}/healthz`)
          .then((r) => r.arrayBuffer())
          .catch(() => undefined)
        record(this.histogram, now() - at)
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
    })()
  }

  async stop(): Promise<{ p50: number; p99: number }> {
    this.running = false
    await this.loop
    return { p50: quantile(this.histogram, 0.5), p99: quantile(this.histogram, 0.99) }
  }
}
