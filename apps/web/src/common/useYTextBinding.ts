import { useEffect } from 'react'
import type { RefObject } from 'react'
import { textDiff } from '@koers/doc-model'
import * as Y from 'yjs'

type TextField = HTMLTextAreaElement | HTMLInputElement

/**
 * Two-way binding of a plain textarea (or input) to a Y.Text, so several people can type in it
 * at once. Local input becomes one minimal splice; a remote change rewrites the value and puts
 * the caret back where it was, anchored with Y.RelativePosition.
 */
export function useYTextBinding(ref: RefObject<TextField | null>, ytext: Y.Text | undefined): void {
  useEffect(() => {
    const el = ref.current
    if (!el || !ytext || !ytext.doc) return
    return bindText(el, ytext)
  }, [ref, ytext])
}

export function bindText(el: TextField, ytext: Y.Text): () => void {
  const doc = ytext.doc!
  const origin = { binding: el }
  let saved: { start: Y.RelativePosition; end: Y.RelativePosition; dir: string } | null = null

  el.value = ytext.toString()

  const onInput = () => {
    const change = textDiff(ytext.toString(), el.value, el.selectionEnd ?? undefined)
    if (!change) return
    doc.transact(() => {
      if (change.deleteCount > 0) ytext.delete(change.index, change.deleteCount)
      if (change.insert) ytext.insert(change.index, change.insert)
    }, origin)
  }

  // capture the caret before any transaction, remote ones included
  const beforeTransaction = () => {
    if (document.activeElement !== el) {
      saved = null
      return
    }
    saved = {
      start: Y.createRelativePositionFromTypeIndex(ytext, el.selectionStart ?? 0, -1),
      end: Y.createRelativePositionFromTypeIndex(ytext, el.selectionEnd ?? 0, -1),
      dir: el.selectionDirection ?? 'none',
    }
  }

  const observer = (_event: Y.YTextEvent, transaction: Y.Transaction) => {
    if (transaction.origin === origin) return
    const value = ytext.toString()
    if (el.value === value) return
    el.value = value
    if (saved && document.activeElement === el) {
      const start = Y.createAbsolutePositionFromRelativePosition(saved.start, doc)
      const end = Y.createAbsolutePositionFromRelativePosition(saved.end, doc)
      if (start && end) {
        el.setSelectionRange(start.index, end.index, saved.dir as 'forward' | 'backward' | 'none')
      }
    }
  }

  el.addEventListener('input', onInput)
  doc.on('beforeTransaction', beforeTransaction)
  ytext.observe(observer)
  return () => {
    el.removeEventListener('input', onInput)
    doc.off('beforeTransaction', beforeTransaction)
    ytext.unobserve(observer)
  }
}
