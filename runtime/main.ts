import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { readConfig } from './config.js';
import { createScheduler, systemClock } from './engine/index.js';
import { feelBudgetsEnforced } from './model/index.js';
import { startHousekeeping } from './pages/housekeeping.js';
import { defaultUploadDir } from './pages/index.js';
import { loadTheme } from './pages/theme.js';
import { createDemoAccounts, importProcesses, openServices } from './setup.js';
import { createWebApp } from './web/app.js';

// Without Omslag's patch of feelin no expression can be bounded, so none is evaluated: refuse to start rather than hand every case to a person.
if (!feelBudgetsEnforced) {
  console.error(
    "feelin lacks Omslag's budget patch: run `node scripts/patch-feelin.mjs` (npm install runs it). Not starting.",
  );
  process.exit(1);
}
const config = readConfig();
const firstStart = !existsSync(join(config.dataDir, 'omslag.db'));
const services = openServices(config.dataDir, systemClock, { synchronous: config.synchronous });

if (firstStart && existsSync(config.processesDir)) {
  for (const r of importProcesses(config.processesDir, services.store, services.processes, 'omslag')) {
    console.log(
      r.problems.length
        ? `! ${r.key}: ${r.problems.length} problem(s), not published`
        : `published ${r.key} v${r.version}`,
    );
  }
}
if (firstStart && config.demo && services.store.accounts.countUsers() === 0) {
  const demo = createDemoAccounts(services);
  console.log('\nDemo accounts (printed once; tokens are stored hashed):');
  for (const t of demo.tokens)
    console.log(
      `  ${t.role.padEnd(9)} ${t.name.padEnd(11)} password ${t.password}  ${t.teams.length ? `teams ${t.teams.join(',')}  ` : ''}token ${t.token}`,
    );
  console.log(`  citizen   BSN ${demo.citizen.bsn}  token ${demo.citizen.token}\n`);
}

const scheduler = createScheduler(services.engine, config.timerIntervalMs);
const app = createWebApp(services, {
  bodyLimit: config.bodyLimit,
  theme: loadTheme(config.themeFile),
  secureCookies: config.secureCookies,
  limits: config.limits,
  trustProxy: config.trustProxy,
});
let housekeeping: ReturnType<typeof startHousekeeping> | undefined;
const server = app.listen(config.port, config.host, () => {
  scheduler.start();
  // Expired sessions, stale drafts and their files, crash leftovers of uploads: every 15 minutes.
  housekeeping = startHousekeeping(services, { uploadDir: defaultUploadDir() });
  const { port } = server.address() as AddressInfo;
  console.log(`Omslag listens on http://${config.host}:${port} (data in ${config.dataDir})`);
  console.log(`Citizen pages: http://${config.host}:${port}/  ·  API: http://${config.host}:${port}/api/openapi.json`);
  // Under the supervisor (npm run serve): it counts a start as good once the server listens.
  process.send?.({ type: 'omslag.listening', port });
});

let stopping = false;
function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: stopping (finishing requests)…`);
  // GET /api/ready answers 503 from now on, so a load balancer stops sending here; /api/health stays 200.
  app.locals.draining = true;
  scheduler.stop();
  housekeeping?.stop();
  server.close(() => {
    services.store.close();
    console.log('stopped cleanly');
    process.exit(0);
  });
  server.closeIdleConnections();
  setTimeout(() => {
    server.closeAllConnections();
  }, 5000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
// The supervisor is gone (even by kill -9): stop too, instead of running on unsupervised.
if (process.send) process.on('disconnect', () => shutdown('supervisor gone'));
