import type { Role, Store, User } from '../store/index.js';
import type { AuthSettings } from './settings.js';

type StaffProvider = NonNullable<AuthSettings['staff']>;

/** When several values of the roles claim map to a role, the highest counts. */
const RANK: Record<Role, number> = { official: 1, designer: 2, admin: 3 };

/** At most this many teams, each at most this long: a claim cannot fill the users table. */
const MAX_TEAMS = 50;
const MAX_TEAM = 100;
const MAX_NAME = 100;

/** A claim's values: an array of strings, or one string with values separated by spaces or commas. */
function values(claim: unknown): string[] | undefined {
  if (claim === undefined || claim === null) return undefined;
  const list = Array.isArray(claim) ? claim : typeof claim === 'string' ? claim.split(/[\s,]+/) : [];
  return [...new Set(list.filter((v): v is string => typeof v === 'string').map((v) => v.trim()))].filter(Boolean);
}

/** What the provider's claims say about a staff member; `role`/`teams` undefined when the claim is absent. */
export type StaffClaims = {
  /** `<issuer>|<sub>`: the provider's account, unique across providers. */
  subject: string;
  name: string;
  /** The role the roles claim maps to; `null` when the claim is there but no value maps; undefined when absent. */
  role: Role | null | undefined;
  teams: string[] | undefined;
};

/**
 * Reads the claims of a staff sign-in. The role: every value of the roles
 * claim through the role map; of those that map, the highest (admin >
 * designer > official). Teams: the teams claim, an array or a space/comma
 * separated string.
 */
export function readStaffClaims(provider: StaffProvider, claims: Record<string, unknown>): StaffClaims {
  const sub = String(claims.sub ?? '');
  const rawName = claims[provider.nameClaim];
  const name = (typeof rawName === 'string' && rawName.trim() ? rawName.trim() : sub).slice(0, MAX_NAME);
  const roleValues = values(claims[provider.rolesClaim]);
  let role: Role | null | undefined;
  if (roleValues) {
    role = null;
    for (const v of roleValues) {
      const mapped = Object.hasOwn(provider.roleMap, v) ? provider.roleMap[v] : undefined;
      if (mapped && (!role || RANK[mapped] > RANK[role])) role = mapped;
    }
  }
  const teams = values(claims[provider.teamsClaim])
    ?.filter((t) => t.length <= MAX_TEAM)
    .slice(0, MAX_TEAMS);
  return { subject: `${provider.issuer}|${sub}`, name, role, teams };
}

/** The outcome of a staff sign-in at the provider: the user, or why not. */
export type StaffSignInResult = { user: User; createdTeams?: string[] } | { refused: 'no-role' };

/**
 * Finds or creates the user of a staff sign-in and applies the claims.
 * - Known by its subject: the user; a roles claim that maps sets the role,
 *   a teams claim sets the teams (at every sign-in).
 * - Not known yet: a user an admin mapped by name and who never signed in
 *   (no subject, no password) is linked to the subject; otherwise a new user
 *   (its name made unique with -2, -3 … when taken).
 * - The roles claim is absent: the role mapped in Omslag holds (and teams too
 *   when the teams claim is absent). The roles claim is there but no value
 *   maps: the provider says this person has no role here, refused. No role
 *   either way: refused (no user is made).
 * - A team in the teams claim that is not in Omslag's list of teams yet is
 *   added to it (named by its id; an admin can rename it): the provider is
 *   where staff and their teams are managed. `createdTeams` names them, for
 *   the log.
 */
export async function signInStaff(store: Store, found: StaffClaims, at: string): Promise<StaffSignInResult> {
  const { accounts } = store;
  const bySubject = await accounts.userBySubject(found.subject);
  const existing = bySubject ?? (await accounts.awaitingFirstSignIn(found.name));
  if (found.role === null) return { refused: 'no-role' };
  const createdTeams = found.teams?.length && (found.role ?? existing) ? await store.teams.unknown(found.teams) : [];
  if (existing) {
    if (!bySubject) await accounts.linkSubject(existing.id, found.subject);
    await accounts.setMapping(existing.id, { role: found.role, teams: found.teams }, at);
    return {
      user: { ...existing, role: found.role ?? existing.role, teams: found.teams ?? existing.teams },
      createdTeams,
    };
  }
  if (!found.role) return { refused: 'no-role' };
  for (let n = 1; n <= 20; n++) {
    const name = n === 1 ? found.name : `${found.name.slice(0, MAX_NAME - 4)}-${n}`;
    if (await accounts.userByName(name)) continue;
    try {
      return {
        user: await accounts.addProviderUser(name, found.role, found.teams ?? [], found.subject, at),
        createdTeams,
      };
    } catch (error) {
      // The same person signing in twice at once: the other request made the user.
      const made = await accounts.userBySubject(found.subject);
      if (made) return { user: made };
      if (!(await accounts.userByName(name))) throw error;
    }
  }
  throw new Error(`no free user name for '${found.name}'`);
}
