/**
 * Vitest global setup of the `postgres` project: one PostgreSQL server for
 * the run, and a migrated template database every test copies (CREATE
 * DATABASE … TEMPLATE is a file copy, a few milliseconds).
 */
import pg from 'pg';
import { openStore } from '../../runtime/store/index.js';
import { startCluster, withDatabase } from './postgres-cluster.js';

export const TEMPLATE = 'omslag_template';

export default async function setup() {
  const cluster = await startCluster();
  const admin = new pg.Client({ connectionString: cluster.adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE}`);
  await admin.query(`CREATE DATABASE ${TEMPLATE}`);
  await admin.end();
  const store = await openStore(withDatabase(cluster.adminUrl, TEMPLATE));
  await store.close();
  process.env.OMSLAG_TEST_PG_ADMIN = cluster.adminUrl;
  return () => cluster.stop();
}
