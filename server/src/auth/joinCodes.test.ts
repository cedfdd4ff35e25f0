import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { JOIN_CODE_ALPHABET } from '@koers/protocol'
import { afterAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../store/database.ts'
import { createSqliteAccessStore } from '../store/sqliteAccessStore.ts'
import { createSqliteJoinCodeStore } from '../store/sqliteJoinCodeStore.ts'
import { drawJoinCode, JOIN_CODE_LIFETIME_MS, JoinCodeService } from './joinCodes.ts'
import { hashSecret } from './secrets.ts'

const dir = mkdtempSync(join(tmpdir(), 'koers-joincodes-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const db = openDatabase(dir, 'normal')
const access = createSqliteAccessStore(db)
const store = createSqliteJoinCodeStore(db)
let n = 0
async function workspace(): Promise<string> {
  const id = `w${++n}`
  await access.createWorkspace({
    id,
    title: 'T',
    school: 'S',
    keyHashes: { facilitator: `f${id}`, editor: `e${id}`, viewer: `v${id}` },
  })
  return id
}

const T0 = new Date(Date.UTC(2026, 2, 10, 8))
const after = (ms: number) => new Date(T0.getTime() + ms)

describe('STUDY-8 join codes on the server', () => {
  it('draws six symbols of the alphabet, every symbol used', () => {
    const seen = new Set<string>()
    for (let i = 0; i < 400; i++) {
      const code = drawJoinCode()
      expect(code).toMatch(new RegExp(`^[${JOIN_CODE_ALPHABET}]{6}$`))
      for (const char of code) seen.add(char)
    }
    expect(seen.size).toBe(JOIN_CODE_ALPHABET.length)
  })

  it('stores only the hash, and the code expires after 12 hours', async () => {
    const id = await workspace()
    const service = new JoinCodeService(store)
    const { code, expiresAt } = await service.open(id, T0)
    expect(expiresAt).toEqual(after(JOIN_CODE_LIFETIME_MS))
    const rows = db.prepare('SELECT * FROM join_codes WHERE workspace_id = ?').all(id)
    expect(JSON.stringify(rows)).not.toContain(code)
    expect(JSON.stringify(rows)).toContain(hashSecret(code))
    expect(await service.lookup(code.toLowerCase(), after(JOIN_CODE_LIFETIME_MS - 1))).toEqual({
      kind: 'open',
      workspaceId: id,
    })
    expect(await service.lookup(code, after(JOIN_CODE_LIFETIME_MS))).toEqual({ kind: 'expired' })
    expect(await service.current(id, after(JOIN_CODE_LIFETIME_MS))).toBeNull()
  })

  it('draws again when a code is another workspace’s live one', async () => {
    const [a, b] = [await workspace(), await workspace()]
    const draws = ['KKKKKK', 'KKKKKK', 'MMMMMM']
    const service = new JoinCodeService(store, () => draws.shift()!)
    expect((await service.open(a, T0)).code).toBe('KKKKKK')
    expect((await service.open(b, T0)).code).toBe('MMMMMM')
    expect(await service.lookup('kkkkkk', T0)).toEqual({ kind: 'open', workspaceId: a })
  })

  it('says closed for a closed code and unknown for anything else', async () => {
    const id = await workspace()
    const service = new JoinCodeService(store, () => 'PQRSTU')
    await service.open(id, T0)
    expect(await service.close(id, after(1))).toBe(true)
    expect(await service.lookup('PQRSTU', after(2))).toEqual({ kind: 'closed' })
    expect(await service.lookup('PQRSTV', after(2))).toEqual({ kind: 'unknown' })
    expect(await service.lookup('not a code', after(2))).toEqual({ kind: 'unknown' })
  })
})
