import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import { documentViolations, readMeta } from '@koers/doc-model'
import { parseBackup } from '@koers/export'
import { appErrorBody, cleanDisplayText, newWorkspaceId, TITLE_MAX } from '@koers/protocol'
import { bodyLimit } from 'hono/body-limit'
import * as Y from 'yjs'
import type { Role } from '../../auth/role.ts'
import { hashSecret, newSecret } from '../../auth/secrets.ts'
import { AppError } from '../appError.ts'
import { ensureRoomForWorkspace } from '../capacity.ts'
import type { AppDeps } from '../context.ts'
import { requireCreateKey } from '../createKey.ts'
import { publicOrigin } from '../requestOrigin.ts'
import { CreatedWorkspace, errorResponses } from '../schemas.ts'
import { BackupBody } from '../versionSchemas.ts'

export const IMPORT_PATH = '/api/workspaces/import'
/** VER-7: a backup may be this large (the API's other bodies: 64 KiB). */
export const MAX_IMPORT_BYTES = 16 * 1024 * 1024

const importRoute = createRoute({
  method: 'post',
  path: IMPORT_PATH,
  summary: 'Create a workspace from a backup file (format=json export); returns new links',
  description:
    'Same authorisation and throttle as `POST /api/workspaces`. The backup is checked (EXP-13), ' +
    'its document must keep to the schema (DM-16, DM-18) and the size caps; then the workspace ' +
    'is created with new links in one transaction (VER-7, VER-9). Up to 16 MiB.',
  request: {
    body: { required: true, content: { 'application/json': { schema: BackupBody } } },
  },
  responses: {
    201: { description: 'Created', content: { 'application/json': { schema: CreatedWorkspace } } },
    ...errorResponses(400, 401, 413, 415, 429, 507),
  },
})

const structCount = (doc: Y.Doc): number => {
  let structs = 0
  for (const list of doc.store.clients.values()) structs += list.length
  return structs
}

/** VER-7: the document of a backup, checked as the server checks every change; or why not. */
const checkedDocument = (backup: unknown, deps: AppDeps): Uint8Array => {
  const parsed = parseBackup(backup)
  if (!parsed.ok) throw new AppError('invalid_input', parsed.message)
  const { maxDocumentBytes, maxDocumentItems } = deps.config.limits
  if (parsed.state.byteLength > maxDocumentBytes) {
    throw new AppError(
      'payload_too_large',
      'The document in this backup is larger than this server allows',
    )
  }
  const doc = new Y.Doc()
  try {
    Y.applyUpdate(doc, parsed.state)
    if (structCount(doc) > maxDocumentItems) {
      throw new AppError(
        'payload_too_large',
        'The document in this backup has more parts than this server allows',
      )
    }
    const violations = documentViolations(doc)
    if (violations.length > 0) {
      throw new AppError(
        'invalid_input',
        `The document in this backup breaks Koers' rules (${violations.slice(0, 3).join('; ')})`,
      )
    }
    return Y.encodeStateAsUpdate(doc)
  } finally {
    doc.destroy()
  }
}

const titleOf = (state: Uint8Array): { title: string; school: string } => {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, state)
  const meta = readMeta(doc)
  doc.destroy()
  const clean = (text: string, fallback: string) => {
    const cleaned = cleanDisplayText(text, TITLE_MAX)
    return cleaned.problem ? fallback : cleaned.text
  }
  return { title: clean(meta.title, 'Koers'), school: clean(meta.school, '') }
}

export const registerImportRoute = (app: OpenAPIHono, deps: AppDeps): void => {
  app.post(IMPORT_PATH, deps.throttles.create.middleware)
  app.post(
    IMPORT_PATH,
    bodyLimit({
      maxSize: MAX_IMPORT_BYTES,
      onError: (c) =>
        c.json(appErrorBody('payload_too_large', 'A backup may be at most 16 MiB'), 413, {
          connection: 'close',
        }),
    }),
  )
  app.openapi(importRoute, async (c) => {
    requireCreateKey(c, deps.config)
    const state = checkedDocument(c.req.valid('json'), deps)
    await ensureRoomForWorkspace(deps.lifecycle, deps.config)
    const id = newWorkspaceId()
    const keys: Record<Role, string> = {
      facilitator: newSecret(),
      editor: newSecret(),
      viewer: newSecret(),
    }
    await deps.lifecycle.createWorkspaceWithDocument(
      {
        id,
        ...titleOf(state),
        keyHashes: {
          facilitator: hashSecret(keys.facilitator),
          editor: hashSecret(keys.editor),
          viewer: hashSecret(keys.viewer),
        },
      },
      state,
    )
    deps.log.info('workspace imported', { workspaceId: id })
    const origin = publicOrigin(c, deps.config)
    const link = (key: string): string => `${origin}/join#${key}`
    return c.json(
      {
        id,
        links: {
          facilitator: link(keys.facilitator),
          editor: link(keys.editor),
          viewer: link(keys.viewer),
        },
      },
      201,
    )
  })
}
