import type { Request, Response } from 'express';
import type { Engine } from '../engine/index.js';
import type { Clock } from '../engine/index.js';
import type { Lang } from '../model/index.js';
import type { Store } from '../store/index.js';
import type { Html } from './html.js';
import { layout, type PageContext } from './layout.js';
import type { Sessions } from './session.js';
import type { Theme } from './theme.js';

export type PagesDeps = { store: Store; engine: Engine; clock: Clock; theme: Theme; sessions: Sessions };

/** A page-level refusal: rendered as a page with this status. */
export class PageError extends Error {
  constructor(readonly status: number, readonly key: 'notFound' | 'expiredForm' | 'somethingWrong') {
    super(key);
  }
}

export function pageContext(req: Request, deps: PagesDeps, personHref = '/medewerker'): PageContext {
  const session = req.session!;
  return { lang: session.lang, theme: deps.theme, csrf: session.csrf, signedIn: !!session.bsn, path: req.originalUrl, personHref };
}

export function send(res: Response, ctx: PageContext, title: string, main: Html, opts: { status?: number; errors?: boolean; script?: boolean } = {}) {
  res.status(opts.status ?? 200).type('html').set('Cache-Control', 'no-store').send(layout(ctx, title, main, opts));
}

/** The signed-in citizen's BSN, or a redirect to sign-in that comes back here. */
export function citizen(req: Request, res: Response): string | undefined {
  if (req.session?.bsn) return req.session.bsn;
  res.redirect(303, `/inloggen?terug=${encodeURIComponent(req.originalUrl)}`);
  return undefined;
}

/** A local path to go back to after sign-in (never another site). */
export function safeReturn(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])[^\s]*$/.test(value) ? value : '/mijn-zaken';
}

export const langOf = (req: Request): Lang => req.session?.lang ?? 'nl';
