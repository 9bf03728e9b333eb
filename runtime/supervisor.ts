/**
 * Keeps the server running (`npm run serve`): starts runtime/main.ts as a
 * child process and starts it again when it dies — a crash, an out-of-memory
 * kill, `kill -9` — after a wait that doubles for every crash soon after a
 * start (a crash loop does not spin). SIGTERM and SIGINT are passed on for a
 * clean stop; then the supervisor exits with the server's code.
 *
 * A server that fails before it ever listened on its first start has a
 * setup error (a bad setting, a port in use): the supervisor exits with its
 * code instead of retrying. On a machine with systemd, run main.ts under a
 * unit with Restart=always instead (the README has one); this is for the
 * places without it.
 *
 * Work that was due while the server was down is not lost: timers are rows
 * in the database and fire on the first tick after the restart, once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { readSupervisorConfig, type SupervisorConfig } from './config.js';

const root = join(import.meta.dirname, '..');
const log = (message: string) => console.log(`[supervisor] ${message}`);

export function supervise(
  config: SupervisorConfig,
  command: string[] = [process.execPath, '--import', 'tsx', join(root, 'runtime/main.ts')],
) {
  let child: ChildProcess | undefined;
  let stopping = false;
  let everListened = false;
  let delay = config.backoffMs;
  let restartTimer: NodeJS.Timeout | undefined;
  let restarts = 0;

  function start() {
    restartTimer = undefined;
    const startedAt = Date.now();
    let listened = false;
    const c = spawn(command[0], command.slice(1), { cwd: root, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child = c;
    log(`server started (pid ${c.pid})`);
    c.on('message', (m: { type?: string; port?: number }) => {
      if (m?.type !== 'omslag.listening') return;
      listened = everListened = true;
      log(`server (pid ${c.pid}) listens on port ${m.port}`);
    });
    c.on('error', (error) => log(`could not start the server: ${error.message}`));
    c.on('exit', (code, signal) => {
      child = undefined;
      const how = signal ? `signal ${signal}` : `code ${code}`;
      if (stopping) {
        log(`server (pid ${c.pid}) stopped (${how})`);
        process.exit(code ?? 0);
      }
      if (!everListened && !listened) {
        log(
          `server (pid ${c.pid}) exited (${how}) before it listened on its first start: not restarting, fix the setup`,
        );
        process.exit(code || 1);
      }
      // A crash soon after a start doubles the wait; one after a stable run starts from the beginning.
      const wait = Date.now() - startedAt >= config.stableMs ? config.backoffMs : delay;
      delay = Math.min(config.backoffMaxMs, Math.max(1, wait * 2));
      restarts++;
      log(`server (pid ${c.pid}) died (${how}); restart ${restarts} in ${wait} ms`);
      restartTimer = setTimeout(start, wait);
    });
  }

  function stop(signal: NodeJS.Signals) {
    if (stopping) return;
    stopping = true;
    if (restartTimer) {
      clearTimeout(restartTimer);
      log(`${signal}: stopped (no server was running)`);
      process.exit(0);
    }
    if (!child) process.exit(0);
    log(`${signal}: stopping the server (pid ${child.pid})`);
    child.kill('SIGTERM');
    setTimeout(() => {
      if (!child) return;
      log(`the server did not stop within ${config.stopTimeoutMs} ms: killing it`);
      child.kill('SIGKILL');
    }, config.stopTimeoutMs).unref();
  }

  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  start();
}

// Run as the entry point (npm run serve); pathToFileURL so a path with spaces or accents still matches.
if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href)
  supervise(readSupervisorConfig());
