/**
 * Transaction origins on a room's Y.Doc (SYNC-4). Every `doc.on('update')` handler switches on `kind`:
 * - `connection`: an update from a client (the Connection object itself, so an UndoManager can
 *   track one connection);
 * - `server`: a change the server makes (the revert of a protected part);
 * - `load`: replaying the store into a fresh doc (never stored or broadcast again);
 * - `bus`: an update another instance stored (SCALE-3): broadcast to this instance's sockets,
 *   never stored again, never judged again.
 */
export interface ConnectionOrigin {
  readonly kind: 'connection'
}
export interface ServerOrigin {
  readonly kind: 'server'
}
export interface LoadOrigin {
  readonly kind: 'load'
}
export interface BusOrigin {
  readonly kind: 'bus'
}
export type RoomOrigin = ConnectionOrigin | ServerOrigin | LoadOrigin | BusOrigin

export const SERVER_ORIGIN: ServerOrigin = Object.freeze({ kind: 'server' })
export const LOAD_ORIGIN: LoadOrigin = Object.freeze({ kind: 'load' })
export const BUS_ORIGIN: BusOrigin = Object.freeze({ kind: 'bus' })

export const isRoomOrigin = (origin: unknown): origin is RoomOrigin => {
  if (typeof origin !== 'object' || origin === null || !('kind' in origin)) return false
  const kind = (origin as { kind: unknown }).kind
  return kind === 'connection' || kind === 'server' || kind === 'load' || kind === 'bus'
}
