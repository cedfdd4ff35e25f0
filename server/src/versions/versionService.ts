import {
  documentViolations,
  isAdoptionStep,
  readMeta,
  Root,
  type AdoptionStep,
} from '@koers/doc-model'
import { newWorkspaceId, type Limits, type VersionInfo, type VersionKind } from '@koers/protocol'
import * as Y from 'yjs'
import { errorFields, type Logger } from '../log.ts'
import type { VersionStore } from '../store/versionStore.ts'
import type { Room } from '../sync/room.ts'
import type { RoomRegistry } from '../sync/roomRegistry.ts'
import { restoreContent } from './restoreContent.ts'
import { beforeRestoreName, statusVersionName } from './versionNames.ts'

/** VER-8: versions one workspace may keep. */
export const MAX_VERSIONS_PER_WORKSPACE = 200

/** Why a version operation was refused; the HTTP layer turns it into an error code. */
export class VersionError extends Error {
  override readonly name = 'VersionError'
  constructor(
    readonly reason: 'not_found' | 'full' | 'too_large',
    message: string,
  ) {
    super(message)
  }
}

const docOf = (state: Uint8Array): Y.Doc => {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, state)
  return doc
}

const structCount = (doc: Y.Doc): number => {
  let structs = 0
  for (const list of doc.store.clients.values()) structs += list.length
  return structs
}

const statusOf = (doc: Y.Doc): AdoptionStep | null => {
  const status = doc.getMap(Root.adoption).get('status')
  return isAdoptionStep(status) ? status : null
}

/**
 * Named versions of a workspace (docs/versions.md): frozen copies of the stored document, saved
 * by a facilitator, by Koers on a status change, and before every restore; and the restore
 * itself, one server change on the live document.
 */
export class VersionService {
  /** The adoption status each loaded room had at its last commit (VER-3). */
  private readonly statuses = new WeakMap<Room, AdoptionStep | null>()
  private readonly stopWatching: (() => void)[] = []

  constructor(
    private readonly registry: RoomRegistry,
    private readonly store: VersionStore,
    private readonly limits: Pick<Limits, 'maxDocumentBytes' | 'maxDocumentItems'>,
    private readonly log: Logger,
  ) {}

  list(workspaceId: string): Promise<VersionInfo[]> {
    return this.store.list(workspaceId)
  }

  /** The frozen state of a version of this workspace (VER-4); VersionError when there is none. */
  async state(workspaceId: string, versionId: string): Promise<Uint8Array> {
    return (await this.find(workspaceId, versionId)).state
  }

  /** VER-1: freezes the stored document (everything committed so far) under a name. */
  async save(workspaceId: string, name: string, kind: VersionKind): Promise<VersionInfo> {
    if ((await this.store.count(workspaceId)) >= MAX_VERSIONS_PER_WORKSPACE) {
      throw new VersionError(
        'full',
        `This workspace keeps at most ${MAX_VERSIONS_PER_WORKSPACE} versions`,
      )
    }
    return this.put(workspaceId, name, kind, await this.registry.storedState(workspaceId))
  }

  /**
   * VER-5, VER-6: makes the live document's content equal to the version's, as one server change
   * while people stay connected. First the stored document is saved as a "before restore"
   * version; if anything was committed between that and the restore, the version's state is
   * replaced by the document exactly as the restore found it, so it holds all that was there.
   */
  async restore(
    workspaceId: string,
    versionId: string,
  ): Promise<{ restored: VersionInfo; before: VersionInfo }> {
    const version = await this.find(workspaceId, versionId)
    const target = docOf(version.state)
    try {
      if ((await this.store.count(workspaceId)) >= MAX_VERSIONS_PER_WORKSPACE) {
        throw new VersionError(
          'full',
          `This workspace keeps at most ${MAX_VERSIONS_PER_WORKSPACE} versions; a restore saves one more`,
        )
      }
      const beforeState = await this.registry.storedState(workspaceId)
      const beforeDoc = docOf(beforeState)
      const language = readMeta(beforeDoc).language
      // LIM-1, LIM-2: the restore adds at most the version's content to the document.
      if (
        beforeState.byteLength + version.state.byteLength > this.limits.maxDocumentBytes ||
        structCount(beforeDoc) + structCount(target) > this.limits.maxDocumentItems
      ) {
        beforeDoc.destroy()
        throw new VersionError('too_large', 'The document would grow too large for this server')
      }
      const beforeSnapshot = Y.snapshot(beforeDoc)
      beforeDoc.destroy()
      const before = await this.put(
        workspaceId,
        beforeRestoreName(version.name, language),
        'before-restore',
        beforeState,
      )
      const missed = await this.registry.writeAsServer(workspaceId, (doc) => {
        const moved = !Y.equalSnapshots(Y.snapshot(doc), beforeSnapshot)
        const atRestore = moved ? Y.encodeStateAsUpdate(doc) : null
        restoreContent(doc, target)
        const violations = documentViolations(doc)
        if (violations.length > 0) {
          this.log.error('restore left the schema', { workspaceId, violations })
        }
        return atRestore
      })
      if (missed) await this.store.replaceState(workspaceId, before.id, missed)
      this.log.info('version restored', { workspaceId, versionId })
      const { id, name, kind, createdAt } = version
      return { restored: { id, name, kind, createdAt }, before }
    } finally {
      target.destroy()
    }
  }

  /** VER-3: saves a version by itself whenever a room's adoption status changes. */
  watchStatusChanges(): void {
    this.stopWatching.push(
      this.registry.onLoaded((room) => this.statuses.set(room, statusOf(room.doc))),
      this.registry.onCommitted((room) => {
        const status = statusOf(room.doc)
        const before = this.statuses.get(room)
        this.statuses.set(room, status)
        if (before === undefined || status === null || status === before) return
        const name = statusVersionName(status, readMeta(room.doc).language)
        this.save(room.docId, name, 'auto-status').then(
          () => this.log.info('version saved on status change', { workspaceId: room.docId }),
          (error: unknown) =>
            this.log.warn('no version saved on status change', {
              workspaceId: room.docId,
              ...errorFields(error),
            }),
        )
      }),
    )
  }

  stop(): void {
    for (const stop of this.stopWatching.splice(0)) stop()
  }

  private async find(workspaceId: string, versionId: string) {
    const version = await this.store.get(workspaceId, versionId)
    if (!version) throw new VersionError('not_found', 'No such version in this workspace')
    return version
  }

  private async put(
    workspaceId: string,
    name: string,
    kind: VersionKind,
    state: Uint8Array,
  ): Promise<VersionInfo> {
    const info: VersionInfo = {
      id: newWorkspaceId(),
      name,
      kind,
      createdAt: new Date().toISOString(),
    }
    await this.store.save({ ...info, workspaceId, state })
    return info
  }
}
