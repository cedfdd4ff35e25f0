/** Latency histogram with 10 µs buckets up to 5 s (plus one overflow bucket); mergeable. */
export const BUCKET_US = 10
export const BUCKETS = 500_000

export function newHistogram(): Uint32Array {
  return new Uint32Array(BUCKETS + 1)
}

export function record(histogram: Uint32Array, latencyMs: number): void {
  const bucket = Math.max(0, Math.floor((latencyMs * 1000) / BUCKET_US))
  histogram[Math.min(bucket, BUCKETS)]! += 1
}

export function merge(into: Uint32Array, from: Uint32Array): void {
  for (let i = 0; i < from.length; i++) into[i]! += from[i]!
}

/** `whole` minus a part of it (a histogram of a subset of its samples). */
export function subtract(whole: Uint32Array, part: Uint32Array): Uint32Array {
  const rest = newHistogram()
  for (let i = 0; i < whole.length; i++) rest[i] = whole[i]! - part[i]!
  return rest
}

export function count(histogram: Uint32Array): number {
  let n = 0
  for (const v of histogram) n += v
  return n
}

/** The latency (ms, bucket upper bound) at quantile q (0..1); NaN when empty. */
export function quantile(histogram: Uint32Array, q: number): number {
  const total = count(histogram)
  if (total === 0) return Number.NaN
  const target = Math.ceil(total * q)
  let seen = 0
  for (let i = 0; i < histogram.length; i++) {
    seen += histogram[i]!
    if (seen >= target) return ((i + 1) * BUCKET_US) / 1000
  }
  return Number.POSITIVE_INFINITY
}

/** Compact form for postMessage: only non-empty buckets. */
export function toSparse(histogram: Uint32Array): [number, number][] {
  const out: [number, number][] = []
  histogram.forEach((v, i) => {
    if (v > 0) out.push([i, v])
  })
  return out
}

export function fromSparse(sparse: [number, number][]): Uint32Array {
  const h = newHistogram()
  for (const [i, v] of sparse) h[i] = v
  return h
}
