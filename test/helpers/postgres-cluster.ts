/**
 * A real PostgreSQL server for the tests: Debian's binaries, a fresh data
 * folder, a free local port, stopped and removed after the run. As root
 * (CI), initdb and pg_ctl run as the `postgres` user, since initdb refuses
 * root. OMSLAG_TEST_POSTGRES=postgres://user@host:port/ uses a server you
 * run yourself instead (the user must be allowed to create databases).
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const HOW_TO_START = [
  'The PostgreSQL tests need PostgreSQL. Either install it (Debian/Ubuntu: `sudo apt-get install -y postgresql`;',
  'the tests then start their own server on a free port and remove it afterwards), or point them at a server',
  'you run: OMSLAG_TEST_POSTGRES=postgres://user:password@localhost:5432/ npm test (the user needs CREATEDB).',
].join('\n');

export type Cluster = { adminUrl: string; stop(): void };

function binDir(): string | undefined {
  const fromEnv = process.env.PG_BIN;
  if (fromEnv && existsSync(join(fromEnv, 'initdb'))) return fromEnv;
  // Where Debian (and Ubuntu) put each major version's binaries; OMSLAG_PG_SEARCH looks elsewhere.
  const root = process.env.OMSLAG_PG_SEARCH ?? '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(root, versions[0], 'bin') : undefined;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** `postgres://…/` with the database name replaced. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Starts a throwaway server (or uses OMSLAG_TEST_POSTGRES); throws with HOW_TO_START when there is none. */
export async function startCluster(opts: { durable?: boolean } = {}): Promise<Cluster> {
  const given = process.env.OMSLAG_TEST_POSTGRES;
  if (given) return { adminUrl: withDatabase(given, 'postgres'), stop() {} };
  const bin = binDir();
  if (!bin) throw new Error(HOW_TO_START);
  const dir = mkdtempSync(join(tmpdir(), 'omslag-pg-'));
  const data = join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  chmodSync(dir, 0o777);
  const run = (cmd: string, args: string[]) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args], { stdio: 'pipe' })
      : execFileSync(join(bin, cmd), args, { stdio: 'pipe' });
  const port = await freePort();
  run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync', '--locale=C']);
  // Test settings: no fsync (a test cluster is thrown away), room for every test's pool. `durable` (the
  // benchmarks): PostgreSQL's defaults, every commit flushed to disk, like SQLite's synchronous=FULL.
  const options = [
    `-p ${port}`,
    `-k ${dir}`,
    "-c listen_addresses='127.0.0.1'",
    ...(opts.durable ? [] : ['-c fsync=off', '-c full_page_writes=off']),
    '-c max_connections=400',
    '-c shared_buffers=128MB',
  ].join(' ');
  run('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', '-t', '60', 'start']);
  let stopped = false;
  return {
    adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } catch {
        // Already gone.
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
