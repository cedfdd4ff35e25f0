import { randomBytes } from 'node:crypto'
import { describe } from 'vitest'
import { silentLogger } from '../log.ts'
import { busContract } from './bus.contract.ts'
import { RedisBus } from './redisBus.ts'

const REDIS_URL = process.env.REDIS_URL ?? ''

// SCALE-3: the Redis bus passes the same contract as the in-process one (when REDIS_URL is set).
describe.skipIf(!REDIS_URL)('Redis bus', () => {
  busContract('redis', async () => {
    const prefix = `koers-test-${randomBytes(6).toString('hex')}`
    const a = await RedisBus.connect(REDIS_URL, prefix, silentLogger)
    const b = await RedisBus.connect(REDIS_URL, prefix, silentLogger)
    return { a, b, close: async () => void (await Promise.all([a.close(), b.close()])) }
  })
})
