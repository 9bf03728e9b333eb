import { createHash, randomBytes, scrypt, scryptSync, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import type { Holder, Mandate } from './mandates.js';
import type { Sql } from './sql.js';

export type Role = 'designer' | 'official' | 'admin';
export type User = { id: number; name: string; role: Role; teams: string[] };
/**
 * Who is asking: a user with a role; a citizen identified by BSN (`via`: an
 * intermediary acting for them by a mandate, on the citizen pages); or an
 * intermediary organisation's API client, which acts for the citizens who
 * mandated the organisation.
 */
export type Principal =
  | ({ kind: 'user' } & User)
  | { kind: 'citizen'; bsn: string; via?: Via }
  | { kind: 'organisation'; kvk: string; name: string; clientId: string };

/** An intermediary acting for the citizen: the mandate they act by, and who they are. */
export type Via = { mandate: Mandate; holder: Holder; holderName: string; staffId?: string | null };

/** Tokens are stored as SHA-256 hashes: a stolen database gives no usable token. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

// On libuv's thread pool: a flood of sign-ins waits there, not on the event loop (~26 ms each in line).
const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, keylen: number) => Promise<Buffer>;
const NO_SALT = Buffer.alloc(16);

export function accountRepo(sql: Sql) {
  const toUser = (r: any): User => ({ id: r.id, name: r.name, role: r.role, teams: JSON.parse(r.teams) });
  /**
   * The store keeps users' teams and the list of teams (runtime/store/teams.ts) together: a team a user is given
   * here and that is not in the list yet is added (named by its id). The API refuses unknown teams before this
   * (PUT /api/users/:name: 422); what comes here unchecked is trusted: the staff provider's teams claim, the CLI,
   * the demo accounts.
   */
  const ensureTeams = async (teams: readonly string[], at: string) => {
    for (const id of new Set(teams))
      await sql
        .q()
        .insertInto('teams')
        .values({ id, name: id, created_at: at })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
  };
  const self = {
    /** Adds a user; teams not in the list yet are added to it (named by their id): see ensureTeams. */
    async addUser(name: string, role: Role, teams: string[], at: string): Promise<User> {
      await ensureTeams(teams, at);
      const r = await sql
        .q()
        .insertInto('users')
        .values({ name, role, teams: JSON.stringify(teams), created_at: at })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { id: Number(r.id), name, role, teams };
    },
    async userByName(name: string): Promise<User | undefined> {
      const r = await sql.q().selectFrom('users').selectAll().where('name', '=', name).executeTakeFirst();
      return r ? toUser(r) : undefined;
    },
    async userById(id: number): Promise<User | undefined> {
      const r = await sql.q().selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
      return r ? toUser(r) : undefined;
    },
    async countUsers(): Promise<number> {
      const r = await sql
        .q()
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
    /** Creates a bearer token for a user or a citizen; the plain token is returned once. */
    async createToken(owner: { userId: number } | { bsn: string }, at: string): Promise<string> {
      const token = `oms_${randomBytes(24).toString('base64url')}`;
      await sql
        .q()
        .insertInto('tokens')
        .values({
          hash: hashToken(token),
          user_id: 'userId' in owner ? owner.userId : null,
          bsn: 'bsn' in owner ? owner.bsn : null,
          created_at: at,
        })
        .execute();
      return token;
    },
    /**
     * Stores a password as scrypt(salt) — never the password itself.
     * The hash is computed synchronously: only the CLI and first-start setup set passwords, never a request.
     */
    async setPassword(userId: number, password: string): Promise<void> {
      if (password.length < 10) throw new Error('a password has at least 10 characters');
      const salt = randomBytes(16);
      const hash = scryptSync(password, salt, 32);
      await sql
        .q()
        .updateTable('users')
        .set({ password_hash: `scrypt:${salt.toString('base64')}:${hash.toString('base64')}` })
        .where('id', '=', userId)
        .execute();
    },
    /**
     * The user if the password matches (in constant time), else undefined.
     * A name without a user (or without a password) costs one scrypt all the
     * same, so the time of the answer does not tell which names exist.
     */
    async checkPassword(name: string, password: string): Promise<User | undefined> {
      const r = await sql.q().selectFrom('users').selectAll().where('name', '=', name).executeTakeFirst();
      const [scheme, salt, hash] = String(r?.password_hash ?? '').split(':');
      const known = scheme === 'scrypt';
      const expected = known ? Buffer.from(hash, 'base64') : Buffer.alloc(32);
      const actual = await scryptAsync(password, known ? Buffer.from(salt, 'base64') : NO_SALT, 32);
      return r && known && expected.length === actual.length && timingSafeEqual(expected, actual)
        ? toUser(r)
        : undefined;
    },
    /** The user who signed in at a provider as `subject` (`<issuer>|<sub>`), if known. */
    async userBySubject(subject: string): Promise<User | undefined> {
      const r = await sql.q().selectFrom('users').selectAll().where('oidc_subject', '=', subject).executeTakeFirst();
      return r ? toUser(r) : undefined;
    },
    /**
     * A user an admin mapped (role and teams) who has not signed in yet: no
     * provider subject, no password, no bearer token. Only such a user is
     * linked to a provider's account by name at its first sign-in.
     */
    async awaitingFirstSignIn(name: string): Promise<User | undefined> {
      const r = await sql
        .q()
        .selectFrom('users')
        .selectAll()
        .where('name', '=', name)
        .where('oidc_subject', 'is', null)
        .where('password_hash', 'is', null)
        .where(({ not, exists, selectFrom }) =>
          not(exists(selectFrom('tokens').select('tokens.hash').whereRef('tokens.user_id', '=', 'users.id'))),
        )
        .executeTakeFirst();
      return r ? toUser(r) : undefined;
    },
    /** Adds a user who signs in at the provider as `subject` (no password). */
    async addProviderUser(name: string, role: Role, teams: string[], subject: string, at: string): Promise<User> {
      await ensureTeams(teams, at);
      const r = await sql
        .q()
        .insertInto('users')
        .values({ name, role, teams: JSON.stringify(teams), created_at: at, oidc_subject: subject })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { id: Number(r.id), name, role, teams };
    },
    /** Binds a user to the provider's `subject` (its first sign-in there). */
    async linkSubject(userId: number, subject: string): Promise<void> {
      await sql.q().updateTable('users').set({ oidc_subject: subject }).where('id', '=', userId).execute();
    },
    /** Sets a user's role and/or teams (what the provider's claims or an admin say). */
    async setMapping(userId: number, mapping: { role?: Role; teams?: string[] }, at?: string): Promise<void> {
      if (mapping.teams) await ensureTeams(mapping.teams, at ?? new Date().toISOString());
      const set: { role?: Role; teams?: string } = {};
      if (mapping.role) set.role = mapping.role;
      if (mapping.teams) set.teams = JSON.stringify(mapping.teams);
      if (!Object.keys(set).length) return;
      await sql.q().updateTable('users').set(set).where('id', '=', userId).execute();
    },
    /** Sets (or clears, with null) the address a user's notices go to. */
    async setEmail(userId: number, email: string | null): Promise<void> {
      await sql.q().updateTable('users').set({ email }).where('id', '=', userId).execute();
    },
    async emailOf(userId: number): Promise<string | null> {
      const r = await sql.q().selectFrom('users').select('email').where('id', '=', userId).executeTakeFirst();
      return r?.email ?? null;
    },
    async teamMembers(team: string): Promise<User[]> {
      const rows = await sql
        .q()
        .selectFrom('users')
        .selectAll()
        .where('role', '=', 'official')
        .orderBy('name')
        .execute();
      return rows.map(toUser).filter((u) => u.teams.includes(team));
    },
    /** The principal of a bearer token; citizens' tokens (a development stand-in) only with `citizens: true`. */
    async principalForToken(token: string, opts: { citizens?: boolean } = {}): Promise<Principal | undefined> {
      const r = await sql
        .q()
        .selectFrom('tokens')
        .select(['user_id', 'bsn'])
        .where('hash', '=', hashToken(token))
        .executeTakeFirst();
      if (!r) return undefined;
      if (r.bsn) return opts.citizens === false ? undefined : { kind: 'citizen', bsn: r.bsn };
      const user = await self.userById(r.user_id!);
      return user ? { kind: 'user', ...user } : undefined;
    },
  };
  return self;
}
