import { defineConfig } from 'vitest/config';

// One Vite config: the browser apps (designer, workspace) are added as entries
// by their issues; Vitest runs the unit and integration tests.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
