import { type Lang, locales } from './lang.js';

// Intl formatters are costly to build and cheap to reuse: one per language and options.
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules>(key: string, make: () => T): T {
  let hit = cache.get(key) as T | undefined;
  if (!hit) cache.set(key, (hit = make()));
  return hit;
}

/** A number as people in `lang` read it: 1.250,5 in Dutch, 1,250.5 in English. */
export function formatNumber(n: number, lang: Lang, options: Intl.NumberFormatOptions = {}): string {
  const key = `n|${lang}|${JSON.stringify(options)}`;
  return cached(key, () => new Intl.NumberFormat(locales[lang], options)).format(n);
}

/** A date (an ISO string, epoch ms or Date) in `lang`, in Dutch time unless `options.timeZone` says otherwise. */
export function formatDate(
  value: string | number | Date,
  lang: Lang,
  options: Intl.DateTimeFormatOptions = {},
): string {
  const opts = { timeZone: 'Europe/Amsterdam', ...options };
  const key = `d|${lang}|${JSON.stringify(opts)}`;
  return cached(key, () => new Intl.DateTimeFormat(locales[lang], opts)).format(new Date(value));
}

/** The CLDR plural category of `n` in `lang` ("one", "other" …), from Intl. */
export function pluralCategory(n: number, lang: Lang): Intl.LDMLPluralRule {
  return cached(`p|${lang}`, () => new Intl.PluralRules(locales[lang])).select(n);
}

/** A date as people read it: 12 maart 2026 / 12 March 2026. */
export function longDate(iso: string, lang: Lang): string {
  return formatDate(iso, lang, { day: 'numeric', month: 'long', year: 'numeric' });
}

/** A size as people read it: 800 bytes, 1 kB, 10 MB. */
export function byteSize(n: number, lang: Lang): string {
  const number = (x: number) => formatNumber(x, lang, { maximumFractionDigits: 1 });
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${number(Math.round(n / 1024))} kB`;
  return `${number(Math.round((n / (1024 * 1024)) * 10) / 10)} MB`;
}

/** A list as people in `lang` read it: "a, b en c" / "a, b or c" (a disjunction when asked). */
export function formatList(items: readonly string[], lang: Lang, type: Intl.ListFormatType = 'conjunction'): string {
  const key = `l|${lang}|${type}`;
  let format = listCache.get(key);
  if (!format) listCache.set(key, (format = new Intl.ListFormat(locales[lang], { type })));
  return format.format(items);
}
const listCache = new Map<string, Intl.ListFormat>();
