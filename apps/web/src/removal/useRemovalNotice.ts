import { useCallback, useEffect, useRef, useState } from 'react'

/** Which toast to show: the message is rendered from this at render time, in the current language. */
export interface RemovalNotice {
  id: string
  /** Removed by someone else while this person was writing in it. */
  byOther: boolean
}

/**
 * The removal toast of one list (WEB-1, WEB-2): after this person removes an item, and when
 * someone else removes the item this person is writing in (`writingIn`). A notice whose item is
 * no longer removed (restored here or elsewhere) is dropped at once, so a toast never offers a
 * restore that was already done.
 */
export function useRemovalNotice(
  ids: readonly string[],
  removedIds: readonly string[],
  writingIn: () => string | null,
  readOnly: boolean,
) {
  const [notice, setNotice] = useState<RemovalNotice | null>(null)
  const shownIds = useRef(ids)
  const writingInRef = useRef(writingIn)
  writingInRef.current = writingIn

  useEffect(() => {
    const gone = shownIds.current.filter((id) => !ids.includes(id))
    shownIds.current = ids
    const mine = writingInRef.current()
    if (readOnly || mine === null || !gone.includes(mine) || !removedIds.includes(mine)) return
    setNotice((current) => (current?.id === mine ? current : { id: mine, byOther: true }))
  }, [ids, removedIds, readOnly])

  const stale = notice !== null && !removedIds.includes(notice.id)
  useEffect(() => {
    if (stale) setNotice(null)
  }, [stale])

  const removedHere = useCallback((id: string) => setNotice({ id, byOther: false }), [])
  const dismiss = useCallback(() => setNotice(null), [])
  return { notice: stale ? null : notice, removedHere, dismiss }
}
