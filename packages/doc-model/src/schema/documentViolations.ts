import * as Y from 'yjs'
import { BODY_ROOT_PREFIX, Root } from '../roots.ts'
import { isValidSubtree } from './bodyRules.ts'
import { ROOT_SPECS } from './fields.ts'
import { isValidValue } from './validateFields.ts'

/**
 * Every place where a whole document leaves its schema (DM-16, DM-18), as readable strings; an
 * empty list for a valid document. For checks of a complete document (an import, a test), not
 * for the hot path: the server judges each transaction by what it changed.
 */
export function documentViolations(doc: Y.Doc): string[] {
  const violations: string[] = []
  const names = [...doc.share.keys()]
  const sections = names.includes(Root.sections) ? doc.getMap<unknown>(Root.sections) : null
  for (const name of names) {
    try {
      if (name.startsWith(BODY_ROOT_PREFIX)) {
        const body = doc.getXmlFragment(name)
        if (body.length === 0) continue
        if (!sections?.has(name.slice(BODY_ROOT_PREFIX.length))) {
          violations.push(`${name}: no such section`)
        } else if (!body.toArray().every((node) => isValidSubtree('doc', node, 1))) {
          violations.push(`${name}: content outside the editor's schema`)
        }
        continue
      }
      const spec = ROOT_SPECS[name]
      if (!spec) {
        const type = doc.share.get(name)
        if (type && (type._start !== null || type._map.size > 0)) {
          violations.push(`${name}: unknown root`)
        }
        continue
      }
      if (!isValidValue(spec, doc.getMap(name))) violations.push(`${name}: fields or types`)
    } catch {
      violations.push(`${name}: a root of the wrong kind`)
    }
  }
  return violations
}
