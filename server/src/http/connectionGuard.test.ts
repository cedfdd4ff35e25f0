import { createServer, type ServerResponse } from 'node:http'
import { connect, type AddressInfo } from 'node:net'
import { describe, expect, it, onTestFinished } from 'vitest'
import { connectionCap, guardConnections, openFileLimit } from './connectionGuard.ts'

describe('connection cap (SEC-4)', () => {
  it('SEC-4 keeps the cap 256 below the open-file limit, whatever is configured', () => {
    expect(connectionCap(null, null)).toBe(10_000)
    expect(connectionCap(null, 20_000)).toBe(10_000)
    expect(connectionCap(null, 1024)).toBe(768)
    expect(connectionCap(50_000, 20_000)).toBe(19_744)
    expect(connectionCap(200, 20_000)).toBe(200)
    expect(connectionCap(null, 100)).toBe(16)
  })

  it('reads this process’s open-file limit on Linux', () => {
    const limit = openFileLimit()
    if (process.platform === 'linux') expect(limit).toBeGreaterThan(0)
    else expect(limit).toBeNull()
  })
})

describe('idle connections (SEC-4)', () => {
  const IDLE_MS = 300

  async function guardedServer(
    handler: (response: ServerResponse) => void,
  ): Promise<{ port: number; close: () => Promise<void> }> {
    const server = createServer((_request, response) => handler(response))
    guardConnections(server, 100, IDLE_MS)
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    return {
      port: (server.address() as AddressInfo).port,
      close: () =>
        new Promise<void>((resolve) => {
          server.closeAllConnections()
          server.close(() => resolve())
        }),
    }
  }

  it('SEC-4 a connection that sends nothing is closed after the idle time', async () => {
    const server = await guardedServer((response) => response.end('ok'))
    onTestFinished(server.close)
    const socket = connect(server.port, '127.0.0.1')
    socket.on('error', () => undefined)
    await new Promise<void>((resolve) => socket.once('close', () => resolve()))
    expect(socket.destroyed).toBe(true)
  })

  it('SEC-4 an answer the server works on longer than the idle time still arrives', async () => {
    const server = await guardedServer((response) => {
      setTimeout(() => response.end('klaar'), IDLE_MS * 4)
    })
    onTestFinished(server.close)
    const res = await fetch(`http://127.0.0.1:${server.port}/export`)
    expect(res.status).toBe(200)
    expect(await res.text()).toBe('klaar')
  })
})
