import type { Db } from './db.js';

export type StoredResponse = { fingerprint: string; status: number; body: unknown };

/** First answers to requests that carried an Idempotency-Key, per principal. */
export function idempotencyRepo(db: Db) {
  return {
    get(principal: string, key: string): StoredResponse | undefined {
      const r = db
        .prepare('SELECT fingerprint, status, body FROM idempotency WHERE principal = ? AND key = ?')
        .get(principal, key) as any;
      return r ? { fingerprint: r.fingerprint, status: r.status, body: JSON.parse(r.body) } : undefined;
    },
    put(principal: string, key: string, response: StoredResponse, at: string): void {
      db.prepare(
        'INSERT INTO idempotency (principal, key, fingerprint, status, body, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      ).run(principal, key, response.fingerprint, response.status, JSON.stringify(response.body), at);
    },
  };
}
