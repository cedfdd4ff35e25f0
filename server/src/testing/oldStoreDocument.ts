import { openDatabase } from '../store/database.ts'
import { createSqliteDocumentStore } from '../store/sqliteDocumentStore.ts'

/**
 * Appends an update to a stopped server's stored document without any check, as an old store
 * (from before the schema was enforced) or a bug could have left it (WEB-1 tests).
 */
export const appendUnchecked = async (
  dataDir: string,
  workspaceId: string,
  update: Uint8Array,
): Promise<void> => {
  const db = openDatabase(dataDir, 'normal')
  try {
    await createSqliteDocumentStore(db).append([{ docId: workspaceId, update }])
  } finally {
    db.close()
  }
}
