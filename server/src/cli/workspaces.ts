import { isWorkspaceId } from '@koers/protocol'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { ConfigError, loadConfig } from '../config.ts'
import { openDatabase } from '../store/database.ts'
import { createSqliteLifecycleStore } from '../store/sqliteLifecycleStore.ts'

const USAGE = `Koers workspaces, for the host (PRIV-2). Stop Koers first: a running server keeps open
workspaces in memory and would write them back.

  pnpm workspaces list           every workspace: id, last activity, created, school, title
  pnpm workspaces delete <id>    deletes one workspace for good (document, links, sessions)

Reads KOERS_DATA_DIR like the server (default ./data).
`

const run = async (args: string[]): Promise<number> => {
  const [command, id] = args
  if (command !== 'list' && command !== 'delete') {
    process.stdout.write(USAGE)
    return command === undefined || command === 'help' ? 0 : 2
  }
  const config = loadConfig()
  if (!existsSync(join(config.dataDir, 'koers.sqlite'))) {
    process.stderr.write(`No Koers database in ${config.dataDir}\n`)
    return 1
  }
  const db = openDatabase(config.dataDir, config.sqliteSync)
  try {
    const store = createSqliteLifecycleStore(db)
    if (command === 'list') {
      for (const w of await store.listWorkspaces()) {
        process.stdout.write(
          `${w.id}  ${w.lastActivityAt.slice(0, 10)}  ${w.createdAt.slice(0, 10)}  ${w.school} – ${w.title}\n`,
        )
      }
      return 0
    }
    if (!id || !isWorkspaceId(id)) {
      process.stderr.write('Give the id of the workspace to delete (see `pnpm workspaces list`).\n')
      return 2
    }
    if ((await store.lastActivity(id)) === null) {
      process.stderr.write(`No workspace ${id}\n`)
      return 1
    }
    await store.deleteWorkspace(id)
    process.stdout.write(`Deleted workspace ${id}\n`)
    return 0
  } finally {
    db.close()
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof ConfigError ? error.message : String(error)}\n`)
    process.exit(1)
  },
)
