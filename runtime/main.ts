import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { readConfig, type Config } from './config.js';
import { createScheduler, systemClock } from './engine/index.js';
import { createLetterService, startLetterWorker, type LetterWorker } from './letters/index.js';
import { feelBudgetsEnforced } from './model/index.js';
import { createNotifier, startNotifyWorker, type NotifyWorker } from './notify/index.js';
import { startHousekeeping } from './pages/housekeeping.js';
import { defaultUploadDir } from './pages/index.js';
import { loadTheme } from './pages/theme.js';
import { createDemoAccounts, importProcesses, openServicesAt, type OpenServices } from './setup.js';
import { SchemaTooNewError } from './store/index.js';
import { createWebApp } from './web/app.js';

/** How long a stop waits for requests in flight before it closes their connections. */
const DRAIN_MS = 10_000;

function refuse(message: string): never {
  console.error(`Not starting: ${message}`);
  process.exit(1);
}

/**
 * A first start (no processes yet): publish the examples and, with demo
 * accounts on, create them. Several nodes may start together on one new
 * database: one of them does it under a lock, the others wait for it and
 * then find the processes there.
 */
async function firstStart(services: OpenServices, config: Config) {
  const { store } = services;
  for (;;) {
    if ((await store.processes.list()).length) return;
    const done = await store.locks.run('first-start', config.nodeId, 5 * 60_000, async () => {
      if ((await store.processes.list()).length) return true;
      if (existsSync(config.processesDir))
        for (const r of await importProcesses(config.processesDir, store, services.processes, 'omslag', {
          onlyNew: true,
          holder: config.nodeId,
        }))
          console.log(
            r.problems.length
              ? `! ${r.key}: ${r.problems.length} problem(s), not published`
              : `published ${r.key} v${r.version}`,
          );
      // Demo accounts (and their printed passwords and tokens) only with the stand-in, never in production.
      if (config.demo && !config.auth.production && (await store.accounts.countUsers()) === 0) {
        const demo = await createDemoAccounts(services);
        console.log('\nDemo accounts (printed once; tokens are stored hashed):');
        for (const t of demo.tokens)
          console.log(
            `  ${t.role.padEnd(9)} ${t.name.padEnd(11)} password ${t.password}  ${t.teams.length ? `teams ${t.teams.join(',')}  ` : ''}token ${t.token}`,
          );
        console.log(`  citizen   BSN ${demo.citizen.bsn}  token ${demo.citizen.token}\n`);
      }
      return true;
    });
    if (done) return;
    // Another node holds the lock: it is importing.
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function main() {
  // Without Omslag's patch of feelin no expression can be bounded, so none is evaluated: refuse to start rather than hand every case to a person.
  if (!feelBudgetsEnforced)
    refuse("feelin lacks Omslag's budget patch: run `node scripts/patch-feelin.mjs` (npm install runs it).");
  let config: Config;
  try {
    config = readConfig();
  } catch (error) {
    refuse((error as Error).message);
  }
  const { database } = config;

  let stopping = false;
  let stop: (signal: string) => Promise<void> = async () => process.exit(0);
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    stop(signal).catch((error) => {
      console.error(`stopping failed: ${(error as Error).message}`);
      process.exit(1);
    });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  // The supervisor is gone (even by kill -9): stop too, instead of running on unsupervised.
  if (process.send) process.on('disconnect', () => shutdown('supervisor gone'));

  let services: OpenServices;
  try {
    services = await openServicesAt(database.target, systemClock, {
      synchronous: config.synchronous,
      poolSize: database.poolSize,
    });
  } catch (error) {
    if (error instanceof SchemaTooNewError) refuse(error.message);
    refuse(`cannot open the database ${database.shown}: ${(error as Error).message}`);
  }
  // A stop while the examples are imported waits for the import: it is one lock and a few transactions.
  const starting = firstStart(services, config);
  stop = async () => {
    await starting.catch(() => {});
    await services.store.close();
    process.exit(0);
  };
  await starting;
  if (stopping) return;

  const scheduler = createScheduler(services.engine, config.timerIntervalMs, config.nodeId, config.timerLeaseMs);
  const theme = loadTheme(config.themeFile);
  // Decision letters in the theme's style: the API and the pages download them, the worker makes the pending ones.
  const letters = createLetterService({ ...services, style: theme });
  const app = createWebApp(
    { ...services, letters },
    {
      bodyLimit: config.bodyLimit,
      theme,
      secureCookies: config.secureCookies,
      limits: config.limits,
      trustProxy: config.trustProxy,
      auth: config.auth,
      confirmHours: config.notify.confirmHours,
    },
  );
  let housekeeping: ReturnType<typeof startHousekeeping> | undefined;
  let letterWorker: LetterWorker | undefined;
  let notifyWorker: NotifyWorker | undefined;
  const server = app.listen(config.port, config.host, () => {
    void scheduler.start();
    // Expired sessions, stale drafts and their files, crash leftovers of uploads: every 15 minutes.
    housekeeping = startHousekeeping(services, { uploadDir: defaultUploadDir() });
    // Pending decision letters: every few seconds, a batch per round, one node at a time.
    letterWorker = startLetterWorker(letters, { store: services.store, nodeId: config.nodeId });
    // Notices by email and SMS: planned from the outbox, sent with retries; staff digests, escalations, proposals.
    const notifier = createNotifier({ ...services, nodeId: config.nodeId, settings: config.notify, theme });
    notifyWorker = startNotifyWorker(notifier, { everyMs: config.notify.everyMs });
    const { port } = server.address() as AddressInfo;
    console.log(`Omslag listens on http://${config.host}:${port} (node ${config.nodeId}, data in ${database.shown})`);
    console.log(
      `Citizen pages: http://${config.host}:${port}/  ·  API: http://${config.host}:${port}/api/openapi.json`,
    );
    const { auth } = config;
    console.log(
      auth.devSignIn
        ? 'Sign-in: the development stand-in is ON (BSN-only citizen sign-in, demo accounts, citizen tokens): never for real people'
        : `Sign-in: citizens at ${auth.citizen?.issuer ?? '(no provider)'}; staff ${auth.staff ? `at ${auth.staff.issuer} and ` : ''}by local account`,
    );
    // Under the supervisor (npm run serve): it counts a start as good once the server listens.
    process.send?.({ type: 'omslag.listening', port });
  });

  /**
   * A clean stop: /api/ready answers 503 (a load balancer sends no more),
   * no new connections, the requests in flight finish (closed after
   * DRAIN_MS), the scheduler hands its timer leases back, the store closes.
   */
  stop = async (signal) => {
    console.log(`${signal}: stopping (finishing requests)…`);
    app.locals.draining = true;
    // Stopped now (no new round), awaited before the store closes: a round in progress finishes first.
    const housekept = housekeeping?.stop();
    const lettersStopped = letterWorker?.stop();
    const notifyStopped = notifyWorker?.stop();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // Keep-alive connections idle between requests would hold the stop up: close each once it is idle.
    server.closeIdleConnections();
    const idle = setInterval(() => server.closeIdleConnections(), 100);
    const cut = setTimeout(() => {
      console.log(`requests still running after ${DRAIN_MS / 1000} s: closing their connections`);
      server.closeAllConnections();
    }, DRAIN_MS);
    await closed;
    clearInterval(idle);
    clearTimeout(cut);
    await scheduler.stop();
    await housekept;
    await lettersStopped;
    await notifyStopped;
    await services.store.close();
    console.log('stopped cleanly');
    process.exit(0);
  };
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
