import * as Y from 'yjs'

type RootKind = 'map' | 'text' | 'xml' | 'array' | 'empty'

/**
 * Roots that arrived through an update and were never read locally are plain AbstractTypes; tell
 * their kind from their content so that any root (also ones this file does not know) compares.
 */
function rootKind(doc: Y.Doc, name: string): RootKind {
  const type = doc.share.get(name)
  if (type instanceof Y.Map) return 'map'
  if (type instanceof Y.Text) return 'text'
  if (type instanceof Y.XmlFragment) return 'xml'
  if (type instanceof Y.Array) return 'array'
  if (!type) return 'empty'
  if (type._map.size > 0) return 'map'
  for (let item = type._start; item !== null; item = item.right) {
    const content = item.content
    if (content instanceof Y.ContentType) return 'xml'
    if (content instanceof Y.ContentString || content instanceof Y.ContentFormat) return 'text'
    if (content instanceof Y.ContentAny || content instanceof Y.ContentBinary) return 'array'
  }
  return 'empty'
}

/**
 * A plain, comparable view of every root in a document: maps and arrays as JSON, fragments as
 * XML strings, texts as strings. Empty roots are left out, so a replica that never saw a root
 * compares equal to one where it is empty.
 */
export function docContent(doc: Y.Doc): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const name of [...doc.share.keys()].sort()) {
    let value: unknown = undefined
    switch (rootKind(doc, name)) {
      case 'map':
        if (doc.getMap(name).size > 0) value = doc.getMap(name).toJSON()
        break
      case 'text':
        value = doc.getText(name).toString() || undefined
        break
      case 'xml':
        value = doc.getXmlFragment(name).toString() || undefined
        break
      case 'array':
        if (doc.getArray(name).length > 0) value = doc.getArray(name).toJSON()
        break
      case 'empty':
        break
    }
    if (value !== undefined) out[name] = value
  }
  return out
}

/** Same as `docContent` but of an encoded update, read into a scratch document. */
export function updateContent(update: Uint8Array): Record<string, unknown> {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, update)
  const content = docContent(doc)
  doc.destroy()
  return content
}

/** Everything in the document as one string (for token searches). */
export function allText(doc: Y.Doc): string {
  return JSON.stringify(docContent(doc))
}

/** The state vector as a sorted, comparable string (`client:clock,…`). */
export function stateVectorKey(doc: Y.Doc): string {
  return [...Y.decodeStateVector(Y.encodeStateVector(doc)).entries()]
    .sort(([a], [b]) => a - b)
    .map(([client, clock]) => `${client}:${clock}`)
    .join(',')
}
