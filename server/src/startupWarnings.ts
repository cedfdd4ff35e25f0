import type { ServerConfig } from './config.ts'

/**
 * SEC-3: what the host should know at start. Creation is open (no KOERS_CREATE_KEY) on an https
 * origin that the whole internet can reach: anyone may fill this server with workspaces, up to
 * the throttle and KOERS_MAX_WORKSPACES.
 */
export const startupWarnings = (config: ServerConfig): string[] => {
  const warnings: string[] = []
  if (config.createKey === null && config.publicUrl?.startsWith('https:')) {
    warnings.push(
      `Anyone who can reach ${config.publicUrl} may create workspaces: KOERS_CREATE_KEY is not set. ` +
        'Set it to keep creation to people who know the key (see docs/deploy.md).',
    )
  }
  return warnings
}
