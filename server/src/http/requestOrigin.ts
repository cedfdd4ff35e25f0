import type { Context } from 'hono'
import type { ServerConfig } from '../config.ts'

/** The origin links point at: KOERS_PUBLIC_URL, else the request's own Host and protocol. */
export const publicOrigin = (c: Context, config: ServerConfig): string => {
  if (config.publicUrl) return config.publicUrl
  const url = new URL(c.req.url)
  const forwarded = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim()
  const protocol = forwarded === 'https' || forwarded === 'http' ? `${forwarded}:` : url.protocol
  const host = c.req.header('host') || url.host
  return `${protocol}//${host}`
}

export const isSecureOrigin = (origin: string): boolean => origin.startsWith('https:')

/**
 * PERM-7: a browser may open the WebSocket only from an allowed origin when KOERS_PUBLIC_URL
 * or KOERS_ALLOWED_ORIGINS is set. Non-browser clients send no Origin and are allowed.
 */
export const isAllowedSocketOrigin = (
  origin: string | undefined,
  config: ServerConfig,
): boolean => {
  const allowed = [...config.allowedOrigins, ...(config.publicUrl ? [config.publicUrl] : [])]
  if (allowed.length === 0 || origin === undefined) return true
  return allowed.includes(origin)
}
