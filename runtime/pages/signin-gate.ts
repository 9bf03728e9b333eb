import type { Request, Response } from 'express';
import { levelSuffices, isLevel, type Level } from '../auth/index.js';
import { signinCatalogues, translate, type MessageKey, type Params } from '../i18n/index.js';
import type { Lang, Process } from '../model/index.js';
import type { CaseRow } from '../store/index.js';
import { pageContext, send, type PagesDeps } from './context.js';
import { html } from './html.js';
import { keepAnswers } from './idle-rescue.js';

/** Who a process is for: a person (DigiD, the default) or a company (eHerkenning). */
export type Applicant = 'person' | 'company';

/** A sign-in text (runtime/i18n/catalogues/signin). */
export const sm = (key: MessageKey<(typeof signinCatalogues)['nl']>, lang: Lang, params?: Params) =>
  translate(signinCatalogues, lang, key, params);

export const providerName = (applicant: Applicant) => (applicant === 'company' ? 'eHerkenning' : 'DigiD');

/** Where to sign in for `applicant` at `level` and come back to `back`: the provider, else the stand-in's form. */
export function signInHref(deps: PagesDeps, applicant: Applicant, back: string, level: Level | null): string {
  const q = new URLSearchParams({ terug: back, ...(level ? { niveau: level } : {}) });
  const provider = applicant === 'company' ? deps.auth.company : deps.auth.citizen;
  if (provider) return `/inloggen/${applicant === 'company' ? 'eherkenning' : 'digid'}?${q}`;
  if (applicant === 'company') q.set('soort', 'bedrijf');
  return `/inloggen?${q}`;
}

/**
 * What the page router asks about sign-in (router.ts): whether this session
 * may use a process (the right kind of sign-in, a high enough level), and
 * what to keep of a form posted on a session that went idle.
 */
export function signInGate(deps: PagesDeps) {
  return {
    /**
     * Whether the signed-in visitor may use `def`: a company process needs an
     * eHerkenning session, a person's a DigiD one, and the level must be at
     * least the process's `signIn.level`. When not, answers with a page that
     * says so (403) and the way to sign in as asked, and returns false.
     */
    admits(req: Request, res: Response, def: Process): boolean {
      const session = req.session!;
      const applicant: Applicant = def.signIn?.applicant ?? 'person';
      const needed = def.signIn?.level ?? null;
      const right = applicant === 'company' ? !!session.kvk : !!session.bsn;
      const level = isLevel(session.level) ? session.level : null;
      if (right && levelSuffices(level, needed)) return true;
      const ctx = pageContext(req, deps);
      const lang = ctx.lang;
      // Back to the page asked for. A refused Start comes back to GET …/start: one press goes on (routes/public.ts).
      const back = req.originalUrl;
      const name = providerName(applicant);
      const levelName = (l: Level | null) => sm('citizen.levelName', lang, { level: l ?? 'none' });
      const title = right
        ? sm('citizen.levelTitle', lang)
        : sm(applicant === 'company' ? 'citizen.companyTitle' : 'citizen.personTitle', lang);
      const button = needed
        ? sm('citizen.levelAgain', lang, { provider: name, level: levelName(needed) })
        : sm(applicant === 'company' ? 'citizen.withEherkenning' : 'citizen.withDigid', lang);
      send(
        res,
        ctx,
        title,
        html`<h1 class="utrecht-heading-1">${title}</h1>
${
  right
    ? html`<p class="utrecht-paragraph">${sm('citizen.levelNeeded', lang, { provider: name, level: levelName(needed) })}</p>
<p class="utrecht-paragraph">${sm('citizen.levelHad', lang, { provider: providerName(session.kvk ? 'company' : 'person'), level: levelName(level) })}</p>
<p class="utrecht-paragraph">${sm('citizen.levelWhy', lang)}</p>`
    : html`<p class="utrecht-paragraph">${sm(applicant === 'company' ? 'citizen.company' : 'citizen.person', lang)}</p>
${needed ? html`<p class="utrecht-paragraph">${sm('citizen.levelNeeded', lang, { provider: name, level: levelName(needed) })}</p>` : ''}`
}
<p class="utrecht-paragraph"><a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" href="${signInHref(deps, applicant, back, needed)}">${button}</a></p>
<p class="utrecht-paragraph"><a class="utrecht-link" href="/">${sm('citizen.toServices', lang)}</a></p>`,
        { status: 403 },
      );
      return false;
    },
    /** A form posted (with its token) on an idle session of the case's own holder: its answers kept as a draft. */
    rescue: (req: Request, row: CaseRow): Promise<boolean> => keepAnswers(deps, req, row),
    /** Ends an idle session (the row goes; the visitor goes on anonymously). */
    end: async (req: Request, res: Response): Promise<void> => {
      await deps.sessions.signOut(req, res);
    },
  };
}
export type SignInGate = ReturnType<typeof signInGate>;
