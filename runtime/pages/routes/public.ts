import { decisionTime, fillingInMinutes, formStepsFrom, stepKind, t, type Process } from '../../model/index.js';
import { html } from '../html.js';
import { msg } from '../i18n.js';
import { csrfField } from '../layout.js';
import { PageError, pageContext, send, type PagesDeps } from '../context.js';
import { providerName, sm } from '../signin-gate.js';
import type { PageRouter } from '../router.js';

/** Services and their start pages (sign-in and sign-out: signin.ts). */
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
    const lang = ctx.lang;
    // One duration, from the questions on the way from the start (README: a description should not name one).
    const minutes = fillingInMinutes(def);
    const decision = decisionTime(def);
    const applicant = def.signIn?.applicant ?? 'person';
    const needs = def.needs?.length
      ? def.needs.map((need) => t(need, lang))
      : [
          msg('needSignIn', lang, { provider: providerName(applicant) }),
          ...formStepsFrom(def, def.start).map((id) => {
            const step = def.steps[id];
            const questions = stepKind(step.kind)
              .fields(step)
              .map((f) => t(f.label, lang))
              .join(', ');
            return msg('needStep', lang, { step: t(step.title, lang), questions });
          }),
        ];
    send(
      res,
      ctx,
      t(def.title, ctx.lang),
      html`<h1 class="utrecht-heading-1">${t(def.title, ctx.lang)}</h1>
${def.description ? html`<p class="utrecht-paragraph omslag-lead">${t(def.description, ctx.lang)}</p>` : ''}
<h2 class="utrecht-heading-2">${msg('whatYouNeed', ctx.lang)}</h2>
<ul class="utrecht-unordered-list">${needs.map((need) => html`<li class="utrecht-unordered-list__item">${need}</li>`)}</ul>
<h2 class="utrecht-heading-2">${msg('howLong', lang)}</h2>
<p class="utrecht-paragraph">${msg('minutes', lang, { n: minutes })}${decision ? html` ${msg(decision.unit === 'workingDays' ? 'answerWithinWorkingDays' : 'answerWithin', lang, { n: decision.n })}` : ''}</p>
<p class="utrecht-paragraph">${
        def.signIn?.level
          ? sm('citizen.startLevel', ctx.lang, {
              provider: providerName(def.signIn.applicant ?? 'person'),
              level: sm('citizen.levelName', ctx.lang, { level: def.signIn.level }),
            })
          : sm('citizen.startProvider', ctx.lang, { provider: providerName(def.signIn?.applicant ?? 'person') })
      }</p>
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
  // Back from signing in after Start (signin-gate.ts, router.ts): the citizen goes on with one press. A GET
  // starts nothing (no state from a link or a reload); the button posts the start with a fresh form token.
  pages.get('/diensten/:key/start', async (req, res) => {
    const def = await published(req.params.key);
    const ctx = pageContext(req, deps, `/diensten/${req.params.key}/medewerker`);
    const title = t(def.title, ctx.lang);
    send(
      res,
      ctx,
      title,
      html`<h1 class="utrecht-heading-1">${title}</h1>
<p class="utrecht-paragraph">${sm('citizen.continueStart', ctx.lang)}</p>
<p class="utrecht-paragraph">${sm('citizen.continueStartOpen', ctx.lang)}</p>
<form method="post" action="/diensten/${req.params.key}/start">${csrfField(ctx)}
<button type="submit" class="utrecht-button utrecht-button--primary-action">${sm('citizen.continueStartButton', ctx.lang)}</button></form>
<p class="utrecht-paragraph"><a class="utrecht-link" href="/diensten/${req.params.key}">${sm('citizen.continueStartBack', ctx.lang)}</a></p>`,
    );
  });
}
