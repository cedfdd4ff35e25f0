import { createServer, connect, type Socket } from 'node:net'
import type { AddressInfo } from 'node:net'

export interface NetworkSwitch {
  /** `http://127.0.0.1:<port>`: the server, reached through the switch. */
  url: string
  /** Unplug: cut every open connection (WebSockets too) and refuse new ones; plug back in. */
  setConnected: (connected: boolean) => void
  close: () => Promise<void>
}

/**
 * A TCP relay in front of the server that can be unplugged. Playwright's `setOffline` does not
 * touch open WebSockets (microsoft/playwright#4910), so a lost Wi-Fi is simulated here.
 */
export async function startNetworkSwitch(targetPort: number): Promise<NetworkSwitch> {
  let connected = true
  const open = new Set<Socket>()
  const server = createServer((client) => {
    if (!connected) {
      client.destroy()
      return
    }
    const upstream = connect(targetPort, '127.0.0.1')
    for (const socket of [client, upstream]) {
      open.add(socket)
      socket.on('close', () => open.delete(socket))
      socket.on('error', () => undefined)
    }
    client.pipe(upstream)
    upstream.pipe(client)
    client.on('close', () => upstream.destroy())
    upstream.on('close', () => client.destroy())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    setConnected: (value) => {
      connected = value
      if (!value) for (const socket of open) socket.resetAndDestroy()
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy()
        server.close(() => resolve())
      }),
  }
}
