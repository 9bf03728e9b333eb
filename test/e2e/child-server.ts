// What the browser tests' own server scripts share (oidc-server.ts, staff-oidc-server.ts): a clean stop
// on a signal or when the spec that spawned them goes (it holds their stdin), leaving nothing behind.
import { rmSync } from 'node:fs';
import type { Server } from 'node:http';

export function stopWithSpec(server: Server, closers: (() => Promise<unknown>)[], dir: string) {
  let stopping = false;
  async function stop() {
    if (stopping) return;
    stopping = true;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    for (const close of closers) await close();
    rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  }
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
  // The spec is gone (the run ended, or it was killed): stop too.
  process.stdin.on('end', () => void stop());
  process.stdin.resume();
}
