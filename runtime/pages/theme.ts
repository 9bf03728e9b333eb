import { readFileSync, statSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { z } from 'zod';

/**
 * The organisation's look without code changes: a JSON file (THEME_FILE) with
 * its name, an optional logo (a local image file) and design tokens (CSS custom
 * properties of the NL Design System theme) that override the defaults.
 */
const themeSchema = z
  .object({
    name: z.string().min(1).max(100),
    /** An image file on this server (relative to the theme file), shown in every page's header. */
    logo: z.string().min(1).max(500).optional(),
    /** The logo's text for those who do not see it; by default the organisation's name and where the link goes. */
    logoAlt: z.string().min(1).max(200).optional(),
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
  const theme = { ...defaultTheme, ...parsed.data };
  return theme.logo ? { ...theme, logo: logoFile(file, theme.logo) } : theme;
}

/** The image types a logo may be, and how large its file may be. */
const LOGO_TYPES = ['.png', '.jpg', '.jpeg', '.svg', '.webp', '.gif'];
const LOGO_MAX_BYTES = 1024 * 1024;

/**
 * The logo as an absolute path to a local image file (relative paths from the
 * theme file's folder), or a clear error at start. Not a web address: the
 * pages load nothing from elsewhere (no third party sees who visits; the CSP
 * allows images from this server only).
 */
function logoFile(themeFile: string, logo: string): string {
  const fail = (why: string) => {
    throw new Error(`THEME_FILE ${themeFile}: logo ${JSON.stringify(logo)}: ${why}`);
  };
  if (/^[a-z][a-z0-9+.-]*:/i.test(logo) || logo.startsWith('//'))
    fail('a logo is an image file on this server, not a web address');
  const path = resolve(dirname(themeFile), logo);
  if (!LOGO_TYPES.includes(extname(path).toLowerCase())) fail(`a logo is an image: ${LOGO_TYPES.join(', ')}`);
  let size = 0;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) fail('not a file');
    size = stat.size;
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('THEME_FILE')) throw error;
    fail('the file does not exist or cannot be read');
  }
  if (size > LOGO_MAX_BYTES) fail('a logo is at most 1 MB');
  return path;
}

/** The theme's tokens as a CSS rule (values are checked to hold no markup or rule breaks). */
export function themeCss(theme: Theme): string {
  const entries = Object.entries(theme.tokens ?? {});
  return entries.length ? `.utrecht-theme{${entries.map(([k, v]) => `${k}:${v}`).join(';')}}` : '';
}
