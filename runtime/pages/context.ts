import type { Request, Response } from 'express';
import type { Clock, Engine, JourneyService } from '../engine/index.js';
import type { LetterService } from '../letters/index.js';
import type { Lang } from '../model/index.js';
import type { ChannelService } from '../notify/channels.js';
import type { Store } from '../store/index.js';
import type { Html } from './html.js';
import { layout, type PageContext } from './layout.js';
import type { FormParsers } from './forms.js';
import type { AuthSettings, MandateService, Sessions } from '../auth/index.js';
import type { Theme } from './theme.js';

/** What the page routes share: the stores, the visitor's session, the body parsers for form posts. */
export type PagesDeps = FormParsers & {
  store: Store;
  engine: Engine;
  /** What the pages do with cases: the routes go through it, never to the store or XState. */
  journeys: JourneyService;
  /** The decision letters of ended cases (runtime/letters). */
  letters: LetterService;
  clock: Clock;
  theme: Theme;
  sessions: Sessions;
  uploadDir: string;
  /** How citizens and companies sign in: the providers, the stand-in, the timeouts. */
  auth: AuthSettings;
  /** Mandates and the read log as the pages use them (runtime/auth/mandate-service.ts). */
  mandates: MandateService;
  /** The citizen's channels for notices (runtime/notify/channels.ts). */
  channels: ChannelService;
};

/** What an error page can say: each key is a title and a text in i18n.ts. */
export type PageErrorKey =
  'notMandated' | 'notFound' | 'expiredForm' | 'somethingWrong' | 'badRequest' | 'tooLarge' | 'cannotDecide';

/** A page-level refusal: rendered as a page with this status. */
export class PageError extends Error {
  constructor(
    readonly status: number,
    readonly key: PageErrorKey,
  ) {
    super(key);
  }
}

export function pageContext(req: Request, deps: PagesDeps, personHref = '/medewerker'): PageContext {
  const session = req.session!;
  return {
    lang: session.lang,
    theme: deps.theme,
    signedIn: !!(session.bsn || session.kvk),
    standIn: deps.auth.devSignIn,
    acting: session.acting?.citizen ?? null,
    path: req.originalUrl,
    personHref,
    // Read only by a form: an anonymous visitor gets a token (a cookie) only on a page that has one.
    get csrf() {
      return deps.sessions.token(req);
    },
  };
}

export function send(
  res: Response,
  ctx: PageContext,
  title: string,
  main: Html,
  opts: { status?: number; errors?: boolean; script?: boolean } = {},
) {
  res
    .status(opts.status ?? 200)
    .type('html')
    .set('Cache-Control', 'no-store')
    .send(layout(ctx, title, main, opts));
}

/** A local path to go back to after sign-in (never another site). */
export function safeReturn(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])[^\s]*$/.test(value) ? value : '/mijn-zaken';
}

export const langOf = (req: Request): Lang => req.session?.lang ?? 'nl';
