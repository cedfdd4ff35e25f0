import { busContract } from './bus.contract.ts'
import { LocalBus, LocalBusNetwork } from './localBus.ts'

busContract('in-process', async () => {
  const network = new LocalBusNetwork()
  const a = new LocalBus(network)
  const b = new LocalBus(network)
  return { a, b, close: async () => void (await Promise.all([a.close(), b.close()])) }
})
