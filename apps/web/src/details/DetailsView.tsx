import { memo } from 'react'
import { useT } from '../i18n/i18n.tsx'
import { PrivacySection } from '../privacy/PrivacySection.tsx'
import { VersionsPanel } from '../versions/VersionsPanel.tsx'
import { AdoptionTrail } from './AdoptionTrail.tsx'
import { CustomValues } from './CustomValues.tsx'
import { MetaForm } from './MetaForm.tsx'

export const DetailsView = memo(function DetailsView() {
  const t = useT()
  return (
    <div className="details stack-lg">
      <section className="stack" aria-labelledby="details-title">
        <h2 id="details-title">{t.details.title}</h2>
        <MetaForm />
      </section>
      <CustomValues />
      <AdoptionTrail />
      <VersionsPanel />
      <PrivacySection />
    </div>
  )
})
