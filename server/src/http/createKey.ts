import type { Context } from 'hono'
import { safeEqual } from '../auth/secrets.ts'
import type { ServerConfig } from '../config.ts'
import { AppError } from './appError.ts'

/**
 * PERM-8: when `KOERS_CREATE_KEY` is set, creating a workspace (also by importing a backup)
 * needs `Authorization: Bearer <key>`, compared in constant time.
 */
export const requireCreateKey = (c: Context, config: ServerConfig): void => {
  const createKey = config.createKey
  if (!createKey) return
  const header = c.req.header('authorization') ?? ''
  const presented = header.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : ''
  if (!presented || !safeEqual(presented, createKey)) {
    throw new AppError('create_key_required', 'Creating a workspace needs the create key')
  }
}
