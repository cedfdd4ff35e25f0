import type { RestoredVersion, SavedVersion, VersionInfo } from '@koers/protocol'
import { call, HttpError } from './api.ts'

// The HTTP calls of issue 10: exports, versions and the backup import.

export interface DownloadedFile {
  status: number
  headers: Headers
  bytes: Uint8Array
  /** The body as text (for Markdown, HTML, JSON and error bodies). */
  text: string
}

/** `GET …/export?…` (or a version's export) with a session cookie; never throws on a status. */
export async function download(
  url: string,
  path: string,
  cookie?: string,
  signal?: AbortSignal,
): Promise<DownloadedFile> {
  const res = await fetch(`${url}${path}`, {
    headers: cookie ? { cookie } : {},
    ...(signal ? { signal } : {}),
  })
  const bytes = new Uint8Array(await res.arrayBuffer())
  return { status: res.status, headers: res.headers, bytes, text: new TextDecoder().decode(bytes) }
}

export const exportPath = (workspaceId: string, query: string): string =>
  `/api/workspaces/${encodeURIComponent(workspaceId)}/export?${query}`

export const versionExportPath = (workspaceId: string, versionId: string, query: string): string =>
  `/api/workspaces/${encodeURIComponent(workspaceId)}/versions/${encodeURIComponent(versionId)}/export?${query}`

/** The live document as Markdown (throws unless 200). */
export async function markdownOf(
  url: string,
  workspaceId: string,
  cookie: string,
): Promise<string> {
  const file = await download(url, exportPath(workspaceId, 'format=md'), cookie)
  if (file.status !== 200) throw new HttpError(file.status, file.text)
  return file.text
}

export async function saveVersion(
  url: string,
  workspaceId: string,
  cookie: string,
  name: string,
): Promise<{ status: number; body: unknown; version: SavedVersion }> {
  const res = await call(url, `/api/workspaces/${encodeURIComponent(workspaceId)}/versions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ name }),
  })
  return { ...res, version: res.body as SavedVersion }
}

export async function listVersions(
  url: string,
  workspaceId: string,
  cookie: string,
): Promise<VersionInfo[]> {
  const res = await call(url, `/api/workspaces/${encodeURIComponent(workspaceId)}/versions`, {
    headers: { cookie },
  })
  if (res.status !== 200) throw new HttpError(res.status, res.body)
  return (res.body as { versions: VersionInfo[] }).versions
}

export async function restoreVersion(
  url: string,
  workspaceId: string,
  versionId: string,
  cookie: string,
): Promise<{ status: number; body: unknown; restored: RestoredVersion }> {
  const res = await call(
    url,
    `/api/workspaces/${encodeURIComponent(workspaceId)}/versions/${encodeURIComponent(versionId)}/restore`,
    { method: 'POST', headers: { cookie } },
  )
  return { ...res, restored: res.body as RestoredVersion }
}

/** `POST /api/workspaces/import` with a backup file's text. */
export async function importBackup(
  url: string,
  body: string,
  createKey?: string,
): Promise<{ status: number; body: unknown }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (createKey) headers.authorization = `Bearer ${createKey}`
  return call(url, '/api/workspaces/import', { method: 'POST', headers, body })
}
