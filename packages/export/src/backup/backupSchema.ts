import { z } from 'zod'

export const BACKUP_FORMAT = 'koers-backup'
export const BACKUP_VERSION = 1

const isoDate = z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/)])

const workspace = z.object({
  title: z.string(),
  school: z.string(),
  sector: z.enum(['po', 'vo', 'mbo', 'so', '']),
  language: z.enum(['nl', 'en']),
  period: z.string(),
  reviewDate: isoDate,
  templateId: z.string(),
  templateVersion: z.number(),
  schemaVersion: z.number().int().min(1),
  createdAt: z.number().nullable(),
})

const proseMirrorJson = z.looseObject({ type: z.string() })

const content = z.object({
  customValues: z.array(z.string()),
  adoption: z.object({
    status: z.enum(['concept', 'teambespreking', 'mr', 'vastgesteld']),
    steps: z.array(
      z.object({
        step: z.enum(['concept', 'teambespreking', 'mr', 'vastgesteld']),
        date: isoDate,
        note: z.string(),
      }),
    ),
  }),
  sections: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      buildingBlock: z.string(),
      questions: z.array(z.string()),
      templateKey: z.string(),
      body: proseMirrorJson,
    }),
  ),
  principles: z.array(
    z.object({
      id: z.string(),
      statement: z.string(),
      rationale: z.string(),
      values: z.array(z.string()),
      buildingBlocks: z.array(z.string()),
      provenance: z.string(),
    }),
  ),
  actions: z.array(
    z.object({
      id: z.string(),
      what: z.string(),
      owner: z.string(),
      due: isoDate,
      status: z.enum(['open', 'bezig', 'klaar']),
      principleId: z.string(),
    }),
  ),
})

/** A Koers backup file, version 1 (EXP-12). */
export const backupV1 = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: z.iso.datetime(),
  workspace,
  document: z.object({
    /** Base64 of `Y.encodeStateAsUpdate(doc)`: the whole document, the source of truth. */
    state: z.string().regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/, {
      message: 'is not base64',
    }),
  }),
  /** A readable view of the state, for people and other tools; ignored when restoring. */
  content,
})

export type BackupV1 = z.infer<typeof backupV1>
export type BackupContent = z.infer<typeof content>
