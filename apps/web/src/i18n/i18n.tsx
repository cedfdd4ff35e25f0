import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react'
import type { ReactNode } from 'react'
import { en } from './en.ts'
import { nl } from './nl.ts'
import type { Dictionary } from './nl.ts'
import { readLocal, writeLocal } from '../storage/localStore.ts'

export type Language = 'nl' | 'en'

const dictionaries: Record<Language, Dictionary> = { nl, en }
const storageKey = 'koers.language'

interface I18n {
  t: Dictionary
  language: Language
  setLanguage: (language: Language) => void
}

const I18nContext = createContext<I18n | null>(null)

function initialLanguage(): Language {
  return readLocal(storageKey) === 'en' ? 'en' : 'nl'
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage)
  useEffect(() => {
    document.documentElement.lang = language
  }, [language])
  const setLanguage = useCallback((next: Language) => {
    writeLocal(storageKey, next)
    setLanguageState(next)
  }, [])
  const value = useMemo(
    () => ({ t: dictionaries[language], language, setLanguage }),
    [language, setLanguage],
  )
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
}

export function useI18n(): I18n {
  const value = useContext(I18nContext)
  if (!value) throw new Error('useI18n outside I18nProvider')
  return value
}

export function useT(): Dictionary {
  return useI18n().t
}
