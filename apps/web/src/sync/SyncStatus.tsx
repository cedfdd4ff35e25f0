import { useT } from '../i18n/i18n.tsx'
import type { ConnectionSnapshot } from './WorkspaceConnection.ts'

export function SyncStatus({ snapshot }: { snapshot: ConnectionSnapshot }) {
  const t = useT()
  const { state, unsent, starting } = snapshot
  let text: string
  if (state === 'saved') text = t.sync.saved
  else if (state === 'saving') text = starting ? t.sync.connecting : t.sync.saving
  else text = unsent > 0 ? `${t.sync.offline} · ${t.sync.unsent}` : t.sync.offline
  // No count: it counts Yjs updates, not anything a teacher would call a change. On a phone only
  // "niet verzonden" next to the red dot (the full text stays for screen readers and the tooltip).
  const short = state === 'offline' && unsent > 0 ? t.sync.unsentShort : null
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
