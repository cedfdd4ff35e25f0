import { z } from '@hono/zod-openapi'
import {
  EXPORT_FORMAT_NAMES,
  VERSION_KINDS,
  VERSION_NAME_MAX,
  type RestoredVersion as RestoredVersionBody,
  type SavedVersion as SavedVersionBody,
  type SaveVersionRequest,
  type VersionInfo as VersionInfoBody,
  type VersionList as VersionListBody,
} from '@koers/protocol'
import { agree, displayText, WorkspaceIdParam, type Same } from './schemas.ts'

// Issue 10: the schemas of the export, import and version routes (docs/versions.md, EXP-16).

const flag = z
  .enum(['0', '1'])
  .optional()
  .transform((value) => value === '1')

export const ExportQuery = z.object({
  format: z.enum(EXPORT_FORMAT_NAMES).openapi({
    param: { name: 'format', in: 'query' },
    description: 'docx (Word), pdf, md (Markdown), html, or json (the backup, VER-7)',
  }),
  lang: z
    .enum(['nl', 'en'])
    .optional()
    .openapi({ param: { name: 'lang', in: 'query' }, description: 'Language of the labels (nl)' }),
  questions: flag.openapi({
    param: { name: 'questions', in: 'query' },
    description: '1: show each section’s guiding questions',
  }),
  appendix: flag.openapi({
    param: { name: 'appendix', in: 'query' },
    description: '1: add the appendix (participant count, provenance, status trail; no names)',
  }),
})

export const VersionParams = WorkspaceIdParam.extend({
  versionId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a version id')
    .openapi({ param: { name: 'versionId', in: 'path' } }),
})

export const SaveVersionBody = z
  .object({
    name: displayText(VERSION_NAME_MAX).openapi({ example: 'Na de studiedag' }),
  })
  .openapi('SaveVersion')

export const SavedVersion = z
  .object({
    id: z.string(),
    name: z.string(),
    createdAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('SavedVersion')

export const VersionInfo = SavedVersion.extend({ kind: z.enum(VERSION_KINDS) }).openapi('Version')

export const VersionList = z.object({ versions: z.array(VersionInfo) }).openapi('VersionList')

export const RestoredVersion = z
  .object({ restored: VersionInfo, before: VersionInfo })
  .openapi('RestoredVersion')

/** The backup file (EXP-12); checked in full by `parseBackup`, here only that it is an object. */
export const BackupBody = z.record(z.string(), z.unknown()).openapi('Backup', {
  description: 'A Koers backup file as exported with `format=json` (EXP-12)',
})

agree<Same<z.infer<typeof SaveVersionBody>, SaveVersionRequest>>()
agree<Same<z.infer<typeof SavedVersion>, SavedVersionBody>>()
agree<Same<z.infer<typeof VersionInfo>, VersionInfoBody>>()
agree<Same<z.infer<typeof VersionList>, VersionListBody>>()
agree<Same<z.infer<typeof RestoredVersion>, RestoredVersionBody>>()
