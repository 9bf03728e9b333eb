import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { initialJsBudget } from './scripts/initial-js-budget.js';
import { sharedHtml } from './scripts/shared-html.js';

// One Vite config: the browser apps are entries of one build (the workspace
// and the designer), served by the Express server from dist/; Vitest
// runs the unit and integration tests.
export default defineConfig({
  root: '.',
  // The designer's first load stays small: Monaco and elkjs come with import().
  // 400 KB since re2js (≈ 46 KB gzip) is part of runtime/model: FEEL's regexes run on RE2 in the browser's simulation too.
  plugins: [react(), sharedHtml('browser/page.html'), initialJsBudget('designer', 400)],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Hashed file names under /assets: served with a long cache by runtime/web/workspace-static.ts.
    assetsDir: 'assets',
    // Monaco's editor chunk is large but lazily loaded; the budget above guards what loads first.
    chunkSizeWarningLimit: 4000,
    rollupOptions: {
      input: { workspace: 'workspace/index.html', designer: 'designer/index.html' },
    },
  },
  // Three projects: `node` (unit and integration, test/**/*.test.ts), `dom`
  // (React components in jsdom, test/**/*.dom.test.tsx) and `bench-smoke` (the
  // benchmarks' quick mode, its own step: npm run test:bench-smoke). The unit
  // run is `vitest run --project node --project dom`.
  test: {
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 20_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/bench/**', 'test/postgres/**'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: { name: 'dom', include: ['test/**/*.dom.test.tsx'], environment: 'jsdom' },
      },
      {
        // The engine, HTTP and page suites once more, each test on a fresh database of a real PostgreSQL server.
        extends: true,
        test: {
          name: 'postgres',
          include: [
            'test/runtime/engine/**/*.test.ts',
            'test/runtime/http/**/*.test.ts',
            'test/runtime/pages/**/*.test.ts',
            'test/runtime/letters/**/*.test.ts',
            'test/runtime/notify/**/*.test.ts',
            'test/postgres/**/*.test.ts',
          ],
          environment: 'node',
          env: { OMSLAG_TEST_STORE: 'postgres' },
          globalSetup: ['test/helpers/pg-global-setup.ts'],
        },
      },
      {
        extends: true,
        test: { name: 'bench-smoke', include: ['test/bench/**/*.test.ts'], environment: 'node' },
      },
    ],
  },
});
