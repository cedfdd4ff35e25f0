import { ADOPTION_STEP_LABELS, isAdoptionStep } from '@koers/doc-model'
import { useI18n } from '../i18n/i18n.tsx'
import { Badge } from './Badge.tsx'

export function StatusBadge({ status }: { status: string }) {
  const { language } = useI18n()
  if (!isAdoptionStep(status)) return null
  return <Badge status={status} label={ADOPTION_STEP_LABELS[status][language]} />
}
