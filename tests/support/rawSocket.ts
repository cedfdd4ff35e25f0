import WebSocket from 'ws'
import * as Y from 'yjs'
import { decodeFrame, syncStep1Frame, syncStep2Frame, type DecodedFrame } from './frames.ts'

export interface CloseInfo {
  code: number
  reason: string
}

export interface RawSocket {
  ws: WebSocket
  /** Every frame received so far, decoded, in order. */
  frames: DecodedFrame[]
  /** Resolves when the socket has closed. */
  closed: Promise<CloseInfo>
  send: (data: Uint8Array) => void
  /** Waits for the first frame (already received or future) that matches. */
  waitFor: <T extends DecodedFrame>(
    match: (f: DecodedFrame) => f is T,
    timeoutMs?: number,
  ) => Promise<T>
  /**
   * Runs the y-websocket handshake into `doc`: step1 out, step2 in. With `answer` (default true)
   * the server's step1 is answered with our step2, as a stock client does.
   */
  sync: (doc: Y.Doc, answer?: boolean) => Promise<void>
  close: () => void
}

export interface UpgradeRefusal {
  status: number
}

function wsUrlFor(url: string, workspaceId: string, ticketValue: string): string {
  return `${url.replace(/^http/, 'ws')}/sync/${encodeURIComponent(workspaceId)}?ticket=${encodeURIComponent(ticketValue)}`
}

/** Tries an upgrade and reports either an open socket or the HTTP status that refused it. */
export function tryUpgrade(
  url: string,
  workspaceId: string,
  ticketValue: string,
): Promise<{ ok: true; socket: RawSocket } | { ok: false; status: number }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(wsUrlFor(url, workspaceId, ticketValue))
    ws.binaryType = 'nodebuffer'
    ws.once('unexpected-response', (_req, res) => {
      resolve({ ok: false, status: res.statusCode ?? 0 })
      res.resume()
      ws.terminate()
    })
    ws.once('open', () => resolve({ ok: true, socket: wrap(ws) }))
    ws.once('error', (err) => reject(err))
  })
}

/** A raw `ws` socket for crafted frames. */
export async function rawSocket(
  url: string,
  workspaceId: string,
  ticketValue: string,
): Promise<RawSocket> {
  const result = await tryUpgrade(url, workspaceId, ticketValue)
  if (!result.ok) throw new Error(`upgrade refused with HTTP ${result.status}`)
  return result.socket
}

function wrap(ws: WebSocket): RawSocket {
  const frames: DecodedFrame[] = []
  const waiters = new Set<() => void>()
  const closed = new Promise<CloseInfo>((resolve) => {
    ws.on('close', (code, reason) => {
      resolve({ code, reason: reason.toString() })
      for (const w of waiters) w()
    })
  })
  ws.on('error', () => undefined)
  ws.on('message', (data: Buffer) => {
    frames.push(decodeFrame(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)))
    for (const w of waiters) w()
  })
  const waitFor = <T extends DecodedFrame>(
    match: (f: DecodedFrame) => f is T,
    timeoutMs = 10_000,
  ): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const check = (): void => {
        const found = frames.find(match)
        if (found) {
          cleanup()
          resolve(found)
        } else if (ws.readyState === WebSocket.CLOSED) {
          cleanup()
          reject(new Error('socket closed before the expected frame arrived'))
        }
      }
      const timer = setTimeout(() => {
        cleanup()
        reject(new Error('timed out waiting for a frame'))
      }, timeoutMs)
      const cleanup = (): void => {
        clearTimeout(timer)
        waiters.delete(check)
      }
      waiters.add(check)
      check()
    })
  const send = (data: Uint8Array): void => ws.send(data)
  const sync = async (doc: Y.Doc, answer = true): Promise<void> => {
    send(syncStep1Frame(doc))
    if (answer) {
      const step1 = await waitFor(
        (f): f is Extract<DecodedFrame, { kind: 'sync-step1' }> => f.kind === 'sync-step1',
      )
      send(syncStep2Frame(doc, step1.stateVector))
    }
    const step2 = await waitFor(
      (f): f is Extract<DecodedFrame, { kind: 'sync-step2' }> => f.kind === 'sync-step2',
    )
    Y.applyUpdate(doc, step2.update, 'server')
  }
  return { ws, frames, closed, send, waitFor, sync, close: () => ws.close() }
}

export const isAuth = (f: DecodedFrame): f is Extract<DecodedFrame, { kind: 'auth' }> =>
  f.kind === 'auth'
export const isUpdate = (f: DecodedFrame): f is Extract<DecodedFrame, { kind: 'update' }> =>
  f.kind === 'update'
export const isAwareness = (f: DecodedFrame): f is Extract<DecodedFrame, { kind: 'awareness' }> =>
  f.kind === 'awareness'
