/**
 * The one normaliser for short texts people see of each other: display names, workspace titles
 * and school names (SEC-8 in docs/security.md). The server's zod schemas and the web app's forms
 * both use it, so a limit is counted the same way on both sides: in Unicode code points of the
 * cleaned text.
 */

/** Longest display name, in code points after cleaning. */
export const DISPLAY_NAME_MAX = 60
/** Longest workspace title or school name, in code points after cleaning. */
export const TITLE_MAX = 200

export type DisplayTextProblem = 'empty' | 'invisible' | 'too_long'

export interface CleanedDisplayText {
  /** NFC, without control or bidi-formatting characters, whitespace runs as one space, trimmed. */
  text: string
  /** Why the text cannot be used, or null when it can. */
  problem: DisplayTextProblem | null
}

/**
 * Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), the directional marks
 * (U+200E, U+200F, U+061C): they can make a name read as something else ("Trojan Source").
 */
const BIDI_FORMATTING = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/gu
/** Every kind of whitespace, line and paragraph separators included. */
const WHITESPACE_RUN = /[\s\u2028\u2029]+/gu
/** C0 and C1 controls (tabs and newlines were already turned into spaces). */
const CONTROL = /\p{Cc}/gu
/**
 * What renders as nothing: default-ignorable code points (zero-width space and joiners, word
 * joiner, Hangul fillers, variation selectors, tags), other format characters, combining marks
 * with nothing to combine with, and the blank braille pattern.
 */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Cf}\p{M}\u2800\s]/gu

const codePoints = (text: string): number => {
  let count = 0
  for (const _ of text) count++
  return count
}

/** Cleans `raw` and says whether it may be used with at most `max` code points. */
export const cleanDisplayText = (raw: string, max: number): CleanedDisplayText => {
  const text = raw
    .normalize('NFC')
    .replace(BIDI_FORMATTING, '')
    .replace(WHITESPACE_RUN, ' ')
    .replace(CONTROL, '')
    .trim()
  if (text === '') return { text, problem: 'empty' }
  if (text.replace(INVISIBLE, '') === '') return { text, problem: 'invisible' }
  if (codePoints(text) > max) return { text, problem: 'too_long' }
  return { text, problem: null }
}

/** An English sentence for a problem, used in the API's `invalid_input` messages. */
export const displayTextProblemMessage = (problem: DisplayTextProblem, max: number): string => {
  switch (problem) {
    case 'empty':
      return 'must not be empty'
    case 'invisible':
      return 'needs at least one visible character'
    case 'too_long':
      return `must be at most ${max} characters`
  }
}
