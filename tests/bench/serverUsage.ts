import pidusage from 'pidusage'

export interface UsageSample {
  at: number
  /** Cumulative CPU milliseconds (user + system) of the process. */
  ctime: number
  rss: number
}

export async function sampleUsage(pid: number): Promise<UsageSample> {
  const stat = await pidusage(pid)
  return { at: Date.now(), ctime: stat.ctime, rss: stat.memory }
}

/** Samples a process once a second until stopped; CPU% is computed from ctime deltas. */
export class UsageRecorder {
  private readonly samples: UsageSample[] = []
  private timer: NodeJS.Timeout | null = null

  constructor(private readonly pid: number) {}

  async start(): Promise<void> {
    this.samples.push(await sampleUsage(this.pid))
    this.timer = setInterval(() => {
      sampleUsage(this.pid).then(
        (s) => this.samples.push(s),
        () => undefined,
      )
    }, 1000)
  }

  async stop(): Promise<{
    cpuPercent: number
    cpuPercentMedian: number
    rssMax: number
    rssMedian: number
  }> {
    if (this.timer) clearInterval(this.timer)
    this.samples.push(await sampleUsage(this.pid))
    const first = this.samples[0]!
    const last = this.samples[this.samples.length - 1]!
    const perSecond: number[] = []
    for (let i = 1; i < this.samples.length; i++) {
      const a = this.samples[i - 1]!
      const b = this.samples[i]!
      if (b.at > a.at) perSecond.push(((b.ctime - a.ctime) / (b.at - a.at)) * 100)
    }
    const rss = this.samples.map((s) => s.rss)
    return {
      cpuPercent: ((last.ctime - first.ctime) / Math.max(1, last.at - first.at)) * 100,
      cpuPercentMedian: median(perSecond),
      rssMax: Math.max(...rss),
      rssMedian: median(rss),
    }
  }
}

export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}
