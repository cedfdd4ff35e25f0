import { BODY_ROOT_PREFIX, ROOT_SPECS } from '@koers/doc-model'
import * as Y from 'yjs'

/**
 * A comparable view of a workspace document: every declared map root as JSON and every
 * non-empty section body as XML, minus the roots named in `except`.
 */
export const contentOf = (
  doc: Y.Doc,
  except: ReadonlySet<string> = new Set(),
): Record<string, unknown> => {
  const out: Record<string, unknown> = {}
  for (const name of Object.keys(ROOT_SPECS)) {
    if (!except.has(name)) out[name] = doc.getMap(name).toJSON()
  }
  for (const name of [...doc.share.keys()].sort()) {
    if (!name.startsWith(BODY_ROOT_PREFIX)) continue
    const xml = doc.getXmlFragment(name).toString()
    if (xml !== '') out[name] = xml
  }
  return out
}
