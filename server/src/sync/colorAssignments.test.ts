import { PARTICIPANT_COLORS, participantColor } from '@koers/protocol'
import { describe, expect, it } from 'vitest'
import { ColorAssignments } from './colorAssignments.ts'

/** Participant ids whose preferred colour is the same palette entry. */
const sameWish = (count: number): string[] => {
  const target = participantColor('anchor')
  const ids: string[] = []
  for (let i = 0; ids.length < count; i++) {
    if (participantColor(`p${i}`) === target) ids.push(`p${i}`)
  }
  return ids
}

describe('ColorAssignments (PERM-6)', () => {
  it('PERM-6: the preferred colour when free, else the first free one', () => {
    const colors = new ColorAssignments()
    const [a, b, c] = sameWish(3) as [string, string, string]
    expect(colors.acquire(a)).toBe(participantColor(a))
    const second = colors.acquire(b)
    expect(second).not.toBe(participantColor(b))
    expect(second).toBe(PARTICIPANT_COLORS.find((color) => color !== participantColor(a)))
    expect(colors.acquire(c)).not.toBe(second)
  })

  it('PERM-6: several tabs of one participant share one colour, freed with the last', () => {
    const colors = new ColorAssignments()
    const [a, b, c] = sameWish(3) as [string, string, string]
    const first = colors.acquire(a)
    expect(colors.acquire(a)).toBe(first)
    colors.release(a)
    expect(colors.acquire(b)).not.toBe(first) // a's other tab is still there
    colors.release(a)
    expect(colors.present).toBe(1)
    expect(colors.acquire(c)).toBe(first)
  })

  it('PERM-6: a participant who comes back gets their earlier colour while it is free', () => {
    const colors = new ColorAssignments()
    const [a, b] = sameWish(2) as [string, string]
    colors.acquire(a)
    const bColor = colors.acquire(b)
    colors.release(a)
    colors.release(b)
    expect(colors.acquire(b)).toBe(bColor)
  })

  it('PERM-6: with more people than colours, every colour is used evenly', () => {
    const colors = new ColorAssignments()
    const count = new Map<string, number>()
    for (let i = 0; i < 300; i++) {
      const color = colors.acquire(`person-${i}`)
      count.set(color, (count.get(color) ?? 0) + 1)
    }
    expect(count.size).toBe(PARTICIPANT_COLORS.length)
    const shares = [...count.values()]
    expect(Math.max(...shares) - Math.min(...shares)).toBeLessThanOrEqual(1)
    expect(Math.max(...shares)).toBe(Math.ceil(300 / PARTICIPANT_COLORS.length))
  })

  it('PERM-6: the first 24 people present all differ', () => {
    const colors = new ColorAssignments()
    const given = Array.from({ length: 24 }, (_, i) => colors.acquire(`someone-${i}`))
    expect(new Set(given).size).toBe(24)
  })
})
