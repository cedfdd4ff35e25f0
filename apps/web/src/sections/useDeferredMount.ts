import { useEffect, useState } from 'react'
import type { RefObject } from 'react'

// Editors near the viewport mount at once; the rest mount one per idle slot, so a page with
// thirteen editors paints quickly and still has every editor ready a moment later.
const queue: (() => void)[] = []
let draining = false

function idle(callback: () => void): void {
  if ('requestIdleCallback' in window) window.requestIdleCallback(callback, { timeout: 200 })
  else setTimeout(callback, 16)
}

function drain(): void {
  const next = queue.shift()
  if (!next) {
    draining = false
    return
  }
  next()
  idle(drain)
}

function enqueue(job: () => void): () => void {
  queue.push(job)
  if (!draining) {
    draining = true
    idle(drain)
  }
  return () => {
    const index = queue.indexOf(job)
    if (index >= 0) queue.splice(index, 1)
  }
}

export function useDeferredMount(ref: RefObject<HTMLElement | null>): [boolean, () => void] {
  const [ready, setReady] = useState(false)
  useEffect(() => {
    if (ready) return
    const element = ref.current
    const mount = () => setReady(true)
    const cancel = enqueue(mount)
    let observer: IntersectionObserver | undefined
    if (element && 'IntersectionObserver' in window) {
      observer = new IntersectionObserver(
        (entries) => {
          if (entries.some((entry) => entry.isIntersecting)) mount()
        },
        { rootMargin: '400px 0px' },
      )
      observer.observe(element)
    }
    return () => {
      cancel()
      observer?.disconnect()
    }
  }, [ready, ref])
  return [ready, () => setReady(true)]
}
