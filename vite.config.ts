import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// One Vite config: the browser apps are entries of one build (the workspace
// now, the designer later), served by the Express server from dist/; Vitest
// runs the unit and integration tests.
export default defineConfig({
  root: '.',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Hashed file names under /assets: served with a long cache by runtime/http/workspace-static.ts.
    assetsDir: 'assets',
    rollupOptions: {
      input: { workspace: 'workspace/index.html' },
    },
  },
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
