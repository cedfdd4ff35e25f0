import type { OpenAPIHono } from '@hono/zod-openapi'
import { createReadStream, existsSync, statSync } from 'node:fs'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { Readable } from 'node:stream'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
}

const NOT_BUILT = `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>Koers</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto">
<h1>Koers</h1>
<p>De server draait, maar de webapp is nog niet gebouwd. Voer <code>pnpm build</code> uit en start opnieuw.</p>
<p lang="en">The server is running, but the web app has not been built. Run <code>pnpm build</code> and restart.</p>
</body></html>`

const isFile = (path: string): boolean => {
  try {
    return statSync(path).isFile()
  } catch {
    return false
  }
}

/**
 * Serves the built web app from `webDir`; any other GET outside /api and /sync falls back to
 * index.html (client-side routes such as /join and /w/:id).
 */
export const registerStaticFiles = (app: OpenAPIHono, webDir: string): void => {
  const root = resolve(webDir)
  const file = (path: string, immutable: boolean): Response => {
    const type = CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream'
    const body = Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>
    return new Response(body, {
      headers: {
        'content-type': type,
        'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      },
    })
  }
  app.get('*', (c, next) => {
    const path = c.req.path
    if (path.startsWith('/api/') || path === '/api' || path.startsWith('/sync/')) return next()
    const index = join(root, 'index.html')
    if (!existsSync(index)) return c.html(NOT_BUILT, 200)
    let decoded: string
    try {
      decoded = decodeURIComponent(path)
    } catch {
      return c.notFound()
    }
    // SEC-7: source maps would hand out the full sources; they are not served even if present.
    if (decoded.toLowerCase().endsWith('.map')) return c.notFound()
    const candidate = normalize(join(root, decoded))
    if ((candidate === root || candidate.startsWith(root + sep)) && isFile(candidate)) {
      return file(candidate, decoded.startsWith('/assets/'))
    }
    if (extname(decoded) !== '' && !decoded.endsWith('.html')) return c.notFound()
    return file(index, false)
  })
}
