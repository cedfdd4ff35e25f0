import { describe, expect, test } from 'vitest'
import { workspaceWithRoles } from '../support/api.ts'
import { openClient } from '../support/testClients.ts'
import { startTestServer } from '../support/testServer.ts'
import { sectionIds, typeInto } from '../support/typing.ts'

describe('observability (SCALE-9, SEC-10)', () => {
  test('SCALE-9 /metrics in Prometheus format counts connections, rooms, updates, frames and commits', async () => {
    const server = await startTestServer()
    const { editor } = await workspaceWithRoles(server.url)
    const client = await openClient(server.url, editor)
    typeInto(client.doc, sectionIds(client.doc)[0]!, 'meten is weten')
    await expect
      .poll(async () => {
        const text = await (await fetch(`${server.url}/metrics`)).text()
        return /^koers_updates_in_total [1-9]/m.test(text) && /^koers_connections 1$/m.test(text)
      })
      .toBe(true)
    const res = await fetch(`${server.url}/metrics`)
    expect(res.headers.get('content-type')).toContain('text/plain')
    const text = await res.text()
    for (const name of [
      'koers_rooms_loaded 1',
      'koers_frames_out_total',
      'koers_bytes_out_total',
      'koers_store_commit_seconds_bucket',
      'koers_bus_lag_seconds',
      'koers_bus_catchups_total',
      'koers_sockets_closed_total',
      'koers_reverted_changes_total',
      'koers_nodejs_eventloop_lag_seconds',
    ]) {
      expect(text).toContain(name)
    }
  })

  test('SCALE-9 with KOERS_METRICS_TOKEN only the bearer of the token reads /metrics; SEC-10 every response has a request id', async () => {
    const server = await startTestServer({ env: { KOERS_METRICS_TOKEN: 'meettoken' } })
    expect((await fetch(`${server.url}/metrics`)).status).toBe(401)
    const ok = await fetch(`${server.url}/metrics`, {
      headers: { authorization: 'Bearer meettoken' },
    })
    expect(ok.status).toBe(200)
    expect(ok.headers.get('x-request-id')).toMatch(/.{8,}/)
    const echoed = await fetch(`${server.url}/healthz`, {
      headers: { 'x-request-id': 'mijn-verzoek-1' },
    })
    expect(echoed.headers.get('x-request-id')).toBe('mijn-verzoek-1')
  })
})
