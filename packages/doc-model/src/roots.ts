import type * as Y from 'yjs'

/** Names of the root types of the workspace `Y.Doc`. See docs/document-model.md (DM-1). */
export const Root = {
  meta: 'meta',
  adoption: 'adoption',
  sections: 'sections',
  principles: 'principles',
  actions: 'actions',
  session: 'session',
  board: 'board',
} as const

export type RootName = (typeof Root)[keyof typeof Root]

export const BODY_ROOT_PREFIX = 'body:'

export function bodyRootName(sectionId: string): string {
  return `${BODY_ROOT_PREFIX}${sectionId}`
}

/** The section id of a `body:<id>` root name, or null for any other root. */
export function sectionIdFromRootName(name: string): string | null {
  return name.startsWith(BODY_ROOT_PREFIX) ? name.slice(BODY_ROOT_PREFIX.length) : null
}

export function sectionBody(doc: Y.Doc, sectionId: string): Y.XmlFragment {
  return doc.getXmlFragment(bodyRootName(sectionId))
}

/** Roots an editor may not change; the server reverts editor writes to them (DM-2). */
export const EDITOR_PROTECTED_ROOTS: readonly string[] = [Root.adoption, Root.session]

export const SCHEMA_VERSION = 1
