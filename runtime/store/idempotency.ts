import type { Sql } from './sql.js';

export type StoredResponse = { fingerprint: string; status: number; body: unknown };

/** First answers to requests that carried an Idempotency-Key, per principal. */
export function idempotencyRepo(sql: Sql) {
  return {
    async get(principal: string, key: string): Promise<StoredResponse | undefined> {
      const r = await sql
        .q()
        .selectFrom('idempotency')
        .select(['fingerprint', 'status', 'body'])
        .where('principal', '=', principal)
        .where('key', '=', key)
        .executeTakeFirst();
      return r ? { fingerprint: r.fingerprint, status: r.status, body: JSON.parse(r.body) } : undefined;
    },
    async put(principal: string, key: string, response: StoredResponse, at: string): Promise<void> {
      await sql
        .q()
        .insertInto('idempotency')
        .values({
          principal,
          key,
          fingerprint: response.fingerprint,
          status: response.status,
          body: JSON.stringify(response.body),
          created_at: at,
        })
        .execute();
    },
  };
}
