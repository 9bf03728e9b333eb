/**
 * The PostgreSQL suites' own server: without PostgreSQL installed (and no
 * OMSLAG_TEST_POSTGRES), starting it fails at once with how to get one,
 * instead of skipping the suites or hanging.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { HOW_TO_START, startCluster } from '../../helpers/postgres-cluster.js';

const saved = { ...process.env };
afterEach(() => {
  for (const key of ['PG_BIN', 'OMSLAG_PG_SEARCH', 'OMSLAG_TEST_POSTGRES']) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
});

describe('the test PostgreSQL server', () => {
  it('says how to start PostgreSQL when it is not installed', async () => {
    delete process.env.OMSLAG_TEST_POSTGRES;
    process.env.PG_BIN = '/nonexistent/bin';
    process.env.OMSLAG_PG_SEARCH = '/nonexistent/postgresql';
    await expect(startCluster()).rejects.toThrow(HOW_TO_START);
    expect(HOW_TO_START).toMatch(/apt-get install -y postgresql/);
    expect(HOW_TO_START).toMatch(/OMSLAG_TEST_POSTGRES=postgres:\/\//);
  });

  it('uses a server one runs oneself when OMSLAG_TEST_POSTGRES names it', async () => {
    process.env.OMSLAG_TEST_POSTGRES = 'postgres://me:secret@db.example:5433/whatever';
    const cluster = await startCluster();
    expect(cluster.adminUrl).toBe('postgres://me:secret@db.example:5433/postgres');
    cluster.stop();
  });
});
