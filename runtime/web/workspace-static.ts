import { join } from 'node:path';
import express, { type Router } from 'express';

/** The browser apps built by Vite: where each is served and the folder of its page in dist/. */
const apps = [
  { base: '/werkplek', dir: 'workspace', name: 'workspace' },
  { base: '/ontwerp', dir: 'designer', name: 'designer' },
] as const;

/**
 * The browser apps, built by Vite into `distDir` (`npm run build`): the
 * officials' workspace at `/werkplek` and the process designer at `/ontwerp`.
 * Hashed assets under `/assets` with a long cache (Monaco's lazily loaded
 * chunks and workers too), and each app's one HTML page for its base path and
 * every path below it (client-side routing), never cached so a new build is
 * picked up at once. The pages load only same-origin scripts, so helmet's
 * `script-src 'self'` holds. Without a build, the app's path says how to
 * make one (503).
 */
export function workspaceStatic(distDir: string): Router {
  const router = express.Router();

  // File names carry a content hash: a changed file is a new URL.
  router.use('/assets', express.static(join(distDir, 'assets'), { immutable: true, maxAge: '1y', index: false }));

  for (const app of apps) {
    const page = join(distDir, app.dir, 'index.html');
    router.get([app.base, `${app.base}/{*rest}`], (_req, res, next) => {
      res.sendFile(page, { headers: { 'Cache-Control': 'no-store' } }, (error?: NodeJS.ErrnoException) => {
        if (!error) return;
        if (res.headersSent) return next(error);
        if (error.code === 'ENOENT' || (error as { status?: number }).status === 404) {
          res
            .status(503)
            .set('Cache-Control', 'no-store')
            .type('text/plain')
            .send(`The ${app.name} is not built: run npm run build\n`);
          return;
        }
        next(error);
      });
    });
  }
  return router;
}
