import { forgetLinks } from './inviteLinks.ts'
import { removeJoinedWorkspace } from './joinedWorkspaces.ts'

/**
 * PRIV-8: erases what this browser kept of a deleted workspace: its entry in the joined list,
 * the unsent-changes count, the remembered tab, the kept invite links and the IndexedDB copy (`koers-<id>`, removed
 * once the open connection to it has closed).
 */
export function forgetWorkspace(workspaceId: string): void {
  removeJoinedWorkspace(workspaceId)
  forgetLinks(workspaceId)
  try {
    localStorage.removeItem(`koers.unsent.${workspaceId}`)
    sessionStorage.removeItem(`koers.tab.${workspaceId}`)
  } catch {
    // storage unavailable: nothing was kept there either
  }
  try {
    indexedDB.deleteDatabase(`koers-${workspaceId}`)
  } catch {
    // no IndexedDB in this browser: no copy to erase
  }
}

const flashKey = 'koers.flash'

/** A one-time message for the next page (the home page after a deletion). */
export function setFlash(message: string): void {
  try {
    sessionStorage.setItem(flashKey, message)
  } catch {
    // not shown, no harm
  }
}

export function takeFlash(): string | null {
  try {
    const message = sessionStorage.getItem(flashKey)
    sessionStorage.removeItem(flashKey)
    return message
  } catch {
    return null
  }
}
