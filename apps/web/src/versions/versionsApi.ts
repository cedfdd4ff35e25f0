import type {
  CreatedWorkspace,
  ExportFormatName,
  RestoredVersion,
  SavedVersion,
  VersionInfo,
  VersionList,
} from '@koers/protocol'
import * as Y from 'yjs'
import { ApiError, NetworkError } from '../api/client.ts'

// The HTTP calls of the export dialog, the versions panel and the import form (docs/versions.md).

export interface ExportChoice {
  format: ExportFormatName
  lang: 'nl' | 'en'
  questions: boolean
  appendix: boolean
}

const base = (workspaceId: string): string => `/api/workspaces/${encodeURIComponent(workspaceId)}`

/** The API path of an export of the live document, or of a version when `versionId` is set. */
export function exportUrl(workspaceId: string, choice: ExportChoice, versionId?: string): string {
  const query = new URLSearchParams({ format: choice.format, lang: choice.lang })
  if (choice.questions) query.set('questions', '1')
  if (choice.appendix) query.set('appendix', '1')
  const path = versionId
    ? `${base(workspaceId)}/versions/${encodeURIComponent(versionId)}/export`
    : `${base(workspaceId)}/export`
  return `${path}?${query}`
}

async function send(path: string, init: RequestInit): Promise<Response> {
  let response: Response
  try {
    response = await fetch(path, { credentials: 'same-origin', ...init })
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error
    throw new NetworkError(error)
  }
  if (!response.ok) {
    let code = 'unknown'
    let message = ''
    try {
      const body = (await response.json()) as { error?: { code?: string; message?: string } }
      code = body.error?.code ?? code
      message = body.error?.message ?? message
    } catch {
      // not JSON: keep the status
    }
    throw new ApiError(response.status, code, message)
  }
  return response
}

async function json<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await send(path, {
    ...init,
    headers: { accept: 'application/json', ...(init.headers ?? {}) },
  })
  return (await response.json()) as T
}

/** The file name a download gets: `filename*` (RFC 5987) first, else `filename`. */
export function filenameOf(disposition: string | null, fallback: string): string {
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '')
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1])
    } catch {
      // fall through to the plain name
    }
  }
  return /filename="([^"]+)"/i.exec(disposition ?? '')?.[1] ?? fallback
}

/** Fetches an export (abortable) and hands the browser the file as a download. */
export async function downloadExport(url: string, signal: AbortSignal): Promise<string> {
  const response = await send(url, { signal })
  const blob = await response.blob()
  const filename = filenameOf(response.headers.get('content-disposition'), 'koers-export')
  const href = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = href
  link.download = filename
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(href), 60_000)
  return filename
}

export function listVersions(workspaceId: string): Promise<VersionInfo[]> {
  return json<VersionList>(`${base(workspaceId)}/versions`).then((list) => list.versions)
}

export function saveVersion(workspaceId: string, name: string): Promise<SavedVersion> {
  return json(`${base(workspaceId)}/versions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name }),
  })
}

export function restoreVersion(workspaceId: string, versionId: string): Promise<RestoredVersion> {
  return json(`${base(workspaceId)}/versions/${encodeURIComponent(versionId)}/restore`, {
    method: 'POST',
  })
}

const fromBase64 = (text: string): Uint8Array => {
  const binary = atob(text)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

/** A version as a document of its own, read from its backup export (VER-4). */
export async function fetchVersionDoc(workspaceId: string, versionId: string): Promise<Y.Doc> {
  const url = exportUrl(
    workspaceId,
    { format: 'json', lang: 'nl', questions: false, appendix: false },
    versionId,
  )
  const backup = await json<{ document?: { state?: string } }>(url)
  const doc = new Y.Doc()
  Y.applyUpdate(doc, fromBase64(backup.document?.state ?? ''))
  return doc
}

/** VER-7: a backup file's text becomes a new workspace. */
export function importBackup(text: string): Promise<CreatedWorkspace> {
  return json('/api/workspaces/import', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: text,
  })
}
