import { randomBytes, timingSafeEqual } from 'node:crypto';
import { hashToken, type Principal } from './accounts.js';
import type { Sql } from './sql.js';

/** An intermediary organisation's API client (OAuth 2 client credentials, RFC 6749 §4.4). */
export type ApiClient = { clientId: string; kvk: string; name: string; createdAt: string; disabledAt: string | null };

/** Access tokens of API clients start with this, so bearerAuth knows where to look. */
export const CLIENT_TOKEN_PREFIX = 'oct_';

const toClient = (r: any): ApiClient => ({
  clientId: r.client_id,
  kvk: r.kvk,
  name: r.name,
  createdAt: r.created_at,
  disabledAt: r.disabled_at,
});
// A secret is 32 random bytes: SHA-256 of it is as good as a slow hash (nothing to guess from a dictionary).
const NO_HASH = Buffer.alloc(32);
const sameHash = (a: string | undefined, b: string) => {
  const x = a ? Buffer.from(a, 'hex') : NO_HASH;
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y) && !!a;
};

/** API clients and the short-lived access tokens they fetch; secrets and tokens are stored hashed. */
export function clientRepo(sql: Sql) {
  const self = {
    /** A new client for an organisation; the plain secret is returned once and never stored. */
    async create(org: { kvk: string; name: string }, at: string): Promise<ApiClient & { clientSecret: string }> {
      const clientId = `oc_${randomBytes(12).toString('base64url')}`;
      const clientSecret = `ocs_${randomBytes(32).toString('base64url')}`;
      await sql
        .q()
        .insertInto('api_clients')
        .values({
          client_id: clientId,
          secret_hash: hashToken(clientSecret),
          kvk: org.kvk,
          name: org.name,
          created_at: at,
          disabled_at: null,
        })
        .execute();
      return { clientId, kvk: org.kvk, name: org.name, createdAt: at, disabledAt: null, clientSecret };
    },
    async get(clientId: string): Promise<ApiClient | undefined> {
      const r = await sql
        .q()
        .selectFrom('api_clients')
        .selectAll()
        .where('client_id', '=', clientId)
        .executeTakeFirst();
      return r ? toClient(r) : undefined;
    },
    async list(): Promise<ApiClient[]> {
      const rows = await sql
        .q()
        .selectFrom('api_clients')
        .selectAll()
        .orderBy('created_at')
        .orderBy('client_id')
        .execute();
      return rows.map(toClient);
    },
    /** Stops a client: its secret and every token it has stop working. False when unknown or disabled already. */
    async disable(clientId: string, at: string): Promise<boolean> {
      const r = await sql
        .q()
        .updateTable('api_clients')
        .set({ disabled_at: at })
        .where('client_id', '=', clientId)
        .where('disabled_at', 'is', null)
        .executeTakeFirst();
      await sql.q().deleteFrom('client_tokens').where('client_id', '=', clientId).execute();
      return Number(r.numUpdatedRows) > 0;
    },
    /** The client when the secret is its own and it is not disabled (compared in constant time), else undefined. */
    async authenticate(clientId: string, secret: string): Promise<ApiClient | undefined> {
      const r = await sql
        .q()
        .selectFrom('api_clients')
        .selectAll()
        .where('client_id', '=', clientId)
        .executeTakeFirst();
      const ok = sameHash(r?.secret_hash, hashToken(secret));
      return r && ok && !r.disabled_at ? toClient(r) : undefined;
    },
    /** A random access token for the client, valid `seconds` from `at`; the plain token is returned once. */
    async issueToken(clientId: string, at: Date, seconds: number): Promise<string> {
      const token = `${CLIENT_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
      await sql
        .q()
        .insertInto('client_tokens')
        .values({
          hash: hashToken(token),
          client_id: clientId,
          created_at: at.toISOString(),
          expires_at: new Date(at.getTime() + seconds * 1000).toISOString(),
        })
        .execute();
      return token;
    },
    /** The organisation a token stands for: none when unknown, expired, or its client is disabled. */
    async principalForToken(token: string, at: string): Promise<Principal | undefined> {
      const r = await sql
        .q()
        .selectFrom('client_tokens')
        .innerJoin('api_clients', 'api_clients.client_id', 'client_tokens.client_id')
        .select(['api_clients.client_id', 'api_clients.kvk', 'api_clients.name'])
        .where('client_tokens.hash', '=', hashToken(token))
        .where('client_tokens.expires_at', '>', at)
        .where('api_clients.disabled_at', 'is', null)
        .executeTakeFirst();
      return r ? { kind: 'organisation', kvk: r.kvk, name: r.name, clientId: r.client_id } : undefined;
    },
    /** Forgets tokens that ended before `at`. */
    async deleteExpired(at: string): Promise<number> {
      const r = await sql.q().deleteFrom('client_tokens').where('expires_at', '<=', at).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
  };
  return self;
}
export type ClientRepo = ReturnType<typeof clientRepo>;
