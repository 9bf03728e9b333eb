import { z } from 'zod';
import { langFromHeader, type Lang } from '../i18n/lang.js';

// The languages live with the message system (runtime/i18n); the model uses the same ones.
export { languages, type Lang } from '../i18n/lang.js';

/** A text shown to people: plain Dutch, or Dutch with an English translation. */
export const textSchema = z.union([
  z.string().min(1),
  z.object({ nl: z.string().min(1), en: z.string().min(1).optional() }).strict(),
]);
export type Text = z.infer<typeof textSchema>;

/** Resolves a text in a language, falling back to Dutch. */
export function t(text: Text | undefined | null, lang: Lang = 'nl'): string {
  if (typeof text === 'string') return text;
  // A draft is saved as written, so a title may be anything: only text is shown.
  if (!text || typeof text !== 'object') return '';
  const picked = lang === 'en' && typeof text.en === 'string' ? text.en : text.nl;
  return typeof picked === 'string' ? picked : '';
}

/** Picks a supported language from a tag such as `en-GB` or an Accept-Language header (by q-value). */
export function pickLang(value: string | undefined | null): Lang {
  return langFromHeader(value);
}

/**
 * Replaces `{{name}}` placeholders with values from `data`. Unknown names stay
 * empty. The result is plain text: whoever shows it escapes it.
 */
export function fillPlaceholders(
  template: string,
  data: Record<string, unknown>,
  format: (value: unknown, name: string) => string = String,
): string {
  return template.replace(/\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g, (_, name: string) => {
    const value = data[name];
    return value === undefined || value === null ? '' : format(value, name);
  });
}

/** Names used as `{{name}}` placeholders in a template. */
export function placeholderNames(template: string): string[] {
  return [...template.matchAll(/\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g)].map((m) => m[1]);
}
