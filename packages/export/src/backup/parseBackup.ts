import { readMeta, SCHEMA_VERSION } from '@koers/doc-model'
import { fromBase64 } from 'lib0/buffer'
import * as Y from 'yjs'
import { BACKUP_FORMAT, BACKUP_VERSION, backupV1, type BackupV1 } from './backupSchema.ts'

export type ParsedBackup =
  { ok: true; backup: BackupV1; state: Uint8Array } | { ok: false; message: string }

function fail(message: string): ParsedBackup {
  return { ok: false, message }
}

function field(json: unknown, key: string): unknown {
  return typeof json === 'object' && json !== null
    ? (json as Record<string, unknown>)[key]
    : undefined
}

/** Why a Yjs update cannot be restored, or null when it holds a whole workspace. */
function checkState(state: Uint8Array): string | null {
  const doc = new Y.Doc()
  try {
    Y.applyUpdate(doc, state)
    // A cut-off update can decode without error but leave structs waiting for what is missing.
    if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) {
      return 'The document in this backup is incomplete (the file was probably cut off).'
    }
    const { schemaVersion } = readMeta(doc)
    if (schemaVersion < 1) return 'The document in this backup holds no Koers workspace.'
    if (schemaVersion > SCHEMA_VERSION) {
      return `This backup was made by a newer Koers (document version ${schemaVersion}); this Koers reads up to version ${SCHEMA_VERSION}.`
    }
    return null
  } catch {
    return 'The document in this backup cannot be read (it is damaged).'
  } finally {
    doc.destroy()
  }
}

/**
 * Checks a parsed backup file (EXP-13): its format and version, every field, and that the
 * state decodes as a Yjs update holding a workspace. Takes the file's text or its parsed JSON.
 * Never throws; a refusal says why.
 */
export function parseBackup(input: unknown): ParsedBackup {
  let json = input
  if (typeof input === 'string') {
    try {
      json = JSON.parse(input)
    } catch {
      return fail('This file is not valid JSON (it may have been cut off).')
    }
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return fail('This file is not a Koers backup (expected a JSON object).')
  }
  const format = field(json, 'format')
  if (format !== BACKUP_FORMAT) {
    return fail(
      `This file is not a Koers backup (format ${JSON.stringify(format ?? null)}, expected "${BACKUP_FORMAT}").`,
    )
  }
  const version = field(json, 'version')
  if (version !== BACKUP_VERSION) {
    return fail(
      `Koers backup version ${JSON.stringify(version ?? null)} is not supported; this Koers reads version ${BACKUP_VERSION}.`,
    )
  }
  const parsed = backupV1.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : ''
    return fail(`This Koers backup is damaged${where}: ${issue?.message ?? 'invalid'}.`)
  }
  const state = fromBase64(parsed.data.document.state)
  if (state.length === 0) return fail('The document in this backup is empty.')
  const problem = checkState(state)
  if (problem) return fail(problem)
  return { ok: true, backup: parsed.data, state }
}
