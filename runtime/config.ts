import { resolve } from 'node:path';

/**
 * Settings, from environment variables (the README lists them). This is the
 * only module that reads the environment; main.ts and cli.ts call it.
 */
export function readConfig(env: NodeJS.ProcessEnv = process.env) {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not '${env.PORT}'`);
  const timerIntervalMs = Number(env.TIMER_INTERVAL_MS ?? 1000);
  if (!(timerIntervalMs >= 50)) throw new Error(`TIMER_INTERVAL_MS must be 50 or more, not '${env.TIMER_INTERVAL_MS}'`);
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    dataDir: resolve(env.DATA_DIR ?? './data'),
    processesDir: resolve(env.PROCESSES_DIR ?? './processes'),
    timerIntervalMs,
    bodyLimit: env.BODY_LIMIT ?? '256kb',
    demo: env.DEMO_ACCOUNTS !== 'false',
    themeFile: env.THEME_FILE ? resolve(env.THEME_FILE) : undefined,
    /** Set behind HTTPS so session cookies are only sent over TLS. */
    secureCookies: env.COOKIE_SECURE === 'true',
  };
}
export type Config = ReturnType<typeof readConfig>;
