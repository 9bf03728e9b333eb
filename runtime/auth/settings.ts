import { defaultAcrLevels, isLevel, type Level } from './levels.js';

/** One OpenID Connect provider Omslag signs people in at. */
export type OidcProvider = {
  issuer: string;
  clientId: string;
  clientSecret: string | undefined;
  scope: string;
};

/** How people sign in: read from the environment by runtime/config.ts, used by the pages and the API. */
export type AuthSettings = {
  /** NODE_ENV=production. */
  production: boolean;
  /** The development stand-in: the BSN sign-in and the demo accounts (DEV_SIGN_IN). */
  devSignIn: boolean;
  /** The address citizens and staff reach Omslag at (the providers' redirect URIs are under it). */
  publicUrl: string | undefined;
  /** Citizens: DigiD through a broker. */
  citizen?: OidcProvider & {
    bsnClaim: string;
    /** The claim with the BSN of the citizen the signed-in person acts for (DigiD Machtigen), when a broker sends it. */
    representsClaim: string;
  };
  /** Companies: eHerkenning through a broker. */
  company?: OidcProvider & {
    kvkClaim: string;
    /** The claim naming the employee who signs in for the company. */
    staffClaim: string;
    /** The claim with the company's name. */
    nameClaim: string;
  };
  /** Staff: the organisation's own provider. */
  staff?: OidcProvider & {
    nameClaim: string;
    rolesClaim: string;
    teamsClaim: string;
    /** A value of the roles claim → Omslag's role. */
    roleMap: Record<string, 'designer' | 'official' | 'admin'>;
  };
  /** The provider's `acr` → the level of assurance. */
  acrLevels: Record<string, Level>;
  /** A citizen's session is idle after this long without use (the DigiD norm is 15 minutes). */
  idleMs: number;
  /** A citizen's session ends this long after sign-in, used or not. */
  maxMs: number;
};

const pairs = (name: string, raw: string): [string, string][] =>
  raw
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => {
      const i = p.lastIndexOf('=');
      if (i <= 0) throw new Error(`${name} is a list of value=meaning pairs separated by commas, not '${raw}'`);
      return [p.slice(0, i).trim(), p.slice(i + 1).trim()];
    });

function minutes(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback * 60_000;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`${name} must be a whole number of minutes, at least 1, not '${raw}'`);
  return n * 60_000;
}

function url(name: string, raw: string): string {
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new Error(`${name} must be a URL such as https://login.example.nl, not '${raw}'`);
  }
  if (!/^https?:$/.test(parsed.protocol)) throw new Error(`${name} must be an http(s) URL, not '${raw}'`);
  return raw.replace(/\/+$/, '');
}

/**
 * The sign-in settings. In production (NODE_ENV=production) citizens sign in
 * at a real provider (OIDC_ISSUER) and the stand-in is refused; elsewhere the
 * stand-in is on unless a provider is configured or DEV_SIGN_IN=false.
 */
export function readAuthSettings(env: NodeJS.ProcessEnv): AuthSettings {
  const production = env.NODE_ENV === 'production';
  const issuer = env.OIDC_ISSUER?.trim();
  const dev = env.DEV_SIGN_IN?.trim();
  if (dev !== undefined && dev !== '' && dev !== 'true' && dev !== 'false')
    throw new Error(`DEV_SIGN_IN is 'true' or 'false', not '${dev}'`);
  if (production && dev === 'true')
    throw new Error(
      'DEV_SIGN_IN=true is refused with NODE_ENV=production: the stand-in lets anyone sign in as any citizen. Remove DEV_SIGN_IN and set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET',
    );
  if (production && !issuer)
    throw new Error(
      'NODE_ENV=production needs a real sign-in for citizens: set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET (your DigiD broker) and PUBLIC_URL (see the README, "Sign-in in production")',
    );
  const devSignIn = dev === 'true' || (dev !== 'false' && !issuer && !production);
  const publicUrl = env.PUBLIC_URL?.trim() ? url('PUBLIC_URL', env.PUBLIC_URL.trim()) : undefined;

  const acrLevels: Record<string, Level> = env.OIDC_ACR_LEVELS_REPLACE === 'true' ? {} : { ...defaultAcrLevels };
  for (const [acr, level] of pairs('OIDC_ACR_LEVELS', env.OIDC_ACR_LEVELS ?? '')) {
    if (!isLevel(level))
      throw new Error(`OIDC_ACR_LEVELS: '${level}' is not a level; use basis, midden, substantieel or hoog`);
    acrLevels[acr] = level;
  }

  const provider = (prefix: string, fallback?: OidcProvider): OidcProvider | undefined => {
    const iss = env[`${prefix}_ISSUER`]?.trim();
    if (!iss) return fallback;
    const clientId = env[`${prefix}_CLIENT_ID`]?.trim();
    if (!clientId)
      throw new Error(`${prefix}_ISSUER is set: set ${prefix}_CLIENT_ID too (the client id the provider gave Omslag)`);
    return {
      issuer: url(`${prefix}_ISSUER`, iss),
      clientId,
      clientSecret: env[`${prefix}_CLIENT_SECRET`] || undefined,
      scope: env[`${prefix}_SCOPE`]?.trim() || 'openid',
    };
  };
  const citizenProvider = provider('OIDC');
  if (citizenProvider && !publicUrl)
    throw new Error(
      'OIDC_ISSUER is set: set PUBLIC_URL too (the address citizens reach Omslag at, e.g. https://loket.gemeente.nl)',
    );
  const companyProvider = provider(
    'EHERKENNING',
    citizenProvider && { ...citizenProvider, scope: env.EHERKENNING_SCOPE?.trim() || citizenProvider.scope },
  );
  if (companyProvider && !publicUrl)
    throw new Error(
      'EHERKENNING_ISSUER is set: set PUBLIC_URL too (the address companies reach Omslag at, e.g. https://loket.gemeente.nl)',
    );
  const staffProvider = provider('STAFF_OIDC');
  if (staffProvider && !publicUrl)
    throw new Error('STAFF_OIDC_ISSUER is set: set PUBLIC_URL too (the address staff reach Omslag at)');

  const roleMap: Record<string, 'designer' | 'official' | 'admin'> = {
    designer: 'designer',
    official: 'official',
    admin: 'admin',
  };
  for (const [value, role] of pairs('STAFF_OIDC_ROLE_MAP', env.STAFF_OIDC_ROLE_MAP ?? '')) {
    if (role !== 'designer' && role !== 'official' && role !== 'admin')
      throw new Error(`STAFF_OIDC_ROLE_MAP: '${role}' is not a role; use designer, official or admin`);
    roleMap[value] = role;
  }

  return {
    production,
    devSignIn,
    publicUrl,
    citizen: citizenProvider && {
      ...citizenProvider,
      bsnClaim: env.OIDC_BSN_CLAIM?.trim() || 'bsn',
      representsClaim: env.OIDC_REPRESENTS_CLAIM?.trim() || 'represents',
    },
    company: companyProvider && {
      ...companyProvider,
      kvkClaim: env.OIDC_KVK_CLAIM?.trim() || 'kvk',
      staffClaim: env.OIDC_KVK_STAFF_CLAIM?.trim() || 'sub',
      nameClaim: env.OIDC_KVK_NAME_CLAIM?.trim() || 'company_name',
    },
    staff: staffProvider && {
      ...staffProvider,
      nameClaim: env.STAFF_OIDC_NAME_CLAIM?.trim() || 'preferred_username',
      rolesClaim: env.STAFF_OIDC_ROLES_CLAIM?.trim() || 'roles',
      teamsClaim: env.STAFF_OIDC_TEAMS_CLAIM?.trim() || 'groups',
      roleMap,
    },
    acrLevels,
    idleMs: minutes(env, 'SESSION_IDLE_MINUTES', 15),
    maxMs: minutes(env, 'SESSION_MAX_MINUTES', 8 * 60),
  };
}

/** The settings of a laptop: the stand-in on, no provider (tests and `createWebApp` without options). */
export const devAuthSettings = (): AuthSettings => readAuthSettings({});
