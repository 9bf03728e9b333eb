/** The languages of the user interface; Dutch first, and the default. */
export const languages = ['nl', 'en'] as const;
export type Lang = (typeof languages)[number];
export const defaultLang: Lang = 'nl';

/** The BCP 47 locale each language formats numbers, dates and plurals in. */
export const locales: Record<Lang, string> = { nl: 'nl-NL', en: 'en-GB' };

/** A language from a stored or sent value: `en` when asked for, otherwise Dutch. */
export function asLang(value: unknown): Lang {
  return value === 'en' ? 'en' : defaultLang;
}

/**
 * The language an Accept-Language header (or a tag such as `en-GB`) asks for: the
 * supported language with the highest q-value, Dutch when none is supported.
 */
export function langFromHeader(value: string | undefined | null): Lang {
  if (!value) return defaultLang;
  let best: { lang: Lang; q: number } | undefined;
  for (const part of value.split(',')) {
    const [tag = '', ...rest] = part.trim().split(';');
    const code = tag.trim().slice(0, 2).toLowerCase();
    if (code !== 'nl' && code !== 'en') continue;
    const qParam = rest.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    if (!best || q > best.q) best = { lang: code, q };
  }
  return best?.lang ?? defaultLang;
}
