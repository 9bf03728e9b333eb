import { readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * The organisation's look without code changes: a JSON file (THEME_FILE) with
 * its name, an optional logo (a local image file) and design tokens (CSS custom
 * properties of the NL Design System theme) that override the defaults.
 */
const themeSchema = z
  .object({
    name: z.string().min(1).max(100),
    logo: z.string().optional(),
    logoAlt: z.string().optional(),
    contact: z.object({ phone: z.string().max(40).optional(), text: z.string().max(300).optional() }).optional(),
    /** The decision letter (runtime/letters): where an objection goes (an address or a web address), its accent colour. */
    letter: z
      .object({
        objectionTo: z.string().min(1).max(500).optional(),
        colour: z
          .string()
          .regex(/^#[0-9a-fA-F]{6}$/, 'a colour is #rrggbb')
          .optional(),
      })
      .strict()
      .optional(),
    tokens: z
      .record(
        z
          .string()
          .regex(
            /^--[a-z0-9-]+$/,
            'a token is a CSS custom property like --utrecht-button-primary-action-background-color',
          ),
        z.string().regex(/^[^;{}<>]*$/, 'a token value cannot contain ; { } < >'),
      )
      .optional(),
  })
  .strict();
export type Theme = z.infer<typeof themeSchema>;

export const defaultTheme: Theme = {
  name: 'Gemeente Voorbeeld',
  contact: { phone: '14 020' },
  tokens: {},
};

export function loadTheme(file: string | undefined): Theme {
  if (!file) return defaultTheme;
  const parsed = themeSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new Error(
      `THEME_FILE ${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  return { ...defaultTheme, ...parsed.data };
}

/** The theme's tokens as a CSS rule (values are checked to hold no markup or rule breaks). */
export function themeCss(theme: Theme): string {
  const entries = Object.entries(theme.tokens ?? {});
  return entries.length ? `.utrecht-theme{${entries.map(([k, v]) => `${k}:${v}`).join(';')}}` : '';
}
