import { describe, expect, it } from 'vitest'
import { connectionCap, openFileLimit } from './connectionGuard.ts'

describe('connection cap (SEC-4)', () => {
  it('SEC-4 keeps the cap 256 below the open-file limit, whatever is configured', () => {
    expect(connectionCap(null, null)).toBe(10_000)
    expect(connectionCap(null, 20_000)).toBe(10_000)
    expect(connectionCap(null, 1024)).toBe(768)
    expect(connectionCap(50_000, 20_000)).toBe(19_744)
    expect(connectionCap(200, 20_000)).toBe(200)
    expect(connectionCap(null, 100)).toBe(16)
  })

  it('reads this process’s open-file limit on Linux', () => {
    const limit = openFileLimit()
    if (process.platform === 'linux') expect(limit).toBeGreaterThan(0)
    else expect(limit).toBeNull()
  })
})
