import { setFollow, type FollowTarget } from '@koers/doc-model'
import { useCallback, useEffect, useRef, useState } from 'react'
import type * as Y from 'yjs'

/** Where the sticky header and phase bar end: what is above it is hidden. */
function coveredTop(): number {
  const bars = document.querySelectorAll('.app-header, .phase-bar')
  return Math.max(0, ...Array.from(bars, (bar) => bar.getBoundingClientRect().bottom))
}

/** The section at the facilitator's reading line, a little below the sticky bars. */
function sectionAtReadingLine(): string | null {
  const line = coveredTop() + 48
  const sections = document.querySelectorAll<HTMLElement>('section[id^="section-"]')
  for (const section of sections) {
    if (section.getBoundingClientRect().bottom > line) return section.id.slice('section-'.length)
  }
  return null
}

/**
 * STUDY-6, the facilitator's side: while "volgen" is on, their tab and the section they are at
 * (the one they work in, else the one at the top of their window) go into `session.follow`.
 */
export function usePublishFollowTarget(doc: Y.Doc, enabled: boolean, tab: string | null): void {
  useEffect(() => {
    if (enabled && tab !== null) setFollow(doc, { tab })
  }, [doc, enabled, tab])
  useEffect(() => {
    if (!enabled) return
    let timer: ReturnType<typeof setTimeout> | undefined
    const publish = (section: string | null) => {
      clearTimeout(timer)
      timer = setTimeout(() => setFollow(doc, { section: section ?? '' }), 250)
    }
    const onScroll = () => publish(sectionAtReadingLine())
    const onFocus = (event: FocusEvent) => {
      const section = (event.target as Element | null)?.closest?.('section[id^="section-"]')
      if (section) publish(section.id.slice('section-'.length))
    }
    window.addEventListener('scroll', onScroll, { passive: true })
    document.addEventListener('focusin', onFocus)
    publish(sectionAtReadingLine())
    return () => {
      clearTimeout(timer)
      window.removeEventListener('scroll', onScroll)
      document.removeEventListener('focusin', onFocus)
    }
  }, [doc, enabled])
}

/** Scrolls a section's top to just under the sticky header and phase bar. */
export function scrollToSection(sectionId: string): void {
  const section = document.getElementById(`section-${sectionId}`)
  if (!section) return
  const top = window.scrollY + section.getBoundingClientRect().top - coveredTop() - 8
  window.scrollTo({ top: Math.max(0, top) })
}

export interface Following {
  /** Following is on and this person did not step out. */
  active: boolean
  steppedOut: boolean
  stepOut(): void
  stepIn(): void
}

/**
 * STUDY-6, the participants' side: while following, go to the facilitator's tab and scroll
 * their section into view; one click steps out (and back in).
 */
export function useFollowFacilitator(
  follow: FollowTarget,
  enabled: boolean,
  tab: string,
  setTab: (tab: string) => void,
): Following {
  const [steppedOut, setSteppedOut] = useState(false)
  const active = enabled && follow.on && !steppedOut
  const lastScrolled = useRef('')

  useEffect(() => {
    if (!follow.on) setSteppedOut(false)
  }, [follow.on])

  useEffect(() => {
    if (active && follow.tab && follow.tab !== tab) setTab(follow.tab)
  }, [active, follow.tab, tab, setTab])

  useEffect(() => {
    if (!active) {
      lastScrolled.current = ''
      return
    }
    if (tab !== 'text' || !follow.section) return
    const key = `${follow.tab}:${follow.section}`
    if (lastScrolled.current === key) return
    lastScrolled.current = key
    // after the tab's panel has rendered
    requestAnimationFrame(() => scrollToSection(follow.section))
  }, [active, follow.section, follow.tab, tab])

  const stepOut = useCallback(() => setSteppedOut(true), [])
  const stepIn = useCallback(() => {
    lastScrolled.current = ''
    setSteppedOut(false)
  }, [])
  return { active, steppedOut, stepOut, stepIn }
}
