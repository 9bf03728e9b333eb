/**
 * The workspace's static files: the app's page for /werkplek and every path
 * below it (never cached), hashed assets with a long cache, and a clear 503
 * when nothing was built.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { afterAll, describe, expect, test } from 'vitest';
import { workspaceStatic } from '../../../runtime/web/workspace-static.js';

const servers: { close(): void }[] = [];
afterAll(() => servers.forEach((s) => s.close()));

async function serve(distDir: string): Promise<string> {
  const app = express();
  app.use(workspaceStatic(distDir));
  app.use((_req, res) => res.status(404).send('next'));
  const server = app.listen(0, '127.0.0.1');
  servers.push(server);
  await new Promise((resolve) => server.once('listening', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('workspaceStatic', () => {
  test('serves the app for /werkplek and deep links, not cached; assets with a long cache', async () => {
    const dist = mkdtempSync(join(tmpdir(), 'omslag-dist-'));
    mkdirSync(join(dist, 'workspace'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(
      join(dist, 'workspace', 'index.html'),
      '<!doctype html><title>Werkplek</title><script type="module" src="/assets/workspace-abc123.js"></script>',
    );
    writeFileSync(join(dist, 'assets', 'workspace-abc123.js'), 'console.log(1)');
    const base = await serve(dist);

    for (const path of ['/werkplek', '/werkplek/', '/werkplek/taken/7e3082d7', '/werkplek/taken/x/y']) {
      const res = await fetch(base + path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(await res.text()).toContain('<title>Werkplek</title>');
    }
    const asset = await fetch(`${base}/assets/workspace-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-type')).toMatch(/javascript/);

    // Other paths are left to the next router (the citizen pages).
    expect(await (await fetch(`${base}/assets/missing.js`)).text()).toBe('next');
    expect(await (await fetch(`${base}/werkplekken`)).text()).toBe('next');
  });

  test('without a build, /werkplek says how to make one (503)', async () => {
    const base = await serve(join(tmpdir(), 'omslag-no-such-dist'));
    const res = await fetch(`${base}/werkplek/`);
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await res.text()).toContain('run npm run build');
  });
});
