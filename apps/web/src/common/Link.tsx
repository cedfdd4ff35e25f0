import type { AnchorHTMLAttributes, MouseEvent } from 'react'
import { navigate } from '../routing/router.ts'

type Props = AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }

/** An ordinary link that navigates with the History API on a plain left click. */
export function Link({ href, onClick, ...rest }: Props) {
  function handleClick(event: MouseEvent<HTMLAnchorElement>): void {
    onClick?.(event)
    if (event.defaultPrevented || event.button !== 0) return
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
    event.preventDefault()
    navigate(href)
  }
  return <a href={href} onClick={handleClick} {...rest} />
}
