import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase } from './database.ts'
import { migrate, MIGRATIONS, type Migration } from './migrations.ts'

let dir = ''
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const tables = (db: Database.Database): string[] =>
  db
    .prepare<[], { name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
    )
    .all()
    .map((row) => row.name)

describe('schema migrations (SCALE-1)', () => {
  it('SCALE-1: a new database gets every step once and records its version', () => {
    dir = mkdtempSync(join(tmpdir(), 'koers-migrate-'))
    const db = openDatabase(dir, 'normal')
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)!.version)
    expect(tables(db)).toEqual(expect.arrayContaining(['client_owners', 'sessions', 'updates']))
    db.close()
    // Opening again runs nothing: a step that would fail proves it.
    const again = openDatabase(dir, 'normal')
    const exploding: Migration = {
      version: MIGRATIONS.at(-1)!.version,
      name: 'never again',
      up: () => {
        throw new Error('ran twice')
      },
    }
    expect(() => migrate(again, [...MIGRATIONS.slice(0, -1), exploding])).not.toThrow()
    again.close()
  })

  it('SCALE-1: a database from before versioning passes through unchanged, data kept', () => {
    dir = mkdtempSync(join(tmpdir(), 'koers-migrate-'))
    const old = new Database(join(dir, 'koers.sqlite'))
    MIGRATIONS[0]!.up(old)
    old.prepare("INSERT INTO workspaces VALUES ('w1', 'Visie', 'De Linde', '2025-01-01')").run()
    old.close()
    const db = openDatabase(dir, 'normal')
    expect(db.prepare('SELECT title FROM workspaces').get()).toEqual({ title: 'Visie' })
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)!.version)
    db.close()
  })

  it('SCALE-1: a failing step changes nothing; a newer database is refused', () => {
    dir = mkdtempSync(join(tmpdir(), 'koers-migrate-'))
    const db = openDatabase(dir, 'normal')
    const next = MIGRATIONS.at(-1)!.version + 1
    const broken: Migration = {
      version: next,
      name: 'half done',
      up: (inner) => {
        inner.exec('CREATE TABLE half (x INTEGER)')
        throw new Error('disk on fire')
      },
    }
    expect(() => migrate(db, [...MIGRATIONS, broken])).toThrow('disk on fire')
    expect(tables(db)).not.toContain('half')
    expect(db.pragma('user_version', { simple: true })).toBe(next - 1)
    db.pragma(`user_version = ${next + 5}`)
    expect(() => migrate(db)).toThrow(/schema version/)
    db.close()
  })
})
