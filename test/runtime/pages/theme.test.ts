// A theme's logo is checked at start: a local image file (relative to the theme file), never a web address.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTheme } from '../../../runtime/pages/theme.js';

/** A theme file with `logo` in a fresh folder that holds a small logo.png and a folder `map`. */
function themeWith(logo: unknown, extra: Record<string, unknown> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'omslag-theme-'));
  writeFileSync(join(dir, 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  mkdirSync(join(dir, 'map.png'));
  writeFileSync(join(dir, 'groot.svg'), Buffer.alloc(1024 * 1024 + 1, 0x20));
  writeFileSync(join(dir, 'theme.json'), JSON.stringify({ name: 'Gemeente Test', logo, ...extra }));
  return join(dir, 'theme.json');
}

describe('loadTheme: the logo', () => {
  it('resolves a logo relative to the theme file', () => {
    const file = themeWith('logo.png', { logoAlt: 'Gemeente Test' });
    expect(loadTheme(file)).toMatchObject({ logo: join(file, '..', 'logo.png'), logoAlt: 'Gemeente Test' });
  });

  it.each([
    ['https://cdn.example.com/logo.png', 'not a web address'],
    ['//cdn.example.com/logo.png', 'not a web address'],
    ['data:image/png;base64,AAAA', 'not a web address'],
    ['theme.json', 'a logo is an image'],
    ['weg.png', 'does not exist'],
    ['map.png', 'not a file'],
    ['groot.svg', 'at most 1 MB'],
  ])('refuses %s at start, saying why', (logo, why) => {
    expect(() => loadTheme(themeWith(logo))).toThrow(why);
  });

  it('refuses an empty logo or alt text', () => {
    expect(() => loadTheme(themeWith(''))).toThrow(/logo/);
    expect(() => loadTheme(themeWith('logo.png', { logoAlt: '' }))).toThrow(/logoAlt/);
  });

  it('a theme without a logo has none', () => {
    expect(loadTheme(themeWith(undefined)).logo).toBeUndefined();
  });
});
