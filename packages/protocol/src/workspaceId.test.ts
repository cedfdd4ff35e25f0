import { describe, expect, it } from 'vitest'
import { isWorkspaceId, newWorkspaceId } from './workspaceId.ts'
import { CloseCode, isRetryableClose } from './closeCode.ts'

describe('workspace id', () => {
  it('generates valid, distinct ids', () => {
    const ids = new Set(Array.from({ length: 100 }, () => newWorkspaceId()))
    expect(ids.size).toBe(100)
    for (const id of ids) expect(isWorkspaceId(id)).toBe(true)
  })
  it('rejects unsafe or badly sized ids', () => {
    for (const bad of [
      'short',
      'a'.repeat(33),
      '../../etc/passwd123456',
      'abc def ghi jkl mno',
      7,
    ]) {
      expect(isWorkspaceId(bad)).toBe(false)
    }
  })
})

describe('close codes', () => {
  it('marks slow consumers and rate limits as retryable, permission denied not', () => {
    expect(isRetryableClose(CloseCode.SlowConsumer)).toBe(true)
    expect(isRetryableClose(CloseCode.RateLimited)).toBe(true)
    expect(isRetryableClose(CloseCode.StoreUnavailable)).toBe(true)
    expect(isRetryableClose(CloseCode.PermissionDenied)).toBe(false)
    expect(isRetryableClose(CloseCode.MalformedFrame)).toBe(false)
  })
})
