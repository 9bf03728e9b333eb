import type { Request, Response } from 'express';
import { isValidBsn, issueMessage, stepKind, t, taskOf, type Process } from '../../model/index.js';
import { html } from '../html.js';
import { msg } from '../i18n.js';
import { csrfField, errorSummary } from '../layout.js';
import { PageError, pageContext, safeReturn, send, type PagesDeps } from '../context.js';
import type { PageRouter } from '../router.js';
import { afterSignIn } from '../acting.js';
import { Duration } from 'luxon';

/** Services, start pages, sign-in and sign-out. */
export function publicRoutes(pages: PageRouter, deps: PagesDeps) {
  const { journeys } = deps;
  const published = async (key: string): Promise<Process> => {
    const def = await journeys.published(key);
    if (!def) throw new PageError(404, 'notFound');
    return def;
  };

  pages.public.get('/', async (req, res) => {
    const ctx = pageContext(req, deps);
    const list = await journeys.services();
    send(
      res,
      ctx,
      msg('services', ctx.lang),
      html`<h1 class="utrecht-heading-1">${msg('services', ctx.lang)}</h1>
<p class="utrecht-paragraph">${msg('servicesIntro', ctx.lang)}</p>
${
  list.length
    ? html`<ul class="omslag-cards">${list.map(
        ({ key, def }) => html`<li class="omslag-card">
<h2 class="utrecht-heading-3"><a class="utrecht-link" href="/diensten/${key}">${t(def.title, ctx.lang)}</a></h2>
${def.description ? html`<p class="utrecht-paragraph">${t(def.description, ctx.lang)}</p>` : ''}</li>`,
      )}</ul>`
    : html`<p class="utrecht-paragraph">${msg('noServices', ctx.lang)}</p>`
}`,
    );
  });

  pages.public.get('/diensten/:key', async (req, res) => {
    const def = await published(req.params.key);
    const ctx = pageContext(req, deps, `/diensten/${req.params.key}/medewerker`);
    const forms = Object.values(def.steps).filter((s) => stepKind(s.kind).citizenActs);
    const questions = forms.reduce((n, s) => n + stepKind(s.kind).fields(s).length, 0);
    const minutes = Math.max(2, Math.ceil(questions * 0.75));
    const dues = Object.values(def.steps)
      .map(taskOf)
      .flatMap((task) =>
        task?.due
          ? [
              typeof task.due === 'string'
                ? Math.ceil(Duration.fromISO(task.due).as('days'))
                : Math.ceil((task.due.workingDays * 7) / 5),
            ]
          : [],
      );
    send(
      res,
      ctx,
      t(def.title, ctx.lang),
      html`<h1 class="utrecht-heading-1">${t(def.title, ctx.lang)}</h1>
${def.description ? html`<p class="utrecht-paragraph omslag-lead">${t(def.description, ctx.lang)}</p>` : ''}
<h2 class="utrecht-heading-2">${msg('whatYouNeed', ctx.lang)}</h2>
<ul class="utrecht-unordered-list">${forms.map(
        (s) =>
          html`<li class="utrecht-unordered-list__item">${t(s.title, ctx.lang)}: ${stepKind(s.kind)
            .fields(s)
            .map((f) => t(f.label, ctx.lang))
            .join(', ')}</li>`,
      )}</ul>
<h2 class="utrecht-heading-2">${msg('howLong', ctx.lang)}</h2>
<p class="utrecht-paragraph">${msg('minutes', ctx.lang, { n: minutes })}${dues.length ? html` ${msg('answerWithin', ctx.lang, { n: Math.max(...dues) })}` : ''}</p>
<form method="post" action="/diensten/${req.params.key}/start">${csrfField(ctx)}
<button type="submit" class="utrecht-button utrecht-button--primary-action">${msg('start', ctx.lang)}</button></form>`,
    );
  });

  // The router finds the service (404) before it asks to sign in.
  pages.post('/diensten/:key/start', deps.form, async (req, res, { subject, actor }) => {
    // Pressing Start again continues the application not sent yet, instead of a second one (also when pressed twice at once).
    const row = await journeys.startOrContinue(req.params.key, subject, actor);
    res.redirect(303, `/zaken/${row.id}`);
  });
  // After sign-in, a start button's GET lands here: show the start page again.
  pages.public.get('/diensten/:key/start', (req, res) => res.redirect(303, `/diensten/${req.params.key}`));

  const signInPage = (req: Request, res: Response, error?: string, value = '') => {
    const ctx = pageContext(req, deps);
    const back = safeReturn(req.query.terug ?? req.body?.terug);
    send(
      res,
      ctx,
      msg('signInTitle', ctx.lang),
      html`<h1 class="utrecht-heading-1">${msg('signInTitle', ctx.lang)}</h1>
<div class="utrecht-alert utrecht-alert--warning"><p class="utrecht-paragraph">${msg('devSignIn', ctx.lang)}</p></div>
${errorSummary(error ? [{ href: '#f-bsn', text: error }] : [], ctx.lang)}
<form method="post" action="/inloggen" novalidate>${csrfField(ctx)}<input type="hidden" name="terug" value="${back}">
<div class="utrecht-form-field${error ? ' utrecht-form-field--invalid' : ''}"><label class="utrecht-form-label" for="f-bsn">${msg('bsn', ctx.lang)}</label>
<div class="utrecht-form-field-description" id="f-bsn-hint">${msg('bsnHint', ctx.lang)}</div>
${error ? html`<p class="utrecht-form-field-error-message" id="f-bsn-fout"><span class="omslag-visually-hidden">${msg('errorPrefix', ctx.lang)} </span>${error}</p>` : ''}
<input class="utrecht-textbox utrecht-textbox--html-input omslag-width-m" type="text" inputmode="numeric" id="f-bsn" name="bsn" value="${value}" aria-required="true" aria-describedby="f-bsn-hint${error ? ' f-bsn-fout' : ''}"${error ? html` aria-invalid="true"` : ''} autocomplete="off"></div>
<button type="submit" class="utrecht-button utrecht-button--primary-action">${msg('signIn', ctx.lang)}</button></form>`,
      { status: error ? 422 : 200, errors: !!error },
    );
  };

  pages.public.get('/inloggen', (req, res) => signInPage(req, res));
  pages.public.post('/inloggen', deps.form, async (req, res) => {
    const bsn = String(req.body?.bsn ?? '').replace(/[\s.]/g, '');
    if (!isValidBsn(bsn))
      return signInPage(
        req,
        res,
        issueMessage({ code: 'invalid-bsn' }, req.session!.lang),
        String(req.body?.bsn ?? ''),
      );
    await deps.sessions.signIn(req, res, bsn);
    // Someone mandated this person: "Namens wie wilt u dit regelen?" first (routes/acting.ts).
    res.redirect(303, await afterSignIn(deps.store, req, safeReturn(req.body?.terug), deps.clock.now().toISOString()));
  });
  pages.public.post('/uitloggen', deps.form, async (req, res) => {
    await deps.sessions.signOut(req, res);
    const ctx = pageContext(req, deps);
    send(
      res,
      ctx,
      msg('signOut', ctx.lang),
      html`<h1 class="utrecht-heading-1">${msg('signOut', ctx.lang)}</h1><p class="utrecht-paragraph">${msg('signedOut', ctx.lang)}</p>`,
    );
  });
}
