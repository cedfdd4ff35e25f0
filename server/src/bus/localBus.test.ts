import { expect, it } from 'vitest'
import { busContract } from './bus.contract.ts'
import type { RoomSubscriber } from './bus.ts'
import { LocalBus, LocalBusNetwork } from './localBus.ts'

busContract('in-process', async () => {
  const network = new LocalBusNetwork()
  const a = new LocalBus(network)
  const b = new LocalBus(network)
  return { a, b, close: async () => void (await Promise.all([a.close(), b.close()])) }
})

it('SYNC-12: a room that unsubscribes leaves no channel behind', () => {
  const network = new LocalBusNetwork()
  const bus = new LocalBus(network)
  const subscriber: RoomSubscriber = { update: () => undefined, awareness: () => undefined }
  const first = bus.subscribe('doc-1', subscriber)
  const second = bus.subscribe('doc-1', subscriber)
  first()
  expect(network.channels.has('doc-1')).toBe(true)
  second()
  expect(network.channels.size).toBe(0)
})
