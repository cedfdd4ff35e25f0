import * as Menu from '@radix-ui/react-dropdown-menu'
import type { PromotionSource } from '@koers/doc-model'
import { useT } from '../i18n/i18n.tsx'
import { usePromote } from './usePromote.ts'

/** "⋯" on a card or a group: make it a principle or an action point (ROUND-13). */
export function PromoteMenu({
  name,
  text,
  source,
  testId,
}: {
  /** for the button's label */
  name: string
  /** the principle's statement or the action's "what" */
  text: string
  source: PromotionSource
  testId?: string
}) {
  const t = useT()
  const promote = usePromote()
  return (
    <Menu.Root modal={false}>
      <Menu.Trigger
        className="icon-button item-menu__button"
        aria-label={t.hall.menu(name)}
        data-testid={testId}
      >
        <span aria-hidden="true">⋯</span>
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content className="item-menu" align="end" sideOffset={4} collisionPadding={8}>
          <Menu.Item
            className="item-menu__item"
            onSelect={() => promote('principle', text, source)}
          >
            {t.rounds.promotePrinciple}
          </Menu.Item>
          <Menu.Item className="item-menu__item" onSelect={() => promote('action', text, source)}>
            {t.rounds.promoteAction}
          </Menu.Item>
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  )
}
