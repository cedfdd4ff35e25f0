import { describe, expect, it } from 'vitest'
import { loadConfig } from './config.ts'
import { startupWarnings } from './startupWarnings.ts'

describe('startup warnings (SEC-3)', () => {
  it('SEC-3 warns when creation is open on a public https origin, and only then', () => {
    const open = startupWarnings(loadConfig({ KOERS_PUBLIC_URL: 'https://koers.school.nl' }))
    expect(open).toHaveLength(1)
    expect(open[0]).toContain('KOERS_CREATE_KEY')
    expect(
      startupWarnings(
        loadConfig({ KOERS_PUBLIC_URL: 'https://koers.school.nl', KOERS_CREATE_KEY: 'k' }),
      ),
    ).toEqual([])
    expect(startupWarnings(loadConfig({ KOERS_PUBLIC_URL: 'http://10.0.0.2:8080' }))).toEqual([])
    expect(startupWarnings(loadConfig({}))).toEqual([])
  })

  it('reads the protection settings with their defaults and refuses nonsense', () => {
    const config = loadConfig({})
    expect(config.protection).toEqual({
      trustProxy: false,
      createsPerHour: 30,
      joinsPerMinute: 600,
      codeGuessesPerMinute: 20,
      maxWorkspaces: 10_000,
      minFreeDiskBytes: 1024 * 1024 * 1024,
      maxConnections: null,
      retentionDays: null,
    })
    expect(
      loadConfig({ KOERS_TRUST_PROXY: '1', KOERS_RETENTION_DAYS: '365' }).protection,
    ).toMatchObject({ trustProxy: true, retentionDays: 365 })
    expect(() => loadConfig({ KOERS_TRUST_PROXY: 'yes' })).toThrow(/KOERS_TRUST_PROXY/)
    expect(() => loadConfig({ KOERS_RETENTION_DAYS: '0' })).toThrow(/KOERS_RETENTION_DAYS/)
    expect(() => loadConfig({ KOERS_MAX_WORKSPACES: '-1' })).toThrow(/KOERS_MAX_WORKSPACES/)
  })
})
