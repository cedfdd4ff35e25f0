import { useRef, useState } from 'react'

/** The confirmation that an item's "⋯" menu opens; cancelling returns focus to the menu button. */
export function useMenuConfirm() {
  const [confirming, setConfirming] = useState(false)
  const buttonRef = useRef<HTMLButtonElement>(null)
  return {
    confirming,
    buttonRef,
    ask: () => setConfirming(true),
    cancel: () => {
      setConfirming(false)
      requestAnimationFrame(() => buttonRef.current?.focus())
    },
    done: () => setConfirming(false),
  }
}
