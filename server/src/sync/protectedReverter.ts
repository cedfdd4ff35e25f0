import * as Y from 'yjs'
import type { Connection } from './connection.ts'
import { SERVER_ORIGIN } from './origin.ts'

/**
 * Reverts what one transaction changed in protected root types (PERM-4). One UndoManager per
 * room, scoped to the protected roots; it tracks only the connection whose update is being
 * applied, and its stack never outlives that update.
 */
export class ProtectedReverter {
  private readonly undo: Y.UndoManager

  constructor(doc: Y.Doc, protectedRoots: readonly string[]) {
    const scope = protectedRoots.map((name) => doc.getMap(name))
    this.undo = new Y.UndoManager(scope, { captureTimeout: 0, trackedOrigins: new Set() })
  }

  /** Runs `apply` (which must use `connection` as origin); returns true when it reverted. */
  applyGuarded(doc: Y.Doc, connection: Connection, apply: () => void): boolean {
    this.undo.trackedOrigins.add(connection)
    try {
      apply()
      if (this.undo.undoStack.length === 0) return false
      // Nested in a transaction of our own, so the revert carries the server origin.
      doc.transact(() => {
        while (this.undo.undoStack.length > 0) this.undo.undo()
      }, SERVER_ORIGIN)
      return true
    } finally {
      this.undo.trackedOrigins.delete(connection)
      this.undo.clear()
    }
  }

  destroy(): void {
    this.undo.destroy()
  }
}
