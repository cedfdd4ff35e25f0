/** mulberry32: a tiny seeded PRNG, returns floats in [0, 1). For tests only. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export interface Random {
  next: () => number
  int: (maxExclusive: number) => number
  pick: <T>(items: readonly T[]) => T | undefined
  chance: (p: number) => boolean
  shuffle: <T>(items: T[]) => T[]
}

export function seeded(seed: number): Random {
  const next = mulberry32(seed)
  const int = (maxExclusive: number) => Math.floor(next() * maxExclusive)
  return {
    next,
    int,
    pick: (items) => items[int(items.length)],
    chance: (p) => next() < p,
    shuffle: (items) => {
      for (let i = items.length - 1; i > 0; i--) {
        const j = int(i + 1)
        ;[items[i], items[j]] = [items[j]!, items[i]!]
      }
      return items
    },
  }
}
