import * as Y from 'yjs'
import { Root, SCHEMA_VERSION } from '../roots.ts'
import { evenRanks } from '../ordering/rank.ts'
import { newId } from '../ids.ts'
import type { Language } from '../vocabulary.ts'
import { DEFAULT_TEMPLATE } from './defaultTemplate.ts'
import { createAdoptionTrail } from '../adoption.ts'
import { createSessionState } from '../session.ts'
import { createBoardState } from '../rounds/board.ts'
import { addDefaultAgenda } from '../studyDay/agenda.ts'

export interface CreateWorkspaceInput {
  title: string
  school: string
  language?: Language
}

/**
 * Fill an empty workspace document from the default template, in one transaction (DM-8): meta,
 * adoption status `concept`, the 13 sections and the study day's default agenda in the
 * document's language.
 *
 * Run it once, where the workspace is created (the server), never on a client that has not
 * synced yet: two replicas that both run it would get 26 sections. A document whose meta
 * already has a schema version is left untouched.
 */
export function createWorkspaceDoc(doc: Y.Doc, input: CreateWorkspaceInput): void {
  const language: Language = input.language ?? 'nl'
  const meta = doc.getMap<unknown>(Root.meta)
  if (meta.has('schemaVersion')) return
  doc.transact(() => {
    meta.set('title', new Y.Text(input.title))
    meta.set('school', new Y.Text(input.school))
    meta.set('language', language)
    meta.set('sector', '')
    meta.set('period', new Y.Text(''))
    meta.set('reviewDate', '')
    meta.set('templateId', DEFAULT_TEMPLATE.id)
    meta.set('templateVersion', DEFAULT_TEMPLATE.version)
    meta.set('schemaVersion', SCHEMA_VERSION)
    meta.set('createdAt', Date.now())
    // Created here, never lazily: two replicas creating it concurrently would lose one (DM-9).
    meta.set('customValues', new Y.Map<true>())

    const adoption = doc.getMap<unknown>(Root.adoption)
    adoption.set('status', 'concept')
    createAdoptionTrail(adoption)
    createSessionState(doc.getMap<unknown>(Root.session))
    createBoardState(doc.getMap<unknown>(Root.board))

    const sections = doc.getMap<unknown>(Root.sections)
    const ranks = evenRanks(DEFAULT_TEMPLATE.sections.length)
    DEFAULT_TEMPLATE.sections.forEach((template, i) => {
      const section = new Y.Map<unknown>()
      sections.set(newId(), section)
      section.set('title', new Y.Text(template.title[language]))
      section.set('rank', ranks[i]!)
      section.set('buildingBlock', template.buildingBlock ?? '')
      section.set('questions', new Y.Text(template.questions[language].join('\n')))
      section.set('templateKey', template.key)
      section.set('removed', false)
    })
    // STUDY-2: the suggested agenda of a 3-hour study day, linked to these sections.
    addDefaultAgenda(doc, language)
  })
}
