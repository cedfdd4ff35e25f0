import * as Y from 'yjs'
import { readText, transact } from './read.ts'

export interface TextChange {
  index: number
  deleteCount: number
  insert: string
}

/**
 * The smallest single splice (common prefix and suffix kept) that turns `before` into `after`.
 * `cursor` (the caret in `after`, if known) settles ambiguous cases: typing "b" before another
 * "b" is an insert before that "b", so another person's text after the caret stays in one piece.
 */
export function textDiff(before: string, after: string, cursor?: number): TextChange | null {
  if (before === after) return null
  const max = Math.min(before.length, after.length)
  const commonPrefix = (limit: number) => {
    let n = 0
    while (n < limit && before.charCodeAt(n) === after.charCodeAt(n)) n++
    return n
  }
  const commonSuffix = (limit: number) => {
    let n = 0
    while (
      n < limit &&
      before.charCodeAt(before.length - 1 - n) === after.charCodeAt(after.length - 1 - n)
    ) {
      n++
    }
    return n
  }
  let prefix: number
  let suffix: number
  if (cursor === undefined) {
    prefix = commonPrefix(max)
    suffix = commonSuffix(max - prefix)
  } else {
    // the changed part of `after` ends at the caret: the suffix may not reach before it
    suffix = commonSuffix(Math.min(max, Math.max(0, after.length - cursor)))
    prefix = commonPrefix(max - suffix)
  }
  // never split a surrogate pair
  if (prefix > 0 && isHighSurrogate(before.charCodeAt(prefix - 1))) prefix--
  if (suffix > 0 && isLowSurrogate(before.charCodeAt(before.length - suffix))) suffix--
  return {
    index: prefix,
    deleteCount: before.length - prefix - suffix,
    insert: after.slice(prefix, after.length - suffix),
  }
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff
}

/**
 * Make `ytext` read `value` with one minimal splice, in one transaction, so a concurrent edit
 * elsewhere in the text survives (delete-all + insert would drop it).
 */
export function replaceText(ytext: Y.Text, value: string): void {
  const change = textDiff(ytext.toString(), value)
  if (!change) return
  transact(ytext, () => {
    if (change.deleteCount > 0) ytext.delete(change.index, change.deleteCount)
    if (change.insert) ytext.insert(change.index, change.insert)
  })
}

/**
 * Write a free-text field of a map. A Y.Text gets a minimal splice; on an old document where
 * the field is still a plain string (or missing) it becomes a Y.Text, once. Call it inside the
 * writer's transaction.
 */
export function writeTextField(map: Y.Map<unknown>, key: string, value: string): void {
  const text = readText(map, key)
  if (text) replaceText(text, value)
  else map.set(key, new Y.Text(value))
}
