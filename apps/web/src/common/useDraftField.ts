import { useEffect, useRef, useState } from 'react'

/**
 * A text field over a plain string in the document: typing writes through at once, while a remote
 * change only replaces the field when it does not have focus (so nobody's caret jumps).
 */
export function useDraftField(value: string, write: (next: string) => void) {
  const [draft, setDraft] = useState(value)
  const focused = useRef(false)
  useEffect(() => {
    if (!focused.current) setDraft(value)
  }, [value])
  return {
    value: draft,
    onChange: (event: { target: { value: string } }) => {
      setDraft(event.target.value)
      write(event.target.value)
    },
    onFocus: () => {
      focused.current = true
    },
    onBlur: () => {
      focused.current = false
      setDraft(value)
    },
  }
}
