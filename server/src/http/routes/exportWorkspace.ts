import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { AppError } from '../appError.ts'
import type { AppDeps } from '../context.ts'
import { attachment } from '../contentDisposition.ts'
import { requireMember } from '../memberSession.ts'
import { errorResponses, WorkspaceIdParam } from '../schemas.ts'
import { ExportQuery } from '../versionSchemas.ts'
import { ExportBusyError, ExportCancelledError } from '../../export/exportPool.ts'
import { storedStateOr404 } from './versionErrors.ts'

const FILE_TYPES = [
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/pdf',
  'text/markdown',
  'text/html',
  'application/json',
]

/** The 200 answer of an export: the file, as an attachment. */
export const fileResponse = {
  description:
    'The file, with `Content-Disposition: attachment; filename="<slug>.<ext>"; filename*=UTF-8\'\'…`',
  content: Object.fromEntries(
    FILE_TYPES.map((type) => [type, { schema: z.string().openapi({ format: 'binary' }) }]),
  ),
}

const exportRoute = createRoute({
  method: 'get',
  path: '/api/workspaces/{id}/export',
  summary: 'Export the workspace as Word, PDF, Markdown, HTML or a JSON backup (any role)',
  description:
    'Exports the stored document (EXP-16) in a worker thread (EXP-17). 503 `busy` when too ' +
    'many exports wait (EXP-18). `format=json` is the backup that `POST /api/workspaces/import` ' +
    'takes (VER-7).',
  request: { params: WorkspaceIdParam, query: ExportQuery },
  responses: { 200: fileResponse, ...errorResponses(400, 401, 403, 404, 503) },
})

type ExportChoice = z.infer<typeof ExportQuery>

/**
 * EXP-16: exports a document state through the worker pool and answers with the file. The
 * export is dropped when the client goes away (EXP-19).
 */
export const sendExport = async (
  c: Context,
  deps: AppDeps,
  workspaceId: string,
  state: Uint8Array,
  choice: ExportChoice,
): Promise<Response> => {
  const participants = choice.appendix
    ? await deps.lifecycle.countParticipants(workspaceId)
    : undefined
  try {
    const file = await deps.exports.run(
      state,
      choice.format,
      {
        lang: choice.lang ?? 'nl',
        questions: choice.questions,
        appendix: choice.appendix,
        ...(participants !== undefined ? { participants } : {}),
      },
      c.req.raw.signal,
    )
    return new Response(file.bytes as Uint8Array<ArrayBuffer>, {
      status: 200,
      headers: {
        'content-type': file.contentType,
        'content-disposition': attachment(file.filename),
        'content-length': String(file.bytes.byteLength),
      },
    })
  } catch (error) {
    if (error instanceof ExportBusyError) throw new AppError('busy', error.message)
    if (error instanceof ExportCancelledError)
      throw new AppError('busy', 'The export was cancelled')
    throw new AppError('internal', 'The export failed')
  }
}

export const registerExportRoute = (app: OpenAPIHono, deps: AppDeps): void => {
  app.openapi(exportRoute, async (c) => {
    const { id } = c.req.valid('param')
    const choice = c.req.valid('query')
    await requireMember(c, deps.sessions, id)
    const state = await storedStateOr404(deps, id)
    // The file type depends on the format; the route lists every one.
    return sendExport(c, deps, id, state, choice) as never
  })
}
