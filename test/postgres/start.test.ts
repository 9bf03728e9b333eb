/**
 * `npm start` (runtime/main.ts) on PostgreSQL: nodes that start together on
 * a new database publish the examples and make the demo accounts once; a
 * database with a newer schema is refused.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { newPostgresDatabase } from '../helpers/test-store.js';

const root = join(import.meta.dirname, '../..');
const dataDir = mkdtempSync(join(tmpdir(), 'omslag-start-pg-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

type Node = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

/** Starts a node on `url`; `listening` resolves with its base URL, or rejects when it exits first. */
function node(url: string, id: string): Node & { listening: Promise<string> } {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: url, NODE_ID: id, PORT: '0', DATA_DIR: dataDir };
  delete env.OMSLAG_TEST_STORE;
  const child = spawn(process.execPath, ['--import', 'tsx', 'runtime/main.ts'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const listening = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', () => {
      const m = /listens on (http:\/\/[\d.]+:\d+)/.exec(out);
      if (m) resolve(m[1]);
    });
    void exited.then((code) => reject(new Error(`node ${id} exited with ${code}:\n${out}`)));
  });
  return { child, output: () => out, exited, listening };
}

async function count(url: string, table: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return Number((await client.query(`SELECT COUNT(*) AS n FROM ${table}`)).rows[0].n);
  } finally {
    await client.end();
  }
}

describe('npm start on PostgreSQL', () => {
  it('two nodes starting together on a new database publish the examples and make the demo accounts once', async () => {
    const url = await newPostgresDatabase();
    const nodes = [node(url, 'web-1'), node(url, 'web-2')];
    const bases = await Promise.all(nodes.map((n) => n.listening));
    const examples = readdirSync(join(root, 'processes')).filter((f) => f.endsWith('.json')).length;
    const outputs = nodes.map((n) => n.output());
    // One of them did the first start, the other found it done.
    expect(outputs.filter((o) => /Demo accounts/.test(o))).toHaveLength(1);
    expect(outputs.join('').match(/published \S+ v1/g)).toHaveLength(examples);
    expect(await count(url, 'versions')).toBe(examples);
    expect(await count(url, 'users')).toBe(3);
    for (const [i, base] of bases.entries()) {
      expect((await fetch(`${base}/api/ready`)).status, `node ${i + 1}`).toBe(200);
      expect(nodes[i].output()).toMatch(/node web-\d, data in postgres:\/\//);
    }
    for (const n of nodes) n.child.kill('SIGTERM');
    expect(await Promise.all(nodes.map((n) => n.exited))).toEqual([0, 0]);
    for (const n of nodes) expect(n.output()).toMatch(/stopped cleanly/);
  }, 120_000);

  it('refuses a database whose schema is newer than this Omslag, with a clear message and exit 1', async () => {
    const url = await newPostgresDatabase();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query("INSERT INTO migrations VALUES (999, 'from the future', '2030-01-01T00:00:00Z')");
    await client.end();
    const n = node(url, 'old-node');
    await expect(n.listening).rejects.toThrow(
      /exited with 1:[\s\S]*Not starting: the database is at schema version 999, this Omslag knows up to \d+/,
    );
  }, 60_000);
});
