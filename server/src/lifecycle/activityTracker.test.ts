import { describe, expect, it } from 'vitest'
import { silentLogger } from '../log.ts'
import type { LifecycleStore } from '../store/lifecycleStore.ts'
import { ActivityTracker } from './activityTracker.ts'

const recordingStore = () => {
  const touches: [string, number][] = []
  const store = {
    touchWorkspace: async (id: string, at: Date) => {
      touches.push([id, at.getTime()])
    },
  } as Pick<LifecycleStore, 'touchWorkspace'> as LifecycleStore
  return { store, touches }
}

describe('ActivityTracker (PRIV-5)', () => {
  it('PRIV-5 writes a workspace’s activity at most once per minute', () => {
    let now = 1_000_000
    const { store, touches } = recordingStore()
    const tracker = new ActivityTracker(store, silentLogger, () => now)
    for (let i = 0; i < 300; i++) tracker.touch('w1')
    tracker.touch('w2')
    expect(touches).toEqual([
      ['w1', 1_000_000],
      ['w2', 1_000_000],
    ])
    now += 59_999
    tracker.touch('w1')
    expect(touches).toHaveLength(2)
    now += 1
    tracker.touch('w1')
    expect(touches.at(-1)).toEqual(['w1', 1_060_000])
    tracker.forget('w2')
    tracker.touch('w2')
    expect(touches.at(-1)).toEqual(['w2', 1_060_000])
  })
})
