import { IndexeddbPersistence } from 'y-indexeddb'
import { WebsocketProvider } from 'y-websocket'
import {
  encodeSyncStep1Frame,
  MessageType,
  sendOnlyOwnAwareness,
  watchOwnStamp,
} from '@koers/protocol'
import { readAuthMessage } from 'y-protocols/auth'
import * as Y from 'yjs'
import { ApiError, fetchTicket } from '../api/client.ts'
import { readLocal, writeLocal } from '../storage/localStore.ts'
import { backoffDelay } from './backoff.ts'
import { isTerminalClose } from './closeCodes.ts'

export type SyncState = 'saved' | 'saving' | 'offline'

export interface ConnectionSnapshot {
  state: SyncState
  /** true until the first connection attempt settled, to say "connecting" instead of "offline" */
  starting: boolean
  /** local changes the server has not confirmed yet */
  unsent: number
  /** the ticket endpoint said 401/403/404: the session is gone, a link is needed */
  sessionLost: boolean
  /** the server closed the socket with a code that reconnecting cannot fix */
  closed: { code: number; reason: string } | null
  /** the IndexedDB copy has been loaded (or failed to load) */
  localReady: boolean
  /** the colour the room gave this person (PERM-6), once the server's stamp arrived */
  stampedColor: string | null
}

const confirmDelayMs = 300
/** How long a changed (non-zero) unsent count may wait before it is stored and shown. */
const unsentFlushMs = 1000
const startingGraceMs = 4000

/**
 * One workspace document with its offline copy and its socket. Owns the reconnect loop: every
 * (re)connect first fetches a fresh single-use ticket, so y-websocket's own retry is switched off.
 */
export class WorkspaceConnection {
  readonly doc = new Y.Doc()
  readonly provider: WebsocketProvider
  private readonly persistence: IndexeddbPersistence
  private readonly unsentKey: string
  private listeners = new Set<() => void>()
  private snapshot: ConnectionSnapshot
  private running = false
  private attempt = 0
  private retryTimer: ReturnType<typeof setTimeout> | undefined
  private confirmTimer: ReturnType<typeof setTimeout> | undefined
  private unsentTimer: ReturnType<typeof setTimeout> | undefined
  private connecting = false
  /** unsent count at the moment the last confirmation round was requested */
  private inFlight = 0
  private unsent: number
  private readonly stopOwnAwarenessOnly: () => void
  private readonly stopOwnStamp: () => void
  private deniedListeners = new Set<(reason: string) => void>()

  constructor(readonly workspaceId: string) {
    this.unsentKey = `koers.unsent.${workspaceId}`
    this.unsent = Number(readLocal(this.unsentKey) ?? '0') || 0
    this.persistence = new IndexeddbPersistence(`koers-${workspaceId}`, this.doc)
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws'
    this.provider = new WebsocketProvider(
      `${scheme}://${location.host}/sync`,
      workspaceId,
      this.doc,
      {
        connect: false,
      },
    )
    this.snapshot = {
      state: 'saving',
      starting: true,
      unsent: this.unsent,
      sessionLost: false,
      closed: null,
      localReady: false,
      stampedColor: null,
    }
    this.stopOwnAwarenessOnly = sendOnlyOwnAwareness(this.provider)
    this.stopOwnStamp = watchOwnStamp(this.provider, ({ color }) => {
      if (/^#[0-9a-f]{6}$/i.test(color)) this.update({ stampedColor: color })
    })
    // PROTO-4: y-websocket only logs `permission denied`; the workspace shows why (STUDY-11).
    this.provider.messageHandlers[MessageType.Auth] = (_encoder, decoder) => {
      readAuthMessage(decoder, this.doc, (_doc, reason) => {
        for (const listener of this.deniedListeners) listener(reason)
      })
    }
    this.doc.on('update', this.onDocUpdate)
    this.provider.on('connection-close', this.onConnectionClose)
    this.provider.on('status', this.onStatus)
    this.provider.on('sync', this.onSync)
  }

  start(): void {
    if (this.running) return
    this.running = true
    window.addEventListener('pagehide', this.flushUnsent)
    window.addEventListener('online', this.onOnline)
    window.addEventListener('offline', this.onOffline)
    document.addEventListener('visibilitychange', this.onVisible)
    setTimeout(() => this.update({ starting: false }), startingGraceMs)
    const timeout = new Promise((resolve) => setTimeout(resolve, 2000))
    void Promise.race([this.persistence.whenSynced, timeout]).then(() => {
      if (!this.running) return
      this.update({ localReady: true })
      void this.connect()
    })
  }

  destroy(): void {
    this.running = false
    clearTimeout(this.retryTimer)
    clearTimeout(this.confirmTimer)
    if (this.unsentTimer !== undefined) this.flushUnsent()
    window.removeEventListener('pagehide', this.flushUnsent)
    window.removeEventListener('online', this.onOnline)
    window.removeEventListener('offline', this.onOffline)
    document.removeEventListener('visibilitychange', this.onVisible)
    this.doc.off('update', this.onDocUpdate)
    this.stopOwnAwarenessOnly()
    this.stopOwnStamp()
    this.provider.destroy()
    void this.persistence.destroy()
    this.doc.destroy()
    this.listeners.clear()
    this.deniedListeners.clear()
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  getSnapshot = (): ConnectionSnapshot => this.snapshot

  /** Called with the reason each time the server refused or reverted a change of ours. */
  onPermissionDenied = (listener: (reason: string) => void): (() => void) => {
    this.deniedListeners.add(listener)
    return () => this.deniedListeners.delete(listener)
  }

  private update(patch: Partial<ConnectionSnapshot>): void {
    const next = { ...this.snapshot, ...patch, unsent: this.unsent }
    next.state = this.computeState(next)
    const previous = this.snapshot
    const same = (Object.keys(next) as (keyof ConnectionSnapshot)[]).every(
      (key) => next[key] === previous[key],
    )
    if (same) return
    this.snapshot = next
    for (const listener of this.listeners) listener()
  }

  private computeState(next: ConnectionSnapshot): SyncState {
    if (!this.provider.wsconnected) return next.starting && !next.sessionLost ? 'saving' : 'offline'
    if (!this.provider.synced || this.unsent > 0) return 'saving'
    return 'saved'
  }

  /**
   * A keystroke is an update: storing the count and re-rendering the workspace for each one was
   * most of the work per keystroke beyond the editor. Going from or to zero (what the status
   * shows) is written and shown at once; other changes of the count are batched (WEB-5).
   */
  private setUnsent(value: number): void {
    const before = this.unsent
    this.unsent = Math.max(0, value)
    if ((before === 0) === (this.unsent === 0)) {
      this.unsentTimer ??= setTimeout(this.flushUnsent, unsentFlushMs)
      return
    }
    this.flushUnsent()
  }

  private flushUnsent = (): void => {
    clearTimeout(this.unsentTimer)
    this.unsentTimer = undefined
    writeLocal(this.unsentKey, String(this.unsent))
    this.update({})
  }

  private onDocUpdate = (_update: Uint8Array, origin: unknown): void => {
    if (origin === this.provider || origin === this.persistence) return
    this.setUnsent(this.unsent + 1)
    if (this.provider.wsconnected) this.scheduleConfirm()
  }

  /** Ask the server for sync step 2; its answer follows our earlier updates on the same socket. */
  private scheduleConfirm(): void {
    if (this.confirmTimer !== undefined) return
    this.confirmTimer = setTimeout(() => {
      this.confirmTimer = undefined
      const ws = this.provider.ws
      if (!this.provider.wsconnected || !ws || ws.readyState !== WebSocket.OPEN) return
      this.inFlight = this.unsent
      this.provider.synced = false
      ws.send(encodeSyncStep1Frame(Y.encodeStateVector(this.doc)))
    }, confirmDelayMs)
  }

  private onSync = (synced: boolean): void => {
    if (synced) {
      this.attempt = 0
      this.setUnsent(this.unsent - this.inFlight)
      this.inFlight = 0
      // After the first sync our own step 2 may still be on its way: confirm once more.
      if (this.unsent > 0) this.scheduleConfirm()
      this.update({ starting: false })
    } else {
      this.update({})
    }
  }

  private onStatus = (): void => {
    this.update({})
  }

  private onConnectionClose = (event: CloseEvent | null): void => {
    // stop y-websocket's own retry: it would reuse the spent ticket
    this.provider.shouldConnect = false
    this.inFlight = 0
    clearTimeout(this.confirmTimer)
    this.confirmTimer = undefined
    if (event && isTerminalClose(event.code)) {
      this.running = false
      this.update({ closed: { code: event.code, reason: event.reason }, starting: false })
      return
    }
    this.update({})
    this.scheduleRetry()
  }

  private onOnline = (): void => {
    if (!this.provider.wsconnected && !this.connecting) {
      this.attempt = 0
      clearTimeout(this.retryTimer)
      void this.connect()
    }
  }

  /** The browser knows the network is gone before the socket does: show it at once. */
  private onOffline = (): void => {
    this.provider.ws?.close()
  }

  private onVisible = (): void => {
    if (document.visibilityState === 'visible') this.onOnline()
  }

  private scheduleRetry(): void {
    if (!this.running) return
    clearTimeout(this.retryTimer)
    const delay = backoffDelay(this.attempt)
    this.attempt += 1
    this.retryTimer = setTimeout(() => void this.connect(), delay)
  }

  private async connect(): Promise<void> {
    if (!this.running || this.connecting || this.provider.ws !== null) return
    this.connecting = true
    try {
      const { ticket } = await fetchTicket(this.workspaceId)
      if (!this.running) return
      this.provider.params = { ticket }
      this.provider.connect()
    } catch (error) {
      if (error instanceof ApiError && [401, 403, 404].includes(error.status)) {
        this.running = false
        this.update({ sessionLost: true, starting: false })
        return
      }
      this.update({ starting: this.snapshot.starting && this.attempt < 2 })
      this.scheduleRetry()
    } finally {
      this.connecting = false
    }
  }
}
