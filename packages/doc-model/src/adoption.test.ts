import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { isAdopted, readAdoption, setAdoptionStatus } from './adoption.ts'
import { createWorkspaceDoc } from './template/createWorkspaceDoc.ts'
import { Root } from './roots.ts'

describe('adoption', () => {
  it('reads an empty document as concept with no steps', () => {
    expect(readAdoption(new Y.Doc())).toEqual({
      status: 'concept',
      steps: { concept: null, teambespreking: null, mr: null, vastgesteld: null },
      history: [],
    })
  })

  it('records the trail of steps; moving back keeps later steps', () => {
    const doc = new Y.Doc()
    setAdoptionStatus(doc, 'teambespreking', { date: '2026-03-02', note: 'Studiedag' })
    setAdoptionStatus(doc, 'mr', { date: '2026-04-14', note: 'Instemming gevraagd' })
    setAdoptionStatus(doc, 'teambespreking', { date: '2026-04-20', note: 'Terug naar team' })
    const view = readAdoption(doc)
    expect(view.status).toBe('teambespreking')
    expect(view.steps.teambespreking).toEqual({ date: '2026-04-20', note: 'Terug naar team' })
    expect(view.steps.mr).toEqual({ date: '2026-04-14', note: 'Instemming gevraagd' })
    expect(view.steps.vastgesteld).toBeNull()
  })

  it('DM-17: every step, including going back, is appended to the history with role and time', () => {
    const doc = new Y.Doc()
    createWorkspaceDoc(doc, { title: 'Visie', school: 'De Linde' })
    setAdoptionStatus(doc, 'vastgesteld', { date: '2026-06-01', note: 'Bestuur' })
    setAdoptionStatus(doc, 'mr', { date: '2026-06-03', note: 'Heropend voor een correctie' })
    const { status, history } = readAdoption(doc)
    expect(status).toBe('mr')
    expect(history.map((entry) => [entry.step, entry.note, entry.role])).toEqual([
      ['vastgesteld', 'Bestuur', 'facilitator'],
      ['mr', 'Heropend voor een correctie', 'facilitator'],
    ])
    expect(history.every((entry) => entry.at > 0)).toBe(true)
    expect(isAdopted(doc)).toBe(false)
  })

  it('DM-17: reads a document from before the history (one record per step)', () => {
    const doc = new Y.Doc()
    const adoption = doc.getMap<unknown>(Root.adoption)
    adoption.set('status', 'mr')
    const step = new Y.Map<unknown>()
    adoption.set('mr', step)
    step.set('date', '2025-05-05')
    step.set('note', 'oud')
    expect(readAdoption(doc)).toMatchObject({
      status: 'mr',
      steps: { mr: { date: '2025-05-05', note: 'oud' } },
      history: [],
    })
  })

  it('DM-11: rejects a malformed date and reads malformed content with defaults', () => {
    const doc = new Y.Doc()
    expect(() => setAdoptionStatus(doc, 'mr', { date: 'morgen', note: '' })).toThrow(RangeError)
    const adoption = doc.getMap<unknown>(Root.adoption)
    adoption.set('status', 'goedgekeurd')
    const step = new Y.Map<unknown>()
    adoption.set('mr', step)
    step.set('date', 20260101)
    expect(readAdoption(doc).status).toBe('concept')
    expect(readAdoption(doc).steps.mr).toEqual({ date: '', note: '' })
  })
})
