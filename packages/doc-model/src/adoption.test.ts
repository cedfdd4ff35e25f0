import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { readAdoption, setAdoptionStatus } from './adoption.ts'
import { Root } from './roots.ts'

describe('adoption', () => {
  it('reads an empty document as concept with no steps', () => {
    expect(readAdoption(new Y.Doc())).toEqual({
      status: 'concept',
      steps: { concept: null, teambespreking: null, mr: null, vastgesteld: null },
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
