import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

// The API and the pages are mounted side by side by runtime/web/app.ts; neither knows the other.
const runtime = resolve(import.meta.dirname, '../../../runtime');
const files = (dir: string): string[] =>
  readdirSync(join(runtime, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => relative(runtime, join(e.parentPath, e.name)));

/** Every runtime module a file imports, as a path under runtime/ (`http/app.ts`). */
function importsOf(file: string): string[] {
  const source = readFileSync(join(runtime, file), 'utf8');
  return [...source.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+'(\.[^']+)'/gm)].map((m) =>
    relative(runtime, resolve(runtime, dirname(file), m[1])).replace(/\.js$/, '.ts'),
  );
}

const offending = (dir: string, forbidden: (target: string) => boolean) =>
  files(dir).flatMap((f) =>
    importsOf(f)
      .filter(forbidden)
      .map((target) => `${f} → ${target}`),
  );

describe('layers of the web', () => {
  test('the reader finds imports', () => {
    expect(importsOf('web/app.ts')).toEqual(expect.arrayContaining(['http/app.ts', 'pages/index.ts']));
  });

  test('runtime/http and runtime/pages do not import each other, nor the web root', () => {
    expect(offending('http', (t) => t.startsWith('pages/') || t === 'web/app.ts')).toEqual([]);
    expect(offending('pages', (t) => t.startsWith('http/') || t === 'web/app.ts')).toEqual([]);
  });

  test("runtime/auth and the web's shared modules import neither the API nor the pages", () => {
    expect(offending('auth', (t) => /^(http|pages|web)\//.test(t))).toEqual([]);
    const shared = files('web').filter((f) => f !== 'web/app.ts');
    expect(
      shared.flatMap((f) =>
        importsOf(f)
          .filter((t) => /^(http|pages)\//.test(t))
          .map((t) => `${f} → ${t}`),
      ),
    ).toEqual([]);
  });

  test('the pages reach cases through the journey service: no route runs XState or calls the store', () => {
    const routes = files('pages/routes');
    expect(routes.length).toBeGreaterThan(3);
    const found = routes.flatMap((f) => {
      const source = readFileSync(join(runtime, f), 'utf8');
      return [
        ...[...source.matchAll(/from 'xstate'/g)].map(() => `${f}: imports xstate`),
        ...[...source.matchAll(/\b(?:deps\.)?store\.[a-z]+\./g)].map((m) => `${f}: ${m[0]}`),
        ...[...source.matchAll(/\bengine\.(?:send|startCase|loadVersion|restore)\(/g)].map((m) => `${f}: ${m[0]}`),
      ];
    });
    expect(found).toEqual([]);
  });
});
