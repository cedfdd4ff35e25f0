import { useEffect, useRef } from 'react'
import { useAnnounce } from '../common/Announcer.tsx'
import { Toast } from '../common/Toast.tsx'
import { useT } from '../i18n/i18n.tsx'
import type { RemovalNotice } from './useRemovalNotice.ts'

/**
 * The toast of a removal with "Terugzetten". The message is built at render time from the
 * notice and the item's current name, so it follows the language switch; it is announced once.
 */
export function RemovalToast({
  notice,
  message,
  onRestore,
  onDismiss,
}: {
  notice: RemovalNotice | null
  /** The sentence for this notice in the current language. */
  message: (notice: RemovalNotice) => string
  onRestore: (id: string) => void
  onDismiss: () => void
}) {
  const t = useT()
  const announce = useAnnounce()
  const text = notice ? message(notice) : ''
  const textRef = useRef(text)
  textRef.current = text
  const key = notice ? `${notice.id}:${notice.byOther}` : null
  useEffect(() => {
    if (key !== null) announce(textRef.current)
  }, [key, announce])
  if (!notice || key === null) return null
  return (
    <Toast
      key={key}
      message={text}
      actionLabel={t.sections.restore}
      onAction={() => onRestore(notice.id)}
      onDismiss={onDismiss}
      focusAction={!notice.byOther}
    />
  )
}
