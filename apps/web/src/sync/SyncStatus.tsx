import { useT } from '../i18n/i18n.tsx'
import type { ConnectionSnapshot } from './WorkspaceConnection.ts'

export function SyncStatus({ snapshot }: { snapshot: ConnectionSnapshot }) {
  const t = useT()
  const { state, unsent, starting } = snapshot
  let text: string
  if (state === 'saved') text = t.sync.saved
  else if (state === 'saving') text = starting ? t.sync.connecting : t.sync.saving
  else text = unsent > 0 ? `${t.sync.offline} · ${t.sync.unsent(unsent)}` : t.sync.offline
  // On a phone "offline · 46" (the full text stays for screen readers and the tooltip).
  const short = state === 'offline' && unsent > 0 ? `${t.sync.offline} · ${unsent}` : null
  return (
    <p
      className={`sync-status sync-status--${state}${short ? ' sync-status--long' : ''}`}
      data-testid="sync-status"
      data-state={state}
      title={short ? `${t.sync.label}: ${text}` : t.sync.label}
    >
      <span className="sync-status__dot" aria-hidden="true" />
      <span className="sync-status__text">{text}</span>
      {short && (
        <span className="sync-status__short" aria-hidden="true">
          {short}
        </span>
      )}
    </p>
  )
}
