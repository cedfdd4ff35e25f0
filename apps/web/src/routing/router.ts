import { useSyncExternalStore } from 'react'

export type Route =
  | { name: 'home' }
  | { name: 'join'; key: string }
  | { name: 'workspace'; workspaceId: string }
  | { name: 'projector'; workspaceId: string }
  | { name: 'joinCode'; code: string }
  | { name: 'privacy' }
  | { name: 'notFound' }

const listeners = new Set<() => void>()

function notify(): void {
  for (const listener of listeners) listener()
}

window.addEventListener('popstate', notify)
window.addEventListener('hashchange', notify)

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

function snapshot(): string {
  return location.pathname + location.hash
}

export function parseRoute(pathname: string, hash: string): Route {
  if (pathname === '/' || pathname === '') return { name: 'home' }
  if (pathname === '/join' || pathname === '/join/') {
    return { name: 'join', key: decodeURIComponent(hash.replace(/^#/, '')) }
  }
  if (pathname === '/privacy' || pathname === '/privacy/') return { name: 'privacy' }
  // STUDY-9: the short link behind the QR code, `/j/<CODE>`.
  const code = /^\/j\/([^/]*)\/?$/.exec(pathname)
  if (code) return { name: 'joinCode', code: decodeURIComponent(code[1] ?? '') }
  const projector = /^\/w\/([^/]+)\/projector\/?$/.exec(pathname)
  if (projector?.[1]) return { name: 'projector', workspaceId: decodeURIComponent(projector[1]) }
  const match = /^\/w\/([^/]+)\/?$/.exec(pathname)
  if (match?.[1]) return { name: 'workspace', workspaceId: decodeURIComponent(match[1]) }
  return { name: 'notFound' }
}

export function useRoute(): Route {
  useSyncExternalStore(subscribe, snapshot)
  return parseRoute(location.pathname, location.hash)
}

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (options.replace) history.replaceState(null, '', path)
  else history.pushState(null, '', path)
  window.scrollTo(0, 0)
  notify()
}

export function workspacePath(workspaceId: string): string {
  return `/w/${encodeURIComponent(workspaceId)}`
}
