import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, test } from 'vitest';

// The layer rules of eslint.config.js, tried on one-line files placed in each
// layer. They name real modules: an import the resolver cannot find is
// skipped by import-x, so a broken resolver would pass everything silently.
const root = fileURLToPath(new URL('../../', import.meta.url));
let eslint: ESLint;
beforeAll(() => {
  // The files tried here exist in no tsconfig, so the type-aware promise rules (which need one) are off for them.
  eslint = new ESLint({
    cwd: root,
    overrideConfig: {
      languageOptions: { parserOptions: { projectService: false } },
      rules: { '@typescript-eslint/no-floating-promises': 'off', '@typescript-eslint/await-thenable': 'off' },
    },
  });
});

/** The rules an `import` of `spec` breaks in a new file at `file` (relative to the root). */
async function broken(file: string, spec: string): Promise<string[]> {
  const [result] = await eslint.lintText(`import '${spec}';\n`, { filePath: `${root}${file}` });
  return result.messages.map((m) => m.ruleId ?? m.message);
}

const LAYER = 'import-x/no-restricted-paths';

describe('layers (eslint.config.js)', () => {
  test.each([
    ['runtime/model/x.ts', '../store/index.js'],
    ['runtime/model/x.ts', '../engine/index.js'],
    ['runtime/model/x.ts', '../http/app.js'],
    ['runtime/model/x.ts', '../config.js'],
    ['runtime/model/steps/x.ts', '../../pages/index.js'],
    ['runtime/i18n/x.ts', '../store/index.js'],
    ['runtime/store/x.ts', '../engine/index.js'],
    ['runtime/engine/x.ts', '../http/app.js'],
    ['runtime/engine/x.ts', '../pages/index.js'],
    ['runtime/engine/x.ts', '../letters/index.js'],
    ['runtime/letters/x.ts', '../pages/theme.js'],
    ['runtime/letters/x.ts', '../http/app.js'],
    ['runtime/letters/x.ts', '../auth/index.js'],
    ['runtime/auth/x.ts', '../http/app.js'],
    ['runtime/auth/x.ts', '../pages/index.js'],
    ['runtime/http/x.ts', '../pages/index.js'],
    ['runtime/pages/x.ts', '../http/app.js'],
    ['runtime/web/x.ts', '../http/app.js'],
    ['runtime/x.ts', '../designer/main.js'],
    ['browser/x.ts', '../runtime/store/index.js'],
    ['browser/x.ts', '../designer/main.js'],
    ['browser/x.ts', '../workspace/main.js'],
    ['designer/x.ts', '../runtime/engine/index.js'],
    ['designer/x.ts', '../runtime/http/app.js'],
    ['designer/x.ts', '../workspace/main.js'],
    ['workspace/x.ts', '../runtime/store/index.js'],
    ['workspace/x.ts', '../designer/main.js'],
  ])('%s may not import %s', async (file, spec) => {
    expect(await broken(file, spec)).toEqual([LAYER]);
  });

  test.each([
    ['runtime/model/x.ts', 'node:fs', 'import-x/no-nodejs-modules'],
    ['runtime/model/x.ts', 'react', 'no-restricted-imports'],
    ['runtime/model/x.ts', 'express', 'no-restricted-imports'],
    ['designer/x.ts', 'node:path', 'import-x/no-nodejs-modules'],
    ['browser/x.ts', 'better-sqlite3', 'no-restricted-imports'],
    ['runtime/pages/x.ts', 'react-dom/server', 'no-restricted-imports'],
  ])('%s may not import the package %s', async (file, spec, rule) => {
    expect(await broken(file, spec)).toEqual([rule]);
  });

  test.each([
    ['runtime/model/x.ts', './index.js'],
    ['runtime/model/x.ts', 'zod'],
    ['runtime/store/x.ts', '../model/index.js'],
    ['runtime/engine/x.ts', '../store/index.js'],
    ['runtime/http/x.ts', '../engine/index.js'],
    ['runtime/pages/x.ts', '../engine/index.js'],
    ['runtime/web/app.ts', '../http/app.js'],
    ['runtime/web/app.ts', '../pages/index.js'],
    ['runtime/x.ts', './http/app.js'],
    ['designer/x.ts', '../runtime/model/index.js'],
    ['designer/x.ts', 'react'],
    ['workspace/x.ts', '../runtime/model/index.js'],
    ['test/x.ts', '../runtime/store/index.js'],
    ['bench/x.ts', '../runtime/http/app.js'],
  ])('%s may import %s', async (file, spec) => {
    expect(await broken(file, spec)).toEqual([]);
  });
});
