import { readdirSync } from 'node:fs';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { keysOf, languages, locales, lookup } from '../../../runtime/i18n/index.js';
import { allCatalogues } from '../../../runtime/i18n/catalogues/all.js';

type Element = { type: number; value?: string; options?: Record<string, { value: Element[] }> };

/** The names a message fills in: plain arguments, and the arguments of plural and select. */
function placeholders(source: string, lang: string): string[] {
  const names = new Set<string>();
  const walk = (elements: Element[]) => {
    for (const e of elements) {
      if (e.type !== 0 && e.type !== 7 && e.value) names.add(e.value);
      for (const option of Object.values(e.options ?? {})) walk(option.value);
    }
  };
  walk(new IntlMessageFormat(source, lang, undefined, { ignoreTag: true }).getAst() as Element[]);
  return [...names].sort();
}

/**
 * Messages whose languages take different parameters on purpose; each says why.
 * Keep this list short: a mismatch is almost always a typo in a translation.
 */
const differentOnPurpose: Record<string, string> = {
  'designer.addKind': 'English puts the kind mid-sentence, in lowercase ({kindLower}); Dutch starts with it ({kind})',
  'designer.addAfterKind': 'as designer.addKind: English puts the kind mid-sentence, Dutch starts with it',
};

const folders = readdirSync(new URL('../../../runtime/i18n/catalogues/', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

describe('message catalogues', () => {
  it('lists every catalogue folder, so each is checked here', () => {
    expect(Object.keys(allCatalogues).sort()).toEqual(folders.sort());
  });

  for (const [feature, catalogues] of Object.entries(allCatalogues)) {
    describe(feature, () => {
      const reference = keysOf(catalogues.nl).sort();

      it('has every key in every language', () => {
        expect(reference.length).toBeGreaterThan(0);
        for (const lang of languages)
          expect(keysOf(catalogues[lang]).sort(), `${feature}/${lang}.ts`).toEqual(reference);
      });

      it('has messages that parse as ICU, with the same placeholders in every language', () => {
        for (const key of reference) {
          const [nl, ...others] = languages.map((lang) => {
            const source = lookup(catalogues[lang], key);
            expect(source, `${feature}.${key} in ${lang}`).toBeTypeOf('string');
            expect(source!.trim(), `${feature}.${key} in ${lang} is empty`).not.toBe('');
            return placeholders(source!, locales[lang]);
          });
          if (differentOnPurpose[`${feature}.${key}`]) continue;
          for (const other of others) expect(other, `placeholders of ${feature}.${key}`).toEqual(nl);
        }
      });
    });
  }
});
