import { describe, expect, it } from 'vitest'
import { PARTICIPANT_COLORS, participantColor, preferredColorIndex } from './participantColor.ts'

const channels = (hex: string): number[] =>
  [1, 3, 5].map((offset) => parseInt(hex.slice(offset, offset + 2), 16) / 255)
const linear = (value: number): number =>
  value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4
const luminance = (hex: string): number => {
  const [r, g, b] = channels(hex).map(linear) as [number, number, number]
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}
const contrast = (a: string, b: string): number => {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (high + 0.05) / (low + 0.05)
}

const lab = (hex: string): [number, number, number] => {
  const [r, g, b] = channels(hex).map(linear) as [number, number, number]
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116)
  const x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047)
  const y = f(0.2126 * r + 0.7152 * g + 0.0722 * b)
  const z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883)
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)]
}

/** CIEDE2000 colour difference (Sharma, Wu and Dalal's formulation). */
const deltaE2000 = (first: string, second: string): number => {
  const [l1, a1, b1] = lab(first)
  const [l2, a2, b2] = lab(second)
  const rad = Math.PI / 180
  const cBar = (Math.hypot(a1, b1) + Math.hypot(a2, b2)) / 2
  const g = 0.5 * (1 - Math.sqrt(cBar ** 7 / (cBar ** 7 + 25 ** 7)))
  const [a1p, a2p] = [(1 + g) * a1, (1 + g) * a2]
  const [c1, c2] = [Math.hypot(a1p, b1), Math.hypot(a2p, b2)]
  const hue = (b: number, a: number) => (Math.atan2(b, a) / rad + 360) % 360
  const [h1, h2] = [hue(b1, a1p), hue(b2, a2p)]
  let dh = h2 - h1
  if (c1 * c2 === 0) dh = 0
  else if (dh > 180) dh -= 360
  else if (dh < -180) dh += 360
  const dH = 2 * Math.sqrt(c1 * c2) * Math.sin((dh * rad) / 2)
  const lMean = (l1 + l2) / 2
  const cMean = (c1 + c2) / 2
  let hMean = h1 + h2
  if (c1 * c2 !== 0) hMean = Math.abs(h1 - h2) > 180 ? (h1 + h2 + 360) / 2 : (h1 + h2) / 2
  const t =
    1 -
    0.17 * Math.cos((hMean - 30) * rad) +
    0.24 * Math.cos(2 * hMean * rad) +
    0.32 * Math.cos((3 * hMean + 6) * rad) -
    0.2 * Math.cos((4 * hMean - 63) * rad)
  const rotation = 30 * Math.exp(-(((hMean - 275) / 25) ** 2))
  const rc = 2 * Math.sqrt(cMean ** 7 / (cMean ** 7 + 25 ** 7))
  const sl = 1 + (0.015 * (lMean - 50) ** 2) / Math.sqrt(20 + (lMean - 50) ** 2)
  const sc = 1 + 0.045 * cMean
  const sh = 1 + 0.015 * cMean * t
  const rt = -Math.sin(2 * rotation * rad) * rc
  const [dl, dc, dhs] = [(l2 - l1) / sl, (c2 - c1) / sc, dH / sh]
  return Math.sqrt(dl ** 2 + dc ** 2 + dhs ** 2 + rt * dc * dhs)
}

describe('participant colours (PERM-6)', () => {
  it('PERM-6: 24 different colours, each a readable caret on white and a readable label', () => {
    expect(new Set(PARTICIPANT_COLORS).size).toBe(24)
    for (const color of PARTICIPANT_COLORS) {
      expect(color).toMatch(/^#[0-9a-f]{6}$/)
      expect(contrast(color, '#ffffff'), color).toBeGreaterThanOrEqual(3)
      const bestText = Math.max(contrast(color, '#ffffff'), contrast(color, '#111827'))
      expect(bestText, color).toBeGreaterThanOrEqual(4.5)
    }
  })

  it('PERM-6: every two colours are at least ΔE2000 13 apart', () => {
    let closest = Infinity
    for (const [i, a] of PARTICIPANT_COLORS.entries()) {
      for (const b of PARTICIPANT_COLORS.slice(i + 1)) closest = Math.min(closest, deltaE2000(a, b))
    }
    expect(closest).toBeGreaterThanOrEqual(13)
  })

  it('PERM-6: the preferred colour is deterministic per participant and spread', () => {
    expect(participantColor('abc')).toBe(participantColor('abc'))
    expect(participantColor('abc')).toBe(PARTICIPANT_COLORS[preferredColorIndex('abc')])
    const used = new Set(Array.from({ length: 200 }, (_, i) => preferredColorIndex(`p${i}`)))
    expect(used.size).toBe(PARTICIPANT_COLORS.length)
  })
})
