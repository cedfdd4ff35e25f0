import { useRef } from 'react'
import type * as Y from 'yjs'
import { useWorkspace } from '../workspace/WorkspaceContext.tsx'
import { sameRef, useDocValue } from './useDocValue.ts'
import { useYTextBinding } from './useYTextBinding.ts'

type TextField = HTMLTextAreaElement | HTMLInputElement

/**
 * Props for an input or textarea bound to a free-text field of the document (a Y.Text, DM-15),
 * so several people can type in it at once.
 */
export function useTextField<E extends TextField>(
  roots: readonly string[],
  read: (doc: Y.Doc) => Y.Text | undefined,
) {
  const ref = useRef<E>(null)
  const { doc, readOnly } = useWorkspace()
  // the Y.Text instance can be replaced by a concurrent write of the whole field
  const ytext = useDocValue(doc, roots, (d) => read(d) ?? null, sameRef)
  useYTextBinding(ref, readOnly ? undefined : (ytext ?? undefined))
  return { ref }
}
