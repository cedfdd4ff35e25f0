import { describe, expect, it } from 'vitest'
import { cleanDisplayText, DISPLAY_NAME_MAX } from './displayText.ts'

describe('cleanDisplayText (SEC-8)', () => {
  it('SEC-8 removes bidi overrides, isolates, marks and control characters', () => {
    expect(cleanDisplayText('Eva\u202Enimda\u202C', 60)).toEqual({
      text: 'Evanimda',
      problem: null,
    })
    expect(cleanDisplayText('\u2066Jan\u2069\u200F', 60).text).toBe('Jan')
    expect(cleanDisplayText('Fa\u0000ti\u0007ma\u009B', 60).text).toBe('Fatima')
  })

  it('SEC-8 turns whitespace runs, tabs and newlines into one space and trims', () => {
    expect(cleanDisplayText('  Fatima \t\n  de\u00A0\u2028Vries  ', 60).text).toBe(
      'Fatima de Vries',
    )
  })

  it('SEC-8 applies NFC, so a decomposed é counts as one character', () => {
    const decomposed = 'Rene\u0301'
    const cleaned = cleanDisplayText(decomposed, 60)
    expect(cleaned.text).toBe('René')
    expect(cleaned.text.length).toBe(4)
  })

  it('SEC-8 refuses names that are empty or only invisible characters', () => {
    expect(cleanDisplayText('   ', 60).problem).toBe('empty')
    expect(cleanDisplayText('\u202E\u202C', 60).problem).toBe('empty')
    // JavaScript counts the byte-order mark as whitespace.
    expect(cleanDisplayText('\uFEFF', 60).problem).toBe('empty')
    for (const invisible of [
      '\u200B',
      '\u200B\u200C\u200D\u2060',
      '\u3164',
      'a\u0301'.slice(1),
      '\u2800\u2800',
      '\u0301',
      '\u{E0041}\u{E0042}',
      '\u00AD \u034F',
    ]) {
      expect({ invisible, problem: cleanDisplayText(invisible, 60).problem }).toEqual({
        invisible,
        problem: 'invisible',
      })
    }
  })

  it('SEC-8 keeps visible text that uses joiners, such as emoji sequences', () => {
    expect(cleanDisplayText('Juf 👩‍🏫', 60)).toEqual({ text: 'Juf 👩‍🏫', problem: null })
  })

  it('SEC-8 counts the limit in code points of the cleaned text', () => {
    const emoji = '😀'.repeat(DISPLAY_NAME_MAX)
    expect(emoji.length).toBe(DISPLAY_NAME_MAX * 2)
    expect(cleanDisplayText(emoji, DISPLAY_NAME_MAX).problem).toBeNull()
    expect(cleanDisplayText(`${emoji}a`, DISPLAY_NAME_MAX).problem).toBe('too_long')
    // Stripped characters do not count.
    expect(cleanDisplayText(`${'a'.repeat(60)}\u202E\u202E`, 60).problem).toBeNull()
  })
})
