import { EDITOR_PROTECTED_ROOTS } from '@koers/doc-model'
import type { Role } from './role.ts'

/**
 * What a role may do with the shared document. The one place where roles become rules:
 * - PERM-3 viewer: no document writes (dropped, answered with `permission denied`);
 * - PERM-4 editor: writes applied, then changes to protected roots reverted by the server;
 * - PERM-5 facilitator: everything.
 */
export type DocumentAccess =
  { kind: 'read-only' } | { kind: 'guarded'; protectedRoots: readonly string[] } | { kind: 'full' }

export const documentAccessFor = (role: Role): DocumentAccess => {
  switch (role) {
    case 'viewer':
      return { kind: 'read-only' }
    case 'editor':
      return { kind: 'guarded', protectedRoots: EDITOR_PROTECTED_ROOTS }
    case 'facilitator':
      return { kind: 'full' }
  }
}
