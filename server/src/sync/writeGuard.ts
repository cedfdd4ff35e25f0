import * as Y from 'yjs'
import { judgeTransaction, readWriteState, type DenyReason } from '../auth/policy.ts'
import type { Connection } from './connection.ts'
import { SERVER_ORIGIN } from './origin.ts'
import { transactionChanges, type SharedType } from './transactionChanges.ts'

export type GuardResult =
  | { kind: 'applied' }
  | { kind: 'reverted'; reasons: DenyReason[] }
  /** Yjs refused the update halfway; whatever it had integrated was reverted. */
  | { kind: 'malformed' }
  /** The document grew past a cap; the whole update was reverted. */
  | { kind: 'too-large' }

/**
 * SYNC-20: applies a connection's update under the write policy (PERM-4, PERM-9 … PERM-12, DM-16,
 * DM-18). The update is applied in one transaction; `judgeTransaction` names the parts it may
 * not change, and a server-origin transaction reverts exactly those with a Y.UndoManager that
 * tracked only this connection. Apply and revert are stored and broadcast together, so every
 * replica converges and later updates that depend on the reverted ones still apply.
 */
export class WriteGuard {
  private readonly undo: Y.UndoManager

  constructor(private readonly doc: Y.Doc) {
    this.undo = new Y.UndoManager(doc, { captureTimeout: 0, trackedOrigins: new Set() })
  }

  /**
   * Runs `apply` (which must apply the update with `connection` as origin) under the policy;
   * `overLimit`, asked after the update is applied, may have it reverted whole.
   */
  apply(connection: Connection, apply: () => void, overLimit = () => false): GuardResult {
    const doc = this.doc
    const state = readWriteState(doc)
    let transaction: Y.Transaction | null = null
    let malformed = false
    this.undo.trackedOrigins.add(connection)
    try {
      try {
        doc.transact((tr) => {
          transaction = tr
          apply()
        }, connection)
      } catch {
        malformed = true
      }
      const tr = transaction as Y.Transaction | null
      if (!tr) return malformed ? { kind: 'malformed' } : { kind: 'applied' }
      if (malformed) {
        this.revert([doc])
        return { kind: 'malformed' }
      }
      if (overLimit()) {
        this.revert([doc])
        return { kind: 'too-large' }
      }
      const refusals = judgeTransaction(
        connection.principal.role,
        state,
        transactionChanges(doc, tr),
        doc,
      )
      if (refusals.length === 0) return { kind: 'applied' }
      this.revert(refusals.map((refusal) => refusal.scope))
      return { kind: 'reverted', reasons: [...new Set(refusals.map((r) => r.reason))] }
    } finally {
      this.undo.trackedOrigins.delete(connection)
      this.undo.scope = [doc]
      this.undo.clear()
      // The capture kept deleted items for a possible revert; now they may be collected.
      const tr = transaction as Y.Transaction | null
      if (tr && doc.gc) Y.tryGc(tr.deleteSet, doc.store, doc.gcFilter)
    }
  }

  destroy(): void {
    this.undo.destroy()
  }

  /** Reverts the tracked transaction inside `scope`, as the server. */
  private revert(scope: (SharedType | Y.Doc)[]): void {
    this.undo.scope = scope
    this.doc.transact(() => {
      while (this.undo.undoStack.length > 0) this.undo.undo()
    }, SERVER_ORIGIN)
  }
}
