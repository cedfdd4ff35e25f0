import { createReadStream, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { extname, join, normalize } from 'node:path'
import { build } from 'vite'
import { repoRoot } from '../support/spawnServer.ts'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
}

export interface BarePage {
  url: string
  close: () => Promise<void>
}

/**
 * Builds apps/web/bench/bare.html (Tiptap + Yjs, the extension list of a Koers section, nothing
 * else) with Vite and serves it from 127.0.0.1: no third-party requests.
 */
export async function serveBarePage(): Promise<BarePage> {
  const outDir = mkdtempSync(join(tmpdir(), 'koers-bare-'))
  await build({
    root: join(repoRoot, 'apps/web/bench'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, rollupOptions: { input: 'bare.html' } },
  })
  const server: Server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname))
    const file = join(outDir, path === '/' ? 'bare.html' : path)
    if (!file.startsWith(outDir) || !existsSync(file)) {
      response.writeHead(404).end()
      return
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' })
    createReadStream(file).pipe(response)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/bare.html`,
    close: async () => {
      await new Promise((resolve) => server.close(resolve))
      rmSync(outDir, { recursive: true, force: true })
    },
  }
}
