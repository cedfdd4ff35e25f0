import * as Y from 'yjs'
import { isIsoDate } from '../vocabulary.ts'
import { MAX_ID_LENGTH, type FieldSpec, type RecordFields } from './fields.ts'

/** True when a Y.Text holds only plain strings (no formatting, no embeds) within `max`. */
export function isPlainText(text: Y.Text, max: number): boolean {
  if (text.length > max) return false
  let item = text._start
  while (item !== null) {
    if (!item.deleted && !(item.content instanceof Y.ContentString)) return false
    item = item.right
  }
  return true
}

function isRecord(map: Y.Map<unknown>, fields: RecordFields): boolean {
  for (const [key, value] of map.entries()) {
    const spec = fields[key]
    if (!spec || !isValidValue(spec, value)) return false
  }
  return true
}

/** Whether `value` (a primitive or a whole Y type with its content) fits `spec`. */
export function isValidValue(spec: FieldSpec, value: unknown): boolean {
  switch (spec.kind) {
    case 'string':
      return (
        typeof value === 'string' &&
        value.length <= spec.max &&
        (spec.values === undefined || spec.values.includes(value))
      )
    case 'date':
      return value === '' || isIsoDate(value)
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
    case 'boolean':
      return typeof value === 'boolean'
    case 'text':
      return value instanceof Y.Text
        ? isPlainText(value, spec.max)
        : typeof value === 'string' && value.length <= spec.max
    case 'flags':
      if (!(value instanceof Y.Map) || value.size > spec.maxEntries) return false
      for (const [key, flag] of value.entries()) {
        if (key.length > spec.keyMax || flag !== true) return false
      }
      return true
    case 'record':
      return value instanceof Y.Map && isRecord(value as Y.Map<unknown>, spec.fields)
    case 'collection':
      if (!(value instanceof Y.Map) || value.size > spec.maxEntries) return false
      for (const [id, item] of value.entries()) {
        if (id.length > MAX_ID_LENGTH || !(item instanceof Y.Map)) return false
        if (!isRecord(item as Y.Map<unknown>, spec.item)) return false
      }
      return true
    case 'log':
      if (!(value instanceof Y.Array) || value.length > spec.maxEntries) return false
      return value
        .toArray()
        .every((entry) => entry instanceof Y.Map && isRecord(entry as Y.Map<unknown>, spec.entry))
  }
}

/**
 * Whether the changed keys of a map fit its spec (a deleted key is fine: readers default it).
 * Only the changed keys are checked, so a keystroke costs no walk over the whole document.
 */
export function areValidKeys(
  spec: FieldSpec,
  map: Y.Map<unknown>,
  keys: Iterable<string>,
): boolean {
  for (const key of keys) {
    if (!map.has(key)) continue
    const value = map.get(key)
    switch (spec.kind) {
      case 'record': {
        const field = spec.fields[key]
        if (!field || !isValidValue(field, value)) return false
        break
      }
      case 'collection':
        if (map.size > spec.maxEntries || key.length > MAX_ID_LENGTH) return false
        if (!(value instanceof Y.Map) || !isRecord(value as Y.Map<unknown>, spec.item)) return false
        break
      case 'flags':
        if (map.size > spec.maxEntries || key.length > spec.keyMax || value !== true) return false
        break
      default:
        return false
    }
  }
  return true
}

/** The spec of a child: a record's field, a collection's item, a log's entry. */
export function childSpec(spec: FieldSpec, key: string | null): FieldSpec | null {
  switch (spec.kind) {
    case 'record':
      return key === null ? null : (spec.fields[key] ?? null)
    case 'collection':
      return key === null ? null : { kind: 'record', fields: spec.item }
    case 'log':
      return key === null ? { kind: 'record', fields: spec.entry } : null
    default:
      return null
  }
}
