import { readLocal, writeLocal } from './localStore.ts'

const storageKey = 'koers.displayName'

export function lastDisplayName(): string {
  return readLocal(storageKey) ?? ''
}

export function rememberDisplayName(name: string): void {
  writeLocal(storageKey, name)
}
