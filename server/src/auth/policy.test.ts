import { describe, expect, it } from 'vitest'
import { participantColor } from '@koers/protocol'
import { documentAccessFor } from './policy.ts'

describe('policy', () => {
  it('PERM-3/4/5: maps each role to its document access', () => {
    expect(documentAccessFor('viewer')).toEqual({ kind: 'read-only' })
    expect(documentAccessFor('editor')).toEqual({
      kind: 'guarded',
      protectedRoots: ['adoption', 'session'],
    })
    expect(documentAccessFor('facilitator')).toEqual({ kind: 'full' })
  })

  it('PERM-6: colours are deterministic per participant', () => {
    expect(participantColor('abc')).toBe(participantColor('abc'))
    expect(participantColor('abc')).toMatch(/^#[0-9a-f]{6}$/)
    const colours = new Set(Array.from({ length: 50 }, (_, i) => participantColor(`p${i}`)))
    expect(colours.size).toBeGreaterThan(5)
  })
})
