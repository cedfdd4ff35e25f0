import { Icon } from './Icon.tsx'

/** The primary "+ add …" button under a list of sections, principles or actions. */
export function AddButton({
  label,
  testId,
  onClick,
}: {
  label: string
  testId: string
  onClick: () => void
}) {
  return (
    <div className="add-row">
      <button
        type="button"
        className="button button--primary"
        data-testid={testId}
        onClick={onClick}
      >
        <Icon name="plus" /> {label}
      </button>
    </div>
  )
}
