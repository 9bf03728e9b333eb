import type { Request, Response } from 'express';
import {
  rememberPersonClaims,
  acrFor,
  cookieOptions,
  isLevel,
  oidcClient,
  readCookie,
  type Level,
  type OidcClient,
  type SignedInAtProvider,
} from '../../auth/index.js';
import { bsnProblem, isValidBsn, issueMessage } from '../../model/index.js';
import { PageError, pageContext, safeReturn, send, type PagesDeps } from '../context.js';
import { html, type Html } from '../html.js';
import { msg } from '../i18n.js';
import { csrfField, errorSummary } from '../layout.js';
import type { PageRouter } from '../router.js';
import { afterSignIn } from '../acting.js';
import { providerName, signInHref, sm, type Applicant } from '../signin-gate.js';

/** The cookie that binds a sign-in under way to this browser: its flow's random id, only sent to /inloggen. */
export const FLOW_COOKIE = 'omslag_inloggen';
const FLOW_PATH = '/inloggen';
/** How long a sign-in at the provider may take (DigiD's own session lasts 15 minutes). */
const FLOW_TTL_MS = 15 * 60_000;
const KVK = /^\d{8}$/;

type Kind = 'digid' | 'eherkenning';

/**
 * Sign-in and sign-out of citizens (DigiD) and companies (eHerkenning) at an
 * OpenID Connect provider, and the development stand-in when it is on:
 *
 * - `GET /inloggen`: the choice; `GET /inloggen/digid|eherkenning?terug=&niveau=`
 *   stores a flow (state, nonce, PKCE verifier, where to return, the level
 *   asked) and sends the browser to the provider;
 * - `GET /inloggen/terug`: the provider's answer; the flow is taken (once)
 *   by its cookie, the code exchanged and the ID token checked, then a new
 *   session (a new id: no fixation);
 * - `POST /uitloggen` ends the session here and, for a provider's, there too
 *   (RP-initiated logout), back at `GET /uitgelogd`.
 *
 * Every failure is a page that says what happened, never a stack.
 */
export function signinRoutes(pages: PageRouter, deps: PagesDeps) {
  const { auth } = deps;
  const allowHttp = !auth.production;
  // One client per provider per app: discovery is done once and kept.
  // Without PUBLIC_URL there is no address to come back to (readAuthSettings asks for it with a provider).
  const clients: Partial<Record<Kind, OidcClient>> = auth.publicUrl
    ? {
        ...(auth.citizen && { digid: oidcClient(auth.citizen, { allowHttp }) }),
        ...(auth.company && { eherkenning: oidcClient(auth.company, { allowHttp }) }),
      }
    : {};
  // PagesDeps carries the pages' options too (index.ts spreads them in).
  const log = (deps as { log?: (e: unknown) => void }).log ?? (() => {});
  const secure = !!auth.publicUrl?.startsWith('https:');
  const callbackUri = () => `${auth.publicUrl}/inloggen/terug`;

  /** A page that says what went wrong with signing in, and the way to try again. */
  function problem(req: Request, res: Response, status: number, title: string, text: string, again = '/inloggen') {
    const ctx = pageContext(req, deps);
    send(
      res,
      ctx,
      title,
      html`<h1 class="utrecht-heading-1">${title}</h1>
<p class="utrecht-paragraph">${text}</p>
<p class="utrecht-paragraph"><a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" href="${again}">${sm('citizen.tryAgain', ctx.lang)}</a></p>
<p class="utrecht-paragraph"><a class="utrecht-link" href="/">${sm('citizen.toServices', ctx.lang)}</a></p>`,
      { status },
    );
  }

  const levelChoice = (lang: 'nl' | 'en', chosen: Level) =>
    html`<div class="utrecht-form-field"><label class="utrecht-form-label" for="f-niveau">${sm('citizen.level', lang)}</label>
<div class="utrecht-form-field-description" id="f-niveau-hint">${sm('citizen.levelHint', lang)}</div>
<select class="utrecht-select utrecht-select--html-select omslag-width-m" id="f-niveau" name="niveau" aria-describedby="f-niveau-hint">${(['basis', 'midden', 'substantieel', 'hoog'] as const).map((l) => html`<option value="${l}"${l === chosen ? ' selected' : ''}>${sm('citizen.levelName', lang, { level: l })}</option>`)}</select></div>`;

  /** The stand-in's form: a BSN (or, for a company, a KVK number) and a level, posted to /inloggen. */
  function standInForm(req: Request, ctx: ReturnType<typeof pageContext>, back: string, error?: string, value = '') {
    const lang = ctx.lang;
    const company = (req.query.soort ?? req.body?.soort) === 'bedrijf';
    const asked = req.query.niveau ?? req.body?.niveau;
    const level: Level = isLevel(asked) ? asked : 'midden';
    const id = company ? 'f-kvk' : 'f-bsn';
    const other = new URLSearchParams({ terug: back, niveau: level, ...(company ? {} : { soort: 'bedrijf' }) });
    return html`<h2 class="utrecht-heading-2">${sm('citizen.standInTitle', lang)}</h2>
<p class="utrecht-paragraph">${sm(company ? 'citizen.standInCompanyIntro' : 'citizen.standInIntro', lang)}</p>
${errorSummary(error ? [{ href: `#${id}`, text: error }] : [], lang)}
<form method="post" action="/inloggen" novalidate>${csrfField(ctx)}<input type="hidden" name="terug" value="${back}">${company ? html`<input type="hidden" name="soort" value="bedrijf">` : ''}
<div class="utrecht-form-field${error ? ' utrecht-form-field--invalid' : ''}"><label class="utrecht-form-label" for="${id}">${company ? sm('citizen.kvk', lang) : msg('bsn', lang)}</label>
<div class="utrecht-form-field-description" id="${id}-hint">${company ? sm('citizen.kvkHint', lang) : msg('bsnHint', lang)}</div>
${error ? html`<p class="utrecht-form-field-error-message" id="${id}-fout"><span class="omslag-visually-hidden">${msg('errorPrefix', lang)} </span>${error}</p>` : ''}
<input class="utrecht-textbox utrecht-textbox--html-input omslag-width-m" type="text" inputmode="numeric" id="${id}" name="${company ? 'kvk' : 'bsn'}" value="${value}" aria-required="true" aria-describedby="${id}-hint${error ? ` ${id}-fout` : ''}"${error ? html` aria-invalid="true"` : ''} autocomplete="off"></div>
${levelChoice(lang, level)}
<button type="submit" class="utrecht-button utrecht-button--primary-action">${msg('signIn', lang)}</button></form>
<p class="utrecht-paragraph"><a class="utrecht-link" href="/inloggen?${other.toString()}">${sm(company ? 'citizen.asPerson' : 'citizen.asCompany', lang)}</a></p>`;
  }

  function signInPage(req: Request, res: Response, error?: string, value = '') {
    const ctx = pageContext(req, deps);
    const lang = ctx.lang;
    const back = safeReturn(req.query.terug ?? req.body?.terug);
    const asked = req.query.niveau;
    const idle = req.query.verlopen === '1';
    // After an idle timeout the provider is asked to sign the person in again, not to reuse its own session.
    const query = (kind: Kind) =>
      `/inloggen/${kind}?${new URLSearchParams({ terug: back, ...(isLevel(asked) ? { niveau: asked } : {}), ...(idle ? { opnieuw: '1' } : {}) })}`;
    const kept = /[?&]bewaard=1(&|$)/.test(back);
    const choice = (kind: Kind, label: Html | string, hint: string) =>
      html`<li class="omslag-card"><p class="utrecht-paragraph"><a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" href="${query(kind)}">${label}</a></p>
<p class="utrecht-paragraph">${hint}</p></li>`;
    send(
      res,
      ctx,
      sm('title', lang),
      html`<h1 class="utrecht-heading-1">${sm('title', lang)}</h1>
${idle || kept ? html`<div class="utrecht-alert utrecht-alert--info" role="status">${idle ? html`<p class="utrecht-paragraph">${sm('citizen.idle', lang)}</p>` : ''}${kept ? html`<p class="utrecht-paragraph">${sm('citizen.kept', lang)}</p>` : ''}</div>` : ''}
<p class="utrecht-paragraph">${sm('citizen.intro', lang)}</p>
${
  clients.digid || clients.eherkenning
    ? html`<ul class="omslag-cards">${clients.digid ? choice('digid', sm('citizen.withDigid', lang), sm('citizen.digidHint', lang)) : ''}${clients.eherkenning ? choice('eherkenning', sm('citizen.withEherkenning', lang), sm('citizen.eherkenningHint', lang)) : ''}</ul>`
    : ''
}
${auth.devSignIn ? standInForm(req, ctx, back, error, value) : ''}`,
      { status: error ? 422 : 200, errors: !!error },
    );
  }

  pages.public.get('/inloggen', (req, res) => signInPage(req, res));

  // The stand-in: only when it is on (DEV_SIGN_IN); otherwise posting a BSN is not an address of ours.
  pages.public.post('/inloggen', deps.form, async (req, res) => {
    if (!auth.devSignIn) throw new PageError(404, 'notFound');
    const lang = req.session!.lang;
    const level = isLevel(req.body?.niveau) ? req.body.niveau : 'midden';
    if (req.body?.soort === 'bedrijf') {
      const kvk = String(req.body?.kvk ?? '').replace(/[\s.]/g, '');
      if (!KVK.test(kvk)) return signInPage(req, res, sm('citizen.kvkInvalid', lang), String(req.body?.kvk ?? ''));
      await deps.sessions.signIn(req, res, null, { kvk, level, provider: 'dev' });
    } else {
      const bsn = String(req.body?.bsn ?? '').replace(/[\s.]/g, '');
      const problem = bsnProblem(bsn);
      if (problem) return signInPage(req, res, issueMessage({ code: problem }, lang), String(req.body?.bsn ?? ''));
      await deps.sessions.signIn(req, res, bsn, { level, provider: 'dev' });
    }
    // Someone mandated this holder: "Namens wie wilt u dit regelen?" first (routes/acting.ts).
    res.redirect(303, await afterSignIn(deps.store, req, safeReturn(req.body?.terug), deps.clock.now().toISOString()));
  });

  for (const kind of ['digid', 'eherkenning'] as const) {
    pages.public.get(`/inloggen/${kind}`, async (req, res) => {
      const client = clients[kind];
      if (!client) throw new PageError(404, 'notFound');
      const lang = req.session!.lang;
      const returnTo = safeReturn(req.query.terug);
      const level = isLevel(req.query.niveau) ? req.query.niveau : null;
      const prefer = kind === 'eherkenning' ? 'company' : 'person';
      let begun: Awaited<ReturnType<OidcClient['begin']>>;
      try {
        // Always asked: some providers (oidc-provider among them) send `acr` back only when asked for it.
        const acr = acrFor(level ?? 'basis', auth.acrLevels, prefer);
        // A level asked (a service needs more than this sign-in had), or after an idle timeout: the provider must ask again.
        begun = await client.begin(callbackUri(), {
          ...(acr.length ? { acr_values: acr.join(' ') } : {}),
          ...(level || req.query.opnieuw === '1' ? { prompt: 'login' } : {}),
        });
      } catch (error) {
        log(error);
        const name = providerName(prefer);
        return problem(
          req,
          res,
          503,
          sm('citizen.unreachableTitle', lang, { provider: name }),
          sm('citizen.unreachable', lang, { provider: name }),
          req.originalUrl,
        );
      }
      const id = await deps.sessions.beginFlow({ kind, ...begun.pending, returnTo, level }, FLOW_TTL_MS);
      res.cookie(FLOW_COOKIE, id, { ...cookieOptions('lax', secure, FLOW_TTL_MS), path: FLOW_PATH });
      res.redirect(303, begun.url.toString());
    });
  }

  // The provider's answer. The flow is taken by the cookie (and gone: a callback cannot be replayed).
  pages.public.get('/inloggen/terug', async (req, res) => {
    const lang = req.session!.lang;
    const id = readCookie(req, FLOW_COOKIE);
    res.clearCookie(FLOW_COOKIE, { path: FLOW_PATH });
    const flow = id ? await deps.sessions.takeFlow(id) : undefined;
    const client = flow && (flow.kind === 'digid' || flow.kind === 'eherkenning') ? clients[flow.kind] : undefined;
    if (!flow || !client) return problem(req, res, 400, sm('citizen.failedTitle', lang), sm('citizen.expired', lang));
    const applicant: Applicant = flow.kind === 'eherkenning' ? 'company' : 'person';
    const again = signInHref(deps, applicant, flow.returnTo, isLevel(flow.level) ? flow.level : null);
    if (req.query.error === 'access_denied')
      return problem(req, res, 401, sm('citizen.cancelledTitle', lang), sm('citizen.cancelled', lang), again);
    if (req.query.error)
      return problem(req, res, 401, sm('citizen.failedTitle', lang), sm('citizen.failed', lang), again);

    let done: SignedInAtProvider;
    try {
      const search = new URL(req.originalUrl, 'http://x').search;
      done = await client.finish(new URL(`${callbackUri()}${search}`), flow);
    } catch (error) {
      if (unreachable(error)) {
        log(error);
        const name = providerName(applicant);
        return problem(
          req,
          res,
          503,
          sm('citizen.unreachableTitle', lang, { provider: name }),
          sm('citizen.unreachable', lang, { provider: name }),
          again,
        );
      }
      // A wrong state or nonce, a code used before, a token that does not check out: not signed in.
      return problem(req, res, 401, sm('citizen.failedTitle', lang), sm('citizen.failed', lang), again);
    }
    const { claims, idToken } = done;
    const level = auth.acrLevels[String(claims.acr ?? '')] ?? null;
    if (applicant === 'company') {
      const company = auth.company!;
      const kvk = String(claims[company.kvkClaim] ?? '').replace(/\s/g, '');
      if (!KVK.test(kvk))
        return problem(req, res, 401, sm('citizen.failedTitle', lang), sm('citizen.noKvk', lang), again);
      const staff = claims[company.staffClaim];
      await deps.sessions.signIn(req, res, null, {
        kvk,
        level,
        provider: 'eherkenning',
        idToken,
        staffId: typeof staff === 'string' || typeof staff === 'number' ? String(staff) : null,
      });
    } else {
      const citizen = auth.citizen!;
      const bsn = String(claims[citizen.bsnClaim] ?? '').replace(/\s/g, '');
      if (!isValidBsn(bsn))
        return problem(req, res, 401, sm('citizen.failedTitle', lang), sm('citizen.noBsn', lang), again);
      await deps.sessions.signIn(req, res, bsn, { level, provider: 'digid', idToken });
      // The name and address the provider gave, for the officials of this citizen's cases (replaced at each sign-in).
      await rememberPersonClaims(deps.store, bsn, claims, 'digid', deps.clock.now().toISOString());
      const represents = representation(claims[citizen.representsClaim]);
      if (represents && represents.bsn !== bsn)
        await deps.sessions.actFor(req, {
          citizen: represents.bsn,
          processKey: represents.service,
          holderName: typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim() : 'Gemachtigde',
        });
    }
    // Acting already (the provider's representation claim), or the choice "Namens wie …" when someone mandated this holder.
    const next = req.session?.acting
      ? flow.returnTo
      : await afterSignIn(deps.store, req, flow.returnTo, deps.clock.now().toISOString());
    res.redirect(303, next);
  });

  // Signs out here, and at the provider when the session came from one (RP-initiated logout).
  pages.public.post('/uitloggen', deps.form, async (req, res) => {
    const ended = { ...req.session! };
    await deps.sessions.signOut(req, res);
    const client = ended.provider === 'digid' || ended.provider === 'eherkenning' ? clients[ended.provider] : undefined;
    if (client && ended.idToken) {
      try {
        const to = await client.logoutUrl(ended.idToken, `${auth.publicUrl}/uitgelogd`);
        if (to) return res.redirect(303, to.toString());
      } catch (error) {
        // The provider cannot be reached: signed out here; the page says so plainly.
        log(error);
      }
    }
    signedOutPage(req, res, false);
  });
  pages.public.get('/uitgelogd', (req, res) => signedOutPage(req, res, !!(clients.digid || clients.eherkenning)));

  function signedOutPage(req: Request, res: Response, atProvider: boolean) {
    const ctx = pageContext(req, deps);
    const lang = ctx.lang;
    const name =
      clients.digid && clients.eherkenning
        ? lang === 'en'
          ? 'DigiD or eHerkenning'
          : 'DigiD of eHerkenning'
        : providerName(clients.digid ? 'person' : 'company');
    send(
      res,
      ctx,
      sm('citizen.signedOutTitle', lang),
      html`<h1 class="utrecht-heading-1">${sm('citizen.signedOutTitle', lang)}</h1>
<p class="utrecht-paragraph">${atProvider ? sm('citizen.signedOutBoth', lang, { provider: name }) : sm('citizen.signedOut', lang)}</p>
<p class="utrecht-paragraph">${sm('citizen.closeBrowser', lang)}</p>
<p class="utrecht-paragraph"><a class="utrecht-link" href="/">${sm('citizen.toServices', lang)}</a></p>`,
    );
  }
}

/**
 * The representation claim of DigiD Machtigen as a broker sends it: a BSN
 * (string or number), or an object `{ bsn, name?, service? }` (`name`: the
 * represented citizen's name, not kept; `service`: the one process key the
 * mandate is for, else it is for all).
 * Anything else, or a BSN failing the elfproef, is ignored.
 */
export function representation(
  value: unknown,
): { bsn: string; name: string | null; service: string | null } | undefined {
  if (typeof value === 'string' || typeof value === 'number') {
    const bsn = String(value).replace(/\s/g, '');
    return isValidBsn(bsn) ? { bsn, name: null, service: null } : undefined;
  }
  if (!value || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  const bsn = String(v.bsn ?? '').replace(/\s/g, '');
  if (!isValidBsn(bsn)) return undefined;
  return {
    bsn,
    name: typeof v.name === 'string' && v.name.trim() ? v.name.trim().slice(0, 200) : null,
    service: typeof v.service === 'string' && /^[a-z0-9-]{1,64}$/.test(v.service) ? v.service : null,
  };
}

/** Whether a sign-in failed because the provider could not be reached (not because of what it answered). */
function unreachable(error: unknown): boolean {
  for (let e = error as { name?: string; code?: string; cause?: unknown } | undefined, i = 0; e && i < 5; i++) {
    if (e.name === 'TypeError' && /fetch failed/i.test(String((e as Error).message))) return true;
    if (typeof e.code === 'string' && /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|UND_ERR_)/.test(e.code))
      return true;
    if (e.name === 'AbortError' || e.name === 'TimeoutError') return true;
    e = e.cause as typeof e;
  }
  return false;
}
