import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { createLogger } from './log.ts'

describe('logs (SEC-10)', () => {
  it('SEC-10: JSON lines with level, time and message; secrets are redacted, children carry fields', () => {
    const lines: string[] = []
    const sink = new Writable({
      write: (chunk: Buffer, _encoding, done) => {
        lines.push(chunk.toString())
        done()
      },
    })
    const log = createLogger(sink)
    log.child({ requestId: 'r-1' }).warn('let op', {
      key: 'geheime-sleutel',
      cookie: 'koers_session=x',
      nested: { ticket: 'kaartje' },
      workspaceId: 'w-1',
    })
    const line = JSON.parse(lines[0]!) as Record<string, unknown>
    expect(line).toMatchObject({
      level: 'warn',
      message: 'let op',
      requestId: 'r-1',
      workspaceId: 'w-1',
    })
    expect(typeof line.time).toBe('string')
    expect(lines[0]).not.toMatch(/geheime-sleutel|koers_session=x|kaartje/)
  })
})
