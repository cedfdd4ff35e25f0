import * as Menu from '@radix-ui/react-dropdown-menu'
import { useRef } from 'react'
import type { Ref } from 'react'
import { useT } from '../i18n/i18n.tsx'
import { useAnnounce } from './Announcer.tsx'
import type { Place } from './place.ts'

export interface MenuChoice {
  label: string
  options: { value: string; label: string }[]
  value: string
  onChange: (value: string) => void
}

/**
 * One "⋯" menu button with the controls of an item (a real menu: arrow keys, Home/End, Escape,
 * focus back on the button). Moves are announced like the move buttons do; "remove" only asks
 * the caller to show its confirmation.
 */
export function ItemMenu({
  name,
  index,
  total,
  onMove,
  choice,
  onRemove,
  buttonRef,
  place,
}: {
  name: string
  index: number
  total: number
  onMove?: (toIndex: number) => void
  /** Where the item is in the document right now (WEB-4); defaults to `index` and `total`. */
  place?: () => Place
  choice?: MenuChoice
  onRemove: () => void
  /** The menu button, to give focus back to after the confirmation is cancelled. */
  buttonRef?: Ref<HTMLButtonElement>
}) {
  const t = useT()
  const announce = useAnnounce()
  // After "remove" the confirmation takes focus, so closing must not put it back on the button.
  const removing = useRef(false)
  function move(delta: number): void {
    const now = place?.() ?? { index, total }
    const toIndex = now.index + delta
    if (!onMove || now.index < 0 || toIndex < 0 || toIndex >= now.total) return
    onMove(toIndex)
    announce(t.move.movedTo(name, toIndex + 1, now.total))
  }
  return (
    <Menu.Root modal={false}>
      <Menu.Trigger
        ref={buttonRef}
        className="icon-button item-menu__button"
        aria-label={t.hall.menu(name)}
      >
        <span aria-hidden="true">⋯</span>
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content
          className="item-menu"
          align="end"
          sideOffset={4}
          collisionPadding={8}
          data-testid="item-menu"
          onCloseAutoFocus={(event) => {
            if (removing.current) event.preventDefault()
            removing.current = false
          }}
        >
          {onMove && (
            <>
              <Menu.Item
                className="item-menu__item"
                disabled={index === 0}
                onSelect={() => move(-1)}
              >
                <span aria-hidden="true">↑</span> {t.hall.moveUp}
              </Menu.Item>
              <Menu.Item
                className="item-menu__item"
                disabled={index === total - 1}
                onSelect={() => move(1)}
              >
                <span aria-hidden="true">↓</span> {t.hall.moveDown}
              </Menu.Item>
              <Menu.Separator className="item-menu__separator" />
            </>
          )}
          {choice && (
            <>
              <Menu.Label className="item-menu__label">{choice.label}</Menu.Label>
              <Menu.RadioGroup
                value={choice.value}
                onValueChange={choice.onChange}
                aria-label={choice.label}
              >
                {choice.options.map((option) => (
                  <Menu.RadioItem
                    key={option.value}
                    className="item-menu__item"
                    value={option.value}
                  >
                    <Menu.ItemIndicator className="item-menu__indicator">✓</Menu.ItemIndicator>
                    {option.label}
                  </Menu.RadioItem>
                ))}
              </Menu.RadioGroup>
              <Menu.Separator className="item-menu__separator" />
            </>
          )}
          <Menu.Item
            className="item-menu__item item-menu__item--danger"
            onSelect={() => {
              removing.current = true
              onRemove()
            }}
          >
            {t.hall.remove}
          </Menu.Item>
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  )
}
