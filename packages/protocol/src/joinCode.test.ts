import { describe, expect, it } from 'vitest'
import { JOIN_CODE_ALPHABET, normalizeJoinCode } from './joinCode.ts'

describe('STUDY-8 join codes', () => {
  it('use 31 symbols without look-alikes', () => {
    expect(JOIN_CODE_ALPHABET).toHaveLength(31)
    expect(new Set(JOIN_CODE_ALPHABET).size).toBe(31)
    for (const lookAlike of ['0', 'O', '1', 'I', 'L']) {
      expect(JOIN_CODE_ALPHABET).not.toContain(lookAlike)
    }
    expect(31 ** 6).toBe(887_503_681)
  })

  it('are read case-insensitively, without spaces or dashes', () => {
    expect(normalizeJoinCode('abc234')).toBe('ABC234')
    expect(normalizeJoinCode(' Ab c-2 34 ')).toBe('ABC234')
    expect(normalizeJoinCode('ABC23')).toBeNull()
    expect(normalizeJoinCode('ABC2345')).toBeNull()
    expect(normalizeJoinCode('ABC0O1')).toBeNull()
    expect(normalizeJoinCode('ÄBC234')).toBeNull()
  })
})
