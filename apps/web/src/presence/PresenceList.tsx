import type { Role } from '@koers/protocol'
import * as Popover from '@radix-ui/react-popover'
import { useState } from 'react'
import { useI18n } from '../i18n/i18n.tsx'
import { useCompact } from '../common/useMediaQuery.ts'
import { AvatarStack } from './AvatarStack.tsx'
import { PeopleList } from './PeopleList.tsx'
import type { Present } from './usePresence.ts'

/**
 * Who is here, in one line however many: a few avatars, "+N" and the count. The button opens
 * the searchable list (a non-modal dialog; Escape or the close button returns to the button).
 */
export function PresenceList({ people, selfRole }: { people: Present[]; selfRole: Role }) {
  const { t } = useI18n()
  const compact = useCompact()
  const [open, setOpen] = useState(false)
  return (
    <div className="presence" data-testid="presence">
      <Popover.Root open={open} onOpenChange={setOpen}>
        <Popover.Trigger className="presence__toggle" data-testid="presence-toggle">
          <AvatarStack people={people} max={compact ? 4 : 6} />
          <span className="presence__count">{t.hall.presenceButton(people.length)}</span>
        </Popover.Trigger>
        <Popover.Portal>
          <Popover.Content
            className="presence__panel"
            data-testid="presence-list"
            aria-labelledby="presence-title"
            side="bottom"
            align={compact ? 'start' : 'end'}
            sideOffset={6}
            collisionPadding={8}
          >
            <PeopleList people={people} selfRole={selfRole} />
            <Popover.Close className="icon-button presence__close" aria-label={t.hall.closeList}>
              <span aria-hidden="true">×</span>
            </Popover.Close>
          </Popover.Content>
        </Popover.Portal>
      </Popover.Root>
    </div>
  )
}
