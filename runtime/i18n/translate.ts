import { IntlMessageFormat } from 'intl-messageformat';
import { type Lang, languages, locales } from './lang.js';

/** A feature's messages in one language: ICU MessageFormat strings, grouped one level deep at most. */
export type Catalogue = { readonly [key: string]: string | { readonly [key: string]: string } };

/** A feature's catalogues, one per language, with the same keys (the Dutch one is the reference). */
export type Catalogues<C extends Catalogue> = Record<Lang, C>;

/** The dotted keys of a catalogue's messages: `appName`, `kinds.form` … */
export type MessageKey<C extends Catalogue> = {
  [K in keyof C & string]: C[K] extends string ? K : `${K}.${keyof C[K] & string}`;
}[keyof C & string];

/** Values for a message's `{placeholders}`; numbers drive `plural` and format by locale under `#`. */
export type Params = Readonly<Record<string, string | number | Date | boolean | null | undefined>>;

/** A translation function for one feature and language. */
export type Translate<C extends Catalogue> = (key: MessageKey<C>, params?: Params) => string;

// Compiled formats by language and source text: parsing ICU costs more than formatting it.
const compiled = new Map<string, IntlMessageFormat>();

/** Compiles (once) and formats an ICU message in `lang`. Throws when the source is not valid ICU. */
export function formatMessage(source: string, lang: Lang, params: Params = {}): string {
  const cacheKey = `${lang}\u0000${source}`;
  let format = compiled.get(cacheKey);
  if (!format) {
    format = new IntlMessageFormat(source, locales[lang], undefined, { ignoreTag: true });
    compiled.set(cacheKey, format);
  }
  // Missing values render empty rather than throwing: a text should never take a page down.
  const values = new Proxy(params as Record<string, unknown>, {
    get: (target, name) => (typeof name === 'string' ? (target[name] ?? '') : undefined),
    has: () => true,
  });
  const out = format.format(values);
  return Array.isArray(out) ? out.join('') : String(out);
}

/** The ICU source of `key` in `catalogue`, or undefined when the key is not there. */
export function lookup(catalogue: Catalogue, key: string): string | undefined {
  const direct = catalogue[key];
  if (typeof direct === 'string') return direct;
  const dot = key.indexOf('.');
  if (dot < 0) return undefined;
  const group = catalogue[key.slice(0, dot)];
  const leaf = typeof group === 'object' ? group[key.slice(dot + 1)] : undefined;
  return typeof leaf === 'string' ? leaf : undefined;
}

/** One message of a feature in `lang` (Dutch when the language lacks it; the key itself when both do). */
export function translate<C extends Catalogue>(
  catalogues: Catalogues<C>,
  lang: Lang,
  key: MessageKey<C>,
  params?: Params,
): string {
  const source = lookup(catalogues[lang], key) ?? lookup(catalogues.nl, key);
  return source === undefined ? key : formatMessage(source, lang, params);
}

/** `t(key, params)` for one feature in one language. */
export function createTranslator<C extends Catalogue>(catalogues: Catalogues<C>, lang: Lang): Translate<C> {
  return (key, params) => translate(catalogues, lang, key, params);
}

/** Every dotted key of a catalogue, for checks and tests. */
export function keysOf(catalogue: Catalogue): string[] {
  return Object.entries(catalogue).flatMap(([k, v]) =>
    typeof v === 'string' ? [k] : Object.keys(v).map((s) => `${k}.${s}`),
  );
}

/** Marks the languages a feature has: every language, so a missing one is a type error. */
export function defineCatalogues<C extends Catalogue>(catalogues: {
  [L in (typeof languages)[number]]: C;
}): Catalogues<C> {
  return catalogues;
}

/** A catalogue with the same keys (and groups) as `C`: what every other language's catalogue satisfies. */
export type Like<C extends Catalogue> = {
  readonly [K in keyof C]: C[K] extends string ? string : { readonly [S in keyof C[K]]: string };
};
