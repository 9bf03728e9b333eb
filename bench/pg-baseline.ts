/**
 * The PostgreSQL baseline: bare Express 5 + `pg` (a pool of 10, like an
 * Omslag node), doing the same write transaction per step as the SQLite
 * baseline — read the case row, update it guarded by its revision, append
 * an audit row — and nothing else: no auth, no validation, no engine.
 * Four round trips a step inside BEGIN … COMMIT (plus BEGIN and COMMIT).
 */
import express from 'express';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';

export async function startPgBaseline(url: string) {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  await pool.query(`CREATE TABLE IF NOT EXISTS bench_cases (id TEXT PRIMARY KEY, step INTEGER NOT NULL, data TEXT NOT NULL, rev INTEGER NOT NULL, updated_at TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS bench_audit (id SERIAL PRIMARY KEY, case_id TEXT NOT NULL REFERENCES bench_cases(id), at TEXT NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL);
    CREATE INDEX IF NOT EXISTS bench_audit_case ON bench_audit(case_id);`);
  const transaction = async <T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  };
  const app = express();
  app.disable('x-powered-by');
  app.use(express.json({ limit: '256kb' }));
  app.post('/cases', async (_req, res) => {
    const id = randomUUID();
    const at = new Date().toISOString();
    await transaction(async (c) => {
      await c.query("INSERT INTO bench_cases (id, step, data, rev, updated_at) VALUES ($1, 0, '{}', 1, $2)", [id, at]);
      await c.query("INSERT INTO bench_audit (case_id, at, type, data) VALUES ($1, $2, 'case.started', '{}')", [
        id,
        at,
      ]);
    });
    res.status(201).json({ id, step: 0, rev: 1 });
  });
  app.post('/cases/:id/events', async (req, res) => {
    if (typeof req.body?.type !== 'string') {
      res.status(422).json({ error: 'invalid-request' });
      return;
    }
    const at = new Date().toISOString();
    const next = await transaction(async (c) => {
      const { rows } = await c.query('SELECT id, step, data, rev FROM bench_cases WHERE id = $1', [req.params.id]);
      const row = rows[0] as { id: string; step: number; data: string; rev: number } | undefined;
      if (!row) return undefined;
      const merged = JSON.stringify({ ...JSON.parse(row.data), ...(req.body.data ?? {}) });
      const updated = await c.query(
        'UPDATE bench_cases SET step = $1, data = $2, rev = rev + 1, updated_at = $3 WHERE id = $4 AND rev = $5',
        [row.step + 1, merged, at, row.id, row.rev],
      );
      if (updated.rowCount !== 1) throw new Error('conflict');
      await c.query('INSERT INTO bench_audit (case_id, at, type, data) VALUES ($1, $2, $3, $4)', [
        row.id,
        at,
        req.body.type,
        JSON.stringify(req.body.data ?? {}),
      ]);
      return { id: row.id, step: row.step + 1, rev: row.rev + 1, data: JSON.parse(merged) };
    });
    if (!next) {
      res.status(404).json({ error: 'not-found' });
      return;
    }
    res.set('Cache-Control', 'no-store').json(next);
  });
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    port: (server.address() as AddressInfo).port,
    close: async () => {
      server.close();
      await pool.end();
    },
  };
}
