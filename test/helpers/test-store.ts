/**
 * Where a test's store lives: a SQLite file in the test's folder, or — in
 * the `postgres` project (OMSLAG_TEST_STORE=postgres) — a fresh database on
 * the run's PostgreSQL server, copied from the migrated template. Every
 * engine, HTTP and page suite opens its store through here, so each runs on
 * both stores.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { openStore, type DbOptions, type Store } from '../../runtime/store/index.js';
import { HOW_TO_START, withDatabase } from './postgres-cluster.js';

export const onPostgres = () => process.env.OMSLAG_TEST_STORE === 'postgres';

/** A new, empty (migrated) PostgreSQL database for one test; its URL. */
export async function newPostgresDatabase(): Promise<string> {
  const adminUrl = process.env.OMSLAG_TEST_PG_ADMIN;
  if (!adminUrl) throw new Error(HOW_TO_START);
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE omslag_template`);
  } finally {
    await admin.end();
  }
  return withDatabase(adminUrl, name);
}

/** The target (file or URL) a test's store opens: `dir/omslag.db`, or a new PostgreSQL database. */
export async function testStoreTarget(dir: string, file = 'omslag.db'): Promise<string> {
  return onPostgres() ? newPostgresDatabase() : join(dir, file);
}

/** Opens a test's store on its target (see testStoreTarget). */
export async function openTestStore(dir: string, options: DbOptions = {}): Promise<{ store: Store; target: string }> {
  const target = await testStoreTarget(dir);
  return { store: await openStore(target, options), target };
}
