/** Exponential backoff with jitter: 0.5–1× of min(cap, base·2^attempt). */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const base = 500
  const cap = 30_000
  const ceiling = Math.min(cap, base * 2 ** Math.min(attempt, 16))
  return Math.round(ceiling * (0.5 + random() * 0.5))
}
