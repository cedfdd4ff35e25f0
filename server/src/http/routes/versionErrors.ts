import { AppError } from '../appError.ts'
import type { AppDeps } from '../context.ts'
import { RoomUnavailableError } from '../../sync/roomRegistry.ts'
import { VersionError } from '../../versions/versionService.ts'

/** A version or room failure as the API's error (VER-10). */
export const asAppError = (error: unknown): unknown => {
  if (error instanceof VersionError) {
    switch (error.reason) {
      case 'not_found':
        return new AppError('not_found', error.message)
      case 'full':
        return new AppError('capacity_reached', error.message)
      case 'too_large':
        return new AppError('payload_too_large', error.message)
    }
  }
  if (error instanceof RoomUnavailableError) return new AppError('busy', error.message)
  return error
}

/** DUR-1: the stored document of a workspace; 404 when it has none (deleted meanwhile). */
export const storedStateOr404 = async (deps: AppDeps, workspaceId: string): Promise<Uint8Array> => {
  try {
    return await deps.registry.storedState(workspaceId)
  } catch (error) {
    if (error instanceof RoomUnavailableError) throw asAppError(error)
    throw new AppError('not_found', 'This workspace has no document')
  }
}
