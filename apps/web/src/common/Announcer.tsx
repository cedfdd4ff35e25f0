import { createContext, useCallback, useContext, useMemo, useState } from 'react'
import type { ReactNode } from 'react'

type Announce = (message: string) => void

const AnnouncerContext = createContext<Announce>(() => {})

/** One polite live region for moves, removals and connection changes. */
export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState({ text: '', n: 0 })
  const announce = useCallback((text: string) => {
    // a changing key makes the same sentence twice in a row still be read
    setMessage((previous) => ({ text, n: previous.n + 1 }))
  }, [])
  const value = useMemo(() => announce, [announce])
  return (
    <AnnouncerContext.Provider value={value}>
      {children}
      <div
        className="visually-hidden"
        aria-live="polite"
        aria-atomic="true"
        data-testid="announcer"
      >
        <span key={message.n}>{message.text}</span>
      </div>
    </AnnouncerContext.Provider>
  )
}

export function useAnnounce(): Announce {
  return useContext(AnnouncerContext)
}
