/**
 * The servers bench/run.ts measures, each started in its own process
 * (`node --import tsx bench/servers.ts <kind>`) so the load generator does
 * not share its event loop. Prints one JSON line — port and what a client
 * needs — then serves until killed.
 *
 * - omslag:  the real app (runtime/web/app.ts) on a fresh data folder, the
 *            example processes and bench/processes published, accounts made.
 *            `omslag full|normal` sets SQLite's synchronous and puts the data
 *            folder on the project's disk (bench/.data-*), for "Durability".
 *            `omslag postgres://…` runs it on that PostgreSQL database instead;
 *            `omslag postgres://… join` is a further node on a database an
 *            earlier node set up (no import, no accounts: it prints its port).
 * - express: the baseline — bare Express 5 + better-sqlite3, one write
 *            transaction per step (read the row, update it, append an audit row).
 * - http:    the same handler on plain node:http (the limit).
 * - pgexpress: the PostgreSQL baseline (bench/pg-baseline.ts), `pgexpress postgres://…`.
 * - bpmn:    the peer — bpmn-engine with its state persisted to
 *            better-sqlite3 after every step, behind the same thin Express.
 */
import Database from 'better-sqlite3';
import express from 'express';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWebApp } from '../runtime/web/app.js';
import { importProcesses, openServices } from '../runtime/setup.js';
import { isPostgresUrl } from '../runtime/store/index.js';
import { startPgBaseline } from './pg-baseline.js';
import { startInstance, stepInstance } from './peer-bpmn.js';
import { diskDir } from './durability.js';
import type { Synchronous } from '../runtime/store/index.js';

export const BSN = '999993653';
type Kind = 'omslag' | 'express' | 'http' | 'bpmn' | 'pgexpress';
/** Where an Omslag server keeps its data: SQLite with a synchronous setting, or a PostgreSQL database (`join`: set up by another node). */
export type Place = { synchronous?: Synchronous; url?: string; join?: boolean };

/** The bare database: a row per case and an audit row per step, with Omslag's pragmas (synchronous=FULL, its default). */
function bareDb(file: string) {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.exec(`CREATE TABLE cases (id TEXT PRIMARY KEY, step INTEGER NOT NULL, data TEXT NOT NULL, state TEXT, rev INTEGER NOT NULL, updated_at TEXT NOT NULL);
    CREATE TABLE audit (id INTEGER PRIMARY KEY, case_id TEXT NOT NULL REFERENCES cases(id), at TEXT NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL);
    CREATE INDEX audit_case ON audit(case_id);`);
  const insert = db.prepare('INSERT INTO cases (id, step, data, state, rev, updated_at) VALUES (?, 0, ?, ?, 1, ?)');
  const read = db.prepare<[string], { id: string; step: number; data: string; state: string | null; rev: number }>(
    'SELECT id, step, data, state, rev FROM cases WHERE id = ?',
  );
  const update = db.prepare(
    'UPDATE cases SET step = ?, data = ?, state = ?, rev = rev + 1, updated_at = ? WHERE id = ? AND rev = ?',
  );
  const audit = db.prepare('INSERT INTO audit (case_id, at, type, data) VALUES (?, ?, ?, ?)');
  return {
    db,
    create(state: string | null = null) {
      const id = randomUUID();
      const at = new Date().toISOString();
      db.transaction(() => {
        insert.run(id, '{}', state, at);
        audit.run(id, at, 'case.started', '{}');
      })();
      return { id, step: 0, rev: 1 };
    },
    read: (id: string) => read.get(id),
    /** One write transaction: read, update (optimistic: WHERE rev = ?), append the audit row. */
    step(id: string, type: string, data: Record<string, unknown>, state?: (old: string | null) => string) {
      const at = new Date().toISOString();
      return db.transaction(() => {
        const row = read.get(id);
        if (!row) return undefined;
        const merged = JSON.stringify({ ...JSON.parse(row.data), ...data });
        const next = { id, step: row.step + 1, rev: row.rev + 1, data: JSON.parse(merged) };
        if (update.run(next.step, merged, state ? state(row.state) : row.state, at, id, row.rev).changes !== 1)
          throw new Error('conflict');
        audit.run(id, at, type, JSON.stringify(data));
        return next;
      })();
    },
  };
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return (server.address() as AddressInfo).port;
}

export async function startServer(kind: Kind, place: Place = {}) {
  const { synchronous, url } = place;
  if (kind === 'pgexpress') {
    if (!url) throw new Error('pgexpress needs a postgres:// URL');
    return startPgBaseline(url);
  }
  const dir = synchronous ? diskDir(`omslag-${synchronous}`) : mkdtempSync(join(tmpdir(), `omslag-bench-${kind}-`));
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  if (kind === 'omslag' && url && place.join) {
    const services = await openServices(url);
    const server = createServer(createWebApp(services, { log: () => {} }));
    const port = await listen(server);
    return {
      port,
      close: async () => {
        await new Promise((resolve) => server.close(resolve));
        await services.store.close();
        cleanup();
      },
    };
  }
  if (kind === 'omslag') {
    const services = await openServices(url ?? dir, undefined, { synchronous });
    await importProcesses(join(import.meta.dirname, '../processes'), services.store, services.processes, 'bench');
    await importProcesses(join(import.meta.dirname, 'processes'), services.store, services.processes, 'bench');
    const { store } = services;
    const at = new Date().toISOString();
    const official = await store.accounts.createToken(
      { userId: (await store.accounts.addUser('beoordelaar', 'official', ['belastingen', 'klantcontact'], at)).id },
      at,
    );
    const designerUser = await store.accounts.addUser('ontwerper', 'designer', [], at);
    const password = randomUUID();
    await store.accounts.setPassword(designerUser.id, password);
    const designer = {
      name: 'ontwerper',
      password,
      token: await store.accounts.createToken({ userId: designerUser.id }, at),
    };
    const citizen = await store.accounts.createToken({ bsn: BSN }, at);
    const app = createWebApp(services, { log: () => {} });
    const server = createServer(app);
    const port = await listen(server);
    return {
      port,
      dir,
      citizen,
      official,
      designer,
      close: async () => {
        await new Promise((resolve) => server.close(resolve));
        await store.close();
        cleanup();
      },
    };
  }

  const db = bareDb(join(dir, 'bench.db'));
  if (kind === 'http') {
    const send = (res: ServerResponse, status: number, body: unknown) => {
      const text = JSON.stringify(body);
      res.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(text),
        'cache-control': 'no-store',
      });
      res.end(text);
    };
    const server = createServer((req: IncomingMessage, res: ServerResponse) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        try {
          if (req.method === 'POST' && req.url === '/cases') return send(res, 201, db.create());
          const m = /^\/cases\/([^/]+)\/events$/.exec(req.url ?? '');
          if (req.method !== 'POST' || !m) return send(res, 404, { error: 'not-found' });
          const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
          if (typeof body.type !== 'string') return send(res, 422, { error: 'invalid-request' });
          const next = db.step(m[1], body.type, body.data ?? {});
          return next ? send(res, 200, next) : send(res, 404, { error: 'not-found' });
        } catch (e) {
          return send(res, 500, { error: String(e) });
        }
      });
    });
    const port = await listen(server);
    return {
      port,
      dir,
      close: () => {
        server.close();
        db.db.close();
        cleanup();
      },
    };
  }

  const app = express();
  app.disable('x-powered-by');
  app.use(express.json({ limit: '256kb' }));
  if (kind === 'express') {
    app.post('/cases', (_req, res) => {
      res.status(201).json(db.create());
    });
    app.post('/cases/:id/events', (req, res) => {
      if (typeof req.body?.type !== 'string') {
        res.status(422).json({ error: 'invalid-request' });
        return;
      }
      const next = db.step(req.params.id, req.body.type, req.body.data ?? {});
      if (!next) {
        res.status(404).json({ error: 'not-found' });
        return;
      }
      res.set('Cache-Control', 'no-store').json(next);
    });
  } else {
    app.post('/cases', async (_req, res) => {
      const started = await startInstance('benchAanvraag');
      res.status(201).json({ ...db.create(started.state), waiting: started.waiting });
    });
    app.post('/cases/:id/events', async (req, res) => {
      if (req.body?.type !== 'submit') {
        res.status(422).json({ error: 'invalid-request' });
        return;
      }
      const row = db.read(req.params.id);
      if (!row?.state) {
        res.status(404).json({ error: 'not-found' });
        return;
      }
      try {
        const result = await stepInstance(row.state, req.body.data ?? {});
        const next = db.step(row.id, 'submit', req.body.data ?? {}, () => result.state);
        res.set('Cache-Control', 'no-store').json({ ...next, waiting: result.waiting, ended: result.ended });
      } catch (e) {
        res.status(409).json({ error: String(e) });
      }
    });
  }
  const server = createServer(app);
  const port = await listen(server);
  return {
    port,
    dir,
    close: () => {
      server.close();
      db.db.close();
      cleanup();
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [kind, arg, mode] = process.argv.slice(2) as [Kind, string | undefined, string | undefined];
  const url = arg && isPostgresUrl(arg) ? arg : undefined;
  const synchronous = arg && !url ? (arg as Synchronous) : undefined;
  if (
    !['omslag', 'express', 'http', 'bpmn', 'pgexpress'].includes(kind) ||
    (synchronous && !['full', 'normal'].includes(synchronous)) ||
    (kind === 'pgexpress' && !url)
  )
    throw new Error(
      'usage: bench/servers.ts omslag [full|normal|postgres://… [join]] | express | http | bpmn | pgexpress postgres://…',
    );
  const s = await startServer(kind, { synchronous, url, join: mode === 'join' });
  const { close, ...info } = s;
  process.stdout.write(`${JSON.stringify(info)}\n`);
  const stop = () => {
    void Promise.resolve(close()).finally(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
