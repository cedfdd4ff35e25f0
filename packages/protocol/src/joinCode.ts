/**
 * Join codes (STUDY-8): six characters from an alphabet without look-alikes — no 0/O, no
 * 1/I/L — so a code read from a projector across a hall is typed right. 31 symbols, so
 * 31^6 = 887,503,681 codes. Typed codes are case-insensitive; spaces and dashes are ignored.
 */
export const JOIN_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
export const JOIN_CODE_LENGTH = 6

/** The path of the short join link: `<origin>/j/<CODE>`. */
export const JOIN_CODE_PATH = '/j/'

/** The canonical form of a typed code, or null when it cannot be a code. */
export function normalizeJoinCode(input: string): string | null {
  const code = input.replace(/[\s-]+/g, '').toUpperCase()
  if (code.length !== JOIN_CODE_LENGTH) return null
  for (const char of code) if (!JOIN_CODE_ALPHABET.includes(char)) return null
  return code
}
