/**
 * Levels of assurance of a sign-in, lowest first: DigiD's Basis, Midden,
 * Substantieel and Hoog, which eHerkenning's EH2, EH2+, EH3 and EH4 and
 * eIDAS's low, substantial and high map onto. A process names the lowest it
 * accepts (`signIn.level`); the provider's `acr` says which one a sign-in had.
 */
export const LEVELS = ['basis', 'midden', 'substantieel', 'hoog'] as const;
export type Level = (typeof LEVELS)[number];

export const isLevel = (v: unknown): v is Level => typeof v === 'string' && (LEVELS as readonly string[]).includes(v);

/** Whether `had` is at least `needed` (no need: always; no level known: only when none is needed). */
export function levelSuffices(had: Level | null | undefined, needed: Level | null | undefined): boolean {
  if (!needed) return true;
  if (!had) return false;
  return LEVELS.indexOf(had) >= LEVELS.indexOf(needed);
}

/**
 * The `acr` values brokers send, by level: DigiD's SAML classes, eHerkenning's
 * assurance classes, eIDAS's levels. `OIDC_ACR_LEVELS` adds to or replaces them.
 */
export const defaultAcrLevels: Record<string, Level> = {
  'urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport': 'basis',
  'urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract': 'midden',
  'urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard': 'substantieel',
  'urn:oasis:names:tc:SAML:2.0:ac:classes:SmartcardPKI': 'hoog',
  'urn:etoegang:core:assurance-class:loa2': 'basis',
  'urn:etoegang:core:assurance-class:loa2plus': 'midden',
  'urn:etoegang:core:assurance-class:loa3': 'substantieel',
  'urn:etoegang:core:assurance-class:loa4': 'hoog',
  'http://eidas.europa.eu/LoA/low': 'basis',
  'http://eidas.europa.eu/LoA/substantial': 'substantieel',
  'http://eidas.europa.eu/LoA/high': 'hoog',
  basis: 'basis',
  midden: 'midden',
  substantieel: 'substantieel',
  hoog: 'hoog',
};

/** The `acr` value to ask a provider for a level (the DigiD class, or eHerkenning's for a company). */
export function acrFor(
  level: Level,
  acrLevels: Record<string, Level>,
  prefer: 'person' | 'company' = 'person',
): string[] {
  const all = Object.entries(acrLevels).filter(([, l]) => LEVELS.indexOf(l) >= LEVELS.indexOf(level));
  const mark = prefer === 'company' ? 'etoegang' : 'SAML';
  return [...all.filter(([acr]) => acr.includes(mark)), ...all.filter(([acr]) => !acr.includes(mark))].map(
    ([acr]) => acr,
  );
}
