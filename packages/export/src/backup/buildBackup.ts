import {
  customValues,
  listActions,
  listPrinciples,
  listSections,
  principleProvenance,
  readCreatedAt,
  readMeta,
} from '@koers/doc-model'
import { toBase64 } from 'lib0/buffer'
import * as Y from 'yjs'
import { adoptionTrail } from '../model/trail.ts'
import { sectionBodyNode } from '../model/sectionBody.ts'
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupContent, type BackupV1 } from './backupSchema.ts'

export interface BackupMeta {
  /** The moment of the backup (default: now). */
  now?: Date
}

/** The readable view of a document: what doc-model's readers return, bodies as ProseMirror JSON. */
export function backupContent(doc: Y.Doc): BackupContent {
  return {
    customValues: customValues(doc),
    adoption: adoptionTrail(doc),
    sections: listSections(doc).map((section) => ({
      id: section.id,
      title: section.title,
      buildingBlock: section.buildingBlock,
      questions: section.questions,
      templateKey: section.templateKey,
      body: sectionBodyNode(doc, section.id).toJSON() as { type: string },
    })),
    principles: listPrinciples(doc).map((principle) => ({
      id: principle.id,
      statement: principle.statement,
      rationale: principle.rationale,
      values: principle.values,
      buildingBlocks: principle.buildingBlocks,
      provenance: principleProvenance(doc, principle.id),
    })),
    actions: listActions(doc).map((action) => ({
      id: action.id,
      what: action.what,
      owner: action.owner,
      due: action.due,
      status: action.status,
      principleId: action.principleId,
    })),
  }
}

/**
 * A complete, versioned backup (EXP-12): the whole Yjs state plus a readable view. Holds no
 * sessions, links or secrets (those live in the server's store, not in the document) and no
 * names (the document holds none; who took part is only counted, in the appendix).
 */
export function buildBackup(doc: Y.Doc, meta: BackupMeta = {}): BackupV1 {
  const m = readMeta(doc)
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: (meta.now ?? new Date()).toISOString(),
    workspace: {
      title: m.title,
      school: m.school,
      sector: m.sector,
      language: m.language,
      period: m.period,
      reviewDate: m.reviewDate,
      templateId: m.templateId,
      templateVersion: m.templateVersion,
      schemaVersion: m.schemaVersion,
      createdAt: readCreatedAt(doc),
    },
    document: { state: toBase64(Y.encodeStateAsUpdate(doc)) },
    content: backupContent(doc),
  }
}
