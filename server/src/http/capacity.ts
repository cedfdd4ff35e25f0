import { statfsSync } from 'node:fs'
import type { ServerConfig } from '../config.ts'
import type { LifecycleStore } from '../store/lifecycleStore.ts'
import { AppError } from './appError.ts'

/** Free bytes for an unprivileged process on the disk of `dir`; null when it cannot be read. */
export const freeDiskBytes = (dir: string): number | null => {
  try {
    const stats = statfsSync(dir)
    return stats.bavail * stats.bsize
  } catch {
    return null
  }
}

/**
 * SEC-3: a new workspace is refused with 507 `capacity_reached` once `KOERS_MAX_WORKSPACES`
 * exist, or when the data dir's disk has less than `KOERS_MIN_FREE_DISK_MB` free.
 */
export const ensureRoomForWorkspace = async (
  store: LifecycleStore,
  config: ServerConfig,
): Promise<void> => {
  if ((await store.countWorkspaces()) >= config.protection.maxWorkspaces) {
    throw new AppError(
      'capacity_reached',
      'This server holds as many workspaces as it may; ask its host for room',
    )
  }
  const free = freeDiskBytes(config.dataDir)
  if (free !== null && free < config.protection.minFreeDiskBytes) {
    throw new AppError('capacity_reached', 'The disk of this server is nearly full; ask its host')
  }
}
