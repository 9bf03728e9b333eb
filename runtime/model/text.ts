import { z } from 'zod';

/** The languages of the user interface; Dutch first. */
export const languages = ['nl', 'en'] as const;
export type Lang = (typeof languages)[number];

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

/** Picks a supported language from a tag such as `en-GB` or an Accept-Language header. */
export function pickLang(value: string | undefined | null): Lang {
  if (!value) return 'nl';
  for (const part of value.split(',')) {
    const tag = part.trim().slice(0, 2).toLowerCase();
    if (tag === 'nl' || tag === 'en') return tag;
  }
  return 'nl';
}

/**
 * Replaces `{{name}}` placeholders with values from `data`. Unknown names stay
 * empty. The result is plain text: whoever shows it escapes it.
 */
export function fillPlaceholders(template: string, data: Record<string, unknown>, format: (value: unknown, name: string) => string = String): string {
  return template.replace(/\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g, (_, name: string) => {
    const value = data[name];
    return value === undefined || value === null ? '' : format(value, name);
  });
}

/** Names used as `{{name}}` placeholders in a template. */
export function placeholderNames(template: string): string[] {
  return [...template.matchAll(/\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g)].map((m) => m[1]);
}
