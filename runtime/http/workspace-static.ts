import { join } from 'node:path';
import express, { type Router } from 'express';

/**
 * The officials' workspace, built by Vite into `distDir` (`npm run build`):
 * hashed assets under `/assets` with a long cache, and the app's one HTML
 * page for `/werkplek` and every path below it (client-side routing), never
 * cached so a new build is picked up at once. The page loads only
 * same-origin scripts, so helmet's `script-src 'self'` holds.
 * Without a build, `/werkplek` says how to make one (503).
 */
export function workspaceStatic(distDir: string): Router {
  const router = express.Router();
  const page = join(distDir, 'workspace', 'index.html');

  // File names carry a content hash: a changed file is a new URL.
  router.use('/assets', express.static(join(distDir, 'assets'), { immutable: true, maxAge: '1y', index: false }));

  router.get(['/werkplek', '/werkplek/{*rest}'], (_req, res, next) => {
    res.sendFile(page, { headers: { 'Cache-Control': 'no-store' } }, (error?: NodeJS.ErrnoException) => {
      if (!error) return;
      if (res.headersSent) return next(error);
      if (error.code === 'ENOENT' || (error as { status?: number }).status === 404) {
        res.status(503).set('Cache-Control', 'no-store').type('text/plain').send('The workspace is not built: run npm run build\n');
        return;
      }
      next(error);
    });
  });
  return router;
}
