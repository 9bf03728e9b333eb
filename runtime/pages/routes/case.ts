import type { Request, Response } from 'express';
import { EngineError, looksLikeEmail, looksLikePhone, objectionDeadline, type CaseView } from '../../engine/index.js';
import { isFinal, issueMessage, mayObjectTo, outcomeOf, own, t, type Lang, type Process } from '../../model/index.js';
import {
  counterfactualCatalogues,
  formatDate,
  lettersCatalogues,
  readsCatalogues,
  translate,
} from '../../i18n/index.js';
import type { CaseRow } from '../../store/index.js';
import { PageError, pageContext, send, type PagesDeps } from '../context.js';
import { html } from '../html.js';
import { longDate, msg } from '../i18n.js';
import { csrfField, errorSummary, errorsInPageOrder, feedbackForm } from '../layout.js';
import type { PageRouter } from '../router.js';
import { mayDo, maskBsn } from '../../auth/index.js';
import { actingScope, holdsMandates, mandateText, onBehalfTexts } from '../acting.js';

const when = (iso: string, lang: Lang) =>
  formatDate(iso, lang, { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/**
 * The automated decisions' reasons, each with what would have changed its
 * outcome when the engine recorded that (or that it cannot be calculated).
 */
function explanationList(view: CaseView, lang: Lang) {
  return html`<ul class="utrecht-unordered-list">${view.explanations.map(
    (e) =>
      html`<li class="utrecht-unordered-list__item"><span class="omslag-because">${e.because}</span>${
        e.counterfactual
          ? html`<p class="utrecht-paragraph omslag-counterfactual"><strong>${translate(counterfactualCatalogues, lang, 'heading')}</strong> ${e.counterfactual.text}</p>`
          : ''
      }</li>`,
  )}</ul>`;
}

/** My cases, the status page, asking for a person, and group events (withdraw). */
export function caseRoutes(pages: PageRouter, deps: PagesDeps) {
  const { journeys } = deps;

  pages.get('/mijn-zaken', async (req, res, access) => {
    const { subject } = access;
    const ctx = pageContext(req, deps);
    const lang = ctx.lang;
    const asked = Number(req.query.pagina ?? 1);
    const at = deps.clock.now().toISOString();
    // While acting for a citizen: only the cases of the processes the mandates cover.
    const scope = await actingScope(deps.store, access, at);
    const offerActing = !ctx.acting && (await holdsMandates(deps.store, req, at));
    const first = await journeys.casesOf(subject, CASES_PER_PAGE, 0, scope);
    const pages = Math.max(1, Math.ceil(first.total / CASES_PER_PAGE));
    // A page number that is not one (or past the end) shows the nearest page, never an error.
    const page = Number.isInteger(asked) ? Math.min(Math.max(asked, 1), pages) : 1;
    const { rows, total } =
      page === 1 ? first : await journeys.casesOf(subject, CASES_PER_PAGE, (page - 1) * CASES_PER_PAGE, scope);
    // What each card shows, read before the page is drawn (one case after another: a page has at most 20).
    const cards: { row: CaseRow; def: Process; pending: boolean; offer: boolean }[] = [];
    for (const r of rows) {
      const def = await journeys.process(r);
      const pending = r.status === 'active' && ((await journeys.hasDraft(r)) || (await journeys.citizenActsNow(r)));
      cards.push({ row: r, def, pending, offer: pending && (await journeys.offer(r)) === 'open' });
    }
    const title =
      pages > 1 ? `${msg('myCases', lang)} – ${msg('pageOf', lang, { n: page, total: pages })}` : msg('myCases', lang);
    send(
      res,
      ctx,
      title,
      html`<h1 class="utrecht-heading-1">${msg('myCases', lang)}</h1>
${offerActing ? html`<div class="utrecht-alert utrecht-alert--info"><p class="utrecht-paragraph">${mandateText('actForOthers', lang)} <a class="utrecht-link" href="/namens">${mandateText('actForOthersLink', lang)}</a></p></div>` : ''}
${pages > 1 ? html`<p class="utrecht-paragraph">${msg('pageOf', lang, { n: page, total: pages })} · ${msg('caseCount', lang, { n: total })}</p>` : ''}
${
  cards.length
    ? html`<ul class="omslag-cards">${cards.map(({ row: r, def, pending, offer }) => {
        // An offer not answered yet reads as an offer, not as an application in progress.
        const state = offer
          ? msg('offerWaiting', lang)
          : msg(r.status === 'ended' ? 'statusEnded' : 'statusActive', lang);
        return html`<li class="omslag-card"><h2 class="utrecht-heading-3">${offer ? msg('offerTitle', lang, { service: t(def.title, lang) }) : t(def.title, lang)}</h2>
<p class="utrecht-paragraph">${msg('feedbackCase', lang)} ${r.reference} · ${state}</p>
<p class="utrecht-paragraph">${pending ? html`<a class="utrecht-link" href="/zaken/${r.id}">${msg(offer ? 'offerView' : 'continue', lang)}<span class="omslag-visually-hidden"> (${r.reference})</span></a> · ` : ''}<a class="utrecht-link" href="/zaken/${r.id}/status">${msg('statusTitle', lang)}<span class="omslag-visually-hidden"> (${r.reference})</span></a></p></li>`;
      })}</ul>${pagination(page, pages, lang)}`
    : html`<p class="utrecht-paragraph">${msg('noCases', lang)}</p>`
}`,
    );
  });

  pages.get('/zaken/:id/status', async (req, res, access) => {
    const { subject, row, principal } = access;
    const ctx = pageContext(req, deps, `/zaken/${row.id}/medewerker`);
    const lang = ctx.lang;
    const view = await journeys.view(row, lang);
    // What an intermediary did, and for an intermediary whether the mandate lets them read the messages.
    const onBehalf = await onBehalfTexts(deps.store, view.timeline, access, lang);
    const done = view.timeline.filter((i) => i.by);
    const at = deps.clock.now().toISOString();
    const seesMessages = await mayDo(deps.store, access.principal, row, 'messages', at);
    // Links an intermediary's mandate would refuse are not offered (the pages refuse them all the same).
    const mayFill = await mayDo(deps.store, access.principal, row, 'fill', at);
    const maySubmit = await mayDo(deps.store, access.principal, row, 'submit', at);
    const flash = req.session!.flash;
    if (flash) await deps.sessions.flash(req, null);
    const contact = view.tasks.find((x) => x.kind === 'contact' && (x.status === 'open' || x.status === 'claimed'));
    const hasDraft = await journeys.hasDraft(row);
    const atForm = !!view.step && (await journeys.citizenActsNow(row));
    // A case that started proactively (a signal or a register scan): the citizen can opt out of further offers.
    const proactive = await journeys.isProactive(row);
    const openOffer = (await journeys.offer(row)) === 'open';
    const optedOut = proactive && (await journeys.isOptedOut(subject, row.processKey));
    // A decision (a grant, a refusal) can be objected to until six weeks after it (Awb): by when, and the way to.
    const def = await journeys.process(row);
    // How easy it was: not asked of someone who withdrew (they did not go through with it).
    const askFeedback =
      row.status === 'ended' &&
      outcomeOf(own(def.steps, row.step))?.outcome !== 'withdrawn' &&
      !(await journeys.hasFeedback(row));
    const objectBy =
      row.status === 'ended' && mayObjectTo(own(def.steps, row.step))
        ? objectionDeadline(new Date(row.endedAt ?? row.updatedAt))
        : null;
    // While a request for contact is open another cannot be made: the objection is then told to that official.
    const mayAsk = view.actions.some((a) => a.type === 'person.requested');
    send(
      res,
      ctx,
      msg('statusTitle', lang),
      html`<h1 class="utrecht-heading-1">${view.process.title}</h1>
<p class="utrecht-paragraph">${msg('reference', lang)}: <strong class="omslag-reference">${row.reference}</strong></p>
${flash ? html`<div class="utrecht-alert utrecht-alert--ok" role="status"><p class="utrecht-paragraph">${flash}</p></div>` : ''}
${
  view.outcome
    ? html`<h2 class="utrecht-heading-2">${msg('outcome', lang)}: ${view.outcome.title}</h2>${seesMessages ? html`<p class="utrecht-paragraph">${view.outcome.message}</p>` : ''}
${seesMessages && deps.letters.hasLetter(row) ? html`<p class="utrecht-paragraph"><a class="utrecht-link omslag-letter" href="/zaken/${row.id}/brief" download>${translate(lettersCatalogues, lang, 'download')}</a></p>` : ''}`
    : html`<h2 class="utrecht-heading-2">${msg('currentStep', lang)}: ${view.step?.title ?? ''}</h2>
${view.step?.text ? html`<p class="utrecht-paragraph">${view.step.text}</p>` : ''}
${view.expectedBy ? html`<p class="utrecht-paragraph">${msg(view.waiting?.late ? 'expectedLate' : 'expected', lang, { date: longDate(view.expectedBy, lang) })}</p>` : ''}
${view.waiting?.extensionReason ? html`<p class="utrecht-paragraph">${msg('extensionReason', lang, { reason: view.waiting.extensionReason })}</p>` : ''}
${(atForm || hasDraft) && mayFill ? html`<p class="utrecht-paragraph"><a class="utrecht-link" href="/zaken/${row.id}">${msg(openOffer ? 'offerView' : 'continue', lang)}</a></p>` : ''}`
}
${contact?.dueAt ? html`<div class="utrecht-alert utrecht-alert--info"><p class="utrecht-paragraph">${msg('personOpen', lang, { date: longDate(contact.dueAt, lang) })}</p></div>` : ''}
${
  view.decision?.by === 'official'
    ? html`<h2 class="utrecht-heading-2">${msg('decisions', lang)}</h2>
${
  view.decision.because
    ? html`<p class="utrecht-paragraph omslag-official-by">${msg('officialDecided', lang)}</p>
<p class="utrecht-paragraph omslag-official-reason">${view.decision.because}</p>`
    : html`<p class="utrecht-paragraph omslag-official-by">${msg('officialDecidedNoReason', lang)}</p>`
}
${
  view.explanations.length
    ? html`<h3 class="utrecht-heading-3">${msg('automatedCheck', lang)}</h3>
${explanationList(view, lang)}`
    : ''
}`
    : view.explanations.length
      ? html`<h2 class="utrecht-heading-2">${msg('decisions', lang)}</h2>
${explanationList(view, lang)}`
      : ''
}
${objectBy ? objectionSection(row, objectBy, deps.clock.now() <= objectBy, maySubmit && (contact ? 'open' : mayAsk), lang) : ''}
${maySubmit ? groupActions(view, row) : ''}
${askFeedback ? feedbackForm(ctx, row.id) : ''}
${
  proactive && maySubmit
    ? html`<form method="post" action="/zaken/${row.id}/afmelden" class="omslag-inline-form">${csrfField(ctx)}
<p class="utrecht-paragraph">${
        optedOut
          ? msg('noMoreOffers', lang)
          : html`<button type="submit" class="omslag-link-button">${msg('optOut', lang)}</button>`
      }</p></form>`
    : ''
}
${
  done.length
    ? html`<h2 class="utrecht-heading-2">${ctx.acting ? mandateText('doneForCitizen', lang, { bsn: maskBsn(subject) }) : mandateText('doneForYou', lang)}</h2>
<ul class="utrecht-unordered-list omslag-on-behalf">${done.map((i) => html`<li class="utrecht-unordered-list__item">${when(i.at, lang)}: ${i.text} (${onBehalf.get(i.by!)})</li>`)}</ul>`
    : ''
}
<h2 class="utrecht-heading-2">${msg('timeline', lang)}</h2>
<ol class="omslag-timeline">${view.timeline.map((i) => html`<li class="omslag-timeline__item"><span class="omslag-timeline__when">${when(i.at, lang)}</span> ${i.text}${i.by ? html` <span class="omslag-on-behalf">(${onBehalf.get(i.by)})</span>` : ''}</li>`)}</ol>
${principal.kind === 'citizen' && !principal.via ? html`<p class="utrecht-paragraph"><a class="utrecht-link" href="/zaken/${row.id}/inzage">${translate(readsCatalogues, lang, 'link')}</a></p>` : ''}
${!seesMessages && view.messages.length ? html`<p class="utrecht-paragraph">${mandateText('noMessagesRight', lang)}</p>` : ''}
${
  seesMessages && view.messages.length
    ? html`<h2 class="utrecht-heading-2">${msg('messagesTitle', lang)}</h2>
${view.messages.map((m) => html`<section class="omslag-message" aria-label="${m.subject}"><h3 class="utrecht-heading-3">${m.subject}</h3><p class="utrecht-paragraph omslag-when">${when(m.at, lang)}</p><p class="utrecht-paragraph">${m.body}</p></section>`)}`
    : ''
}`,
    );
  });

  // The decision letter (a PDF): once the case has ended; one not yet made is made now (runtime/letters).
  pages.get('/zaken/:id/brief', async (_req, res, { row }) => {
    const letter = await deps.letters.forCase(row);
    if (!letter) throw new PageError(404, 'notFound');
    res
      .status(200)
      .type('application/pdf')
      .set('Content-Disposition', `attachment; filename="${letter.filename}"`)
      .set('Cache-Control', 'no-store')
      .set('X-Content-Type-Options', 'nosniff')
      .send(letter.pdf);
  });

  pages.post('/zaken/:id/feedback', deps.form, async (req, res, { row }) => {
    const score = Number(req.body?.score);
    const lang = req.session!.lang;
    // Optional: without a score nothing is stored; the citizen goes on.
    if (Number.isInteger(score) && score >= 1 && score <= 5) {
      const comment =
        String(req.body?.comment ?? '')
          .trim()
          .slice(0, 2000) || null;
      if (await journeys.addFeedback(row, score, comment)) await deps.sessions.flash(req, msg('thanksAnswer', lang));
    }
    res.redirect(303, `/zaken/${row.id}/status`);
  });

  pages.post('/zaken/:id/afmelden', deps.form, async (req, res, { subject, row }) => {
    await journeys.optOut(subject, row.processKey);
    const lang = req.session!.lang;
    await deps.sessions.flash(req, msg('noMoreOffers', lang));
    res.redirect(303, `/zaken/${row.id}/status`);
  });

  // Ask for a person, from a case. Both ways to reach the citizen are on the page (no script needed); the server
  // asks for the one that belongs to the chosen way. `kind: 'objection'` is the same form as an objection (bezwaar).
  const personForm = (
    req: Request,
    res: Response,
    action: string,
    errors: Record<string, string[]> = {},
    values: Record<string, string> = {},
  ) => {
    const ctx = pageContext(req, deps, action);
    const lang = ctx.lang;
    const list = errorsInPageOrder(errors, ['question', 'kind', 'channel', 'phone', 'email'], (_id, m) => m);
    const channel = values.channel ?? 'phone';
    const objecting = values.kind === 'objection';
    const title = msg(objecting ? 'objectionButton' : 'personTitle', lang);
    /** A way to reach the citizen: phone or email, with its hint and error. */
    const reachField = (id: 'phone' | 'email') => {
      const error = errors[id]?.[0];
      return html`<div class="utrecht-form-field${error ? ' utrecht-form-field--invalid' : ''}"><label class="utrecht-form-label" for="f-${id}">${msg(id === 'phone' ? 'phoneNumber' : 'emailAddress', lang)}</label>
<div class="utrecht-form-field-description" id="f-${id}-hint">${msg(id === 'phone' ? 'phoneHint' : 'emailHint', lang)}</div>
${error ? html`<p class="utrecht-form-field-error-message" id="f-${id}-fout">${error}</p>` : ''}
<input class="utrecht-textbox utrecht-textbox--html-input omslag-width-l" type="${id === 'phone' ? 'tel' : 'email'}" id="f-${id}" name="${id}" value="${values[id] ?? ''}" aria-describedby="f-${id}-hint${error ? ` f-${id}-fout` : ''}"${error ? html` aria-invalid="true"` : ''} autocomplete="${id === 'phone' ? 'tel' : 'email'}"${id === 'email' ? html` spellcheck="false"` : ''}></div>`;
    };
    send(
      res,
      ctx,
      title,
      html`${errorSummary(list, lang)}<h1 class="utrecht-heading-1">${title}</h1>
<p class="utrecht-paragraph">${msg(objecting ? 'objectionIntro' : 'personIntro', lang)}</p>
<form method="post" action="${action}" novalidate>${csrfField(ctx)}
<div class="utrecht-form-field${errors.question ? ' utrecht-form-field--invalid' : ''}"><label class="utrecht-form-label" for="f-question">${msg(objecting ? 'objectionQuestion' : 'question', lang)}</label>
${errors.question ? html`<p class="utrecht-form-field-error-message" id="f-question-fout">${errors.question[0]}</p>` : ''}
<textarea class="utrecht-textarea utrecht-textarea--html-textarea" id="f-question" name="question" rows="4" aria-required="true"${errors.question ? html` aria-invalid="true" aria-describedby="f-question-fout"` : ''}>${values.question ?? ''}</textarea></div>
<div class="utrecht-form-field"><fieldset class="utrecht-form-fieldset"><legend class="utrecht-form-fieldset__legend utrecht-form-label">${msg('whatAbout', lang)}</legend>
<div class="omslag-options">${(['question', 'objection'] as const).map((k, i) => html`<div class="utrecht-form-field utrecht-form-field--radio omslag-option"><input class="utrecht-radio utrecht-radio--html-input" type="radio" id="f-kind${i ? `-${i}` : ''}" name="kind" value="${k}"${(values.kind ?? 'question') === k ? html` checked` : ''}><label class="utrecht-form-label utrecht-form-label--radio" for="f-kind${i ? `-${i}` : ''}">${msg(k === 'question' ? 'kindQuestion' : 'kindObjection', lang)}</label></div>`)}</div></fieldset></div>
<div class="utrecht-form-field${errors.channel ? ' utrecht-form-field--invalid' : ''}"><fieldset class="utrecht-form-fieldset"${errors.channel ? html` aria-describedby="f-channel-fout"` : ''}><legend class="utrecht-form-fieldset__legend utrecht-form-label">${msg('channel', lang)}</legend>
${errors.channel ? html`<p class="utrecht-form-field-error-message" id="f-channel-fout">${errors.channel[0]}</p>` : ''}
<div class="omslag-options">${(['phone', 'email', 'visit'] as const).map((c, i) => html`<div class="utrecht-form-field utrecht-form-field--radio omslag-option"><input class="utrecht-radio utrecht-radio--html-input" type="radio" id="f-channel${i ? `-${i}` : ''}" name="channel" value="${c}"${channel === c ? html` checked` : ''}><label class="utrecht-form-label utrecht-form-label--radio" for="f-channel${i ? `-${i}` : ''}">${msg(c, lang)}</label></div>`)}</div></fieldset></div>
${reachField('phone')}
${reachField('email')}
<button type="submit" class="utrecht-button utrecht-button--primary-action">${msg(objecting ? 'objectionSend' : 'personSend', lang)}</button></form>`,
      { status: list.length ? 422 : 200, errors: !!list.length },
    );
  };

  /**
   * The request from the form, or the page again with what to fix, in page
   * order. The phone number or email address of the chosen way is what the
   * official sees on the task (`reach`).
   */
  const personRequest = (req: Request, res: Response, action: string) => {
    const lang = req.session!.lang;
    const text = (name: string) =>
      String(req.body?.[name] ?? '')
        .trim()
        .slice(0, 2000);
    const values = {
      question: text('question'),
      kind: req.body?.kind === 'objection' ? 'objection' : 'question',
      channel: text('channel') || 'phone',
      phone: text('phone').slice(0, 200),
      email: text('email').slice(0, 200),
    };
    const errors: Record<string, string[]> = {};
    const question = String(req.body?.question ?? '').trim();
    if (!question) errors.question = [msg(values.kind === 'objection' ? 'tellUsObjection' : 'tellUs', lang)];
    else if (question.length > 2000)
      errors.question = [issueMessage({ code: 'too-long', params: { max: 2000 } }, lang)];
    if (!(CHANNELS as readonly string[]).includes(values.channel)) errors.channel = [msg('chooseChannel', lang)];
    else if (values.channel === 'phone') {
      if (!values.phone) errors.phone = [msg('phoneMissing', lang)];
      else if (!looksLikePhone(values.phone)) errors.phone = [msg('phoneInvalid', lang)];
    } else if (values.channel === 'email') {
      if (!values.email) errors.email = [msg('emailMissing', lang)];
      else if (!looksLikeEmail(values.email)) errors.email = [msg('emailInvalid', lang)];
    }
    if (!Object.keys(errors).length) return values;
    personForm(req, res, action, errors, values);
    return undefined;
  };

  const askPerson = async (
    req: Request,
    res: Response,
    row: CaseRow,
    action: string,
    values: Record<string, string>,
    actor: string,
  ) => {
    const lang = req.session!.lang;
    const { phone, email, ...rest } = values;
    const reach = values.channel === 'phone' ? phone : values.channel === 'email' ? email : '';
    try {
      await journeys.askPerson(row, { ...rest, reach }, lang, actor);
    } catch (error) {
      if (error instanceof EngineError && error.kind === 'invalid') {
        // The engine's word on the way to reach the citizen belongs at the field of the chosen way.
        const { reach: onReach, ...details } = error.detailsIn(lang) as Record<string, string[]>;
        const at = values.channel === 'email' ? 'email' : 'phone';
        return personForm(req, res, action, { ...details, ...(onReach ? { [at]: onReach } : {}) }, values);
      }
      if (!(error instanceof EngineError && error.code === 'event-not-allowed')) throw error;
      // A request is open already: the status page says so.
    }
    const contact = await journeys.openContact(row);
    if (contact?.dueAt)
      await deps.sessions.flash(
        req,
        msg(values.kind === 'objection' ? 'objectionDone' : 'personDone', lang, {
          date: longDate(contact.dueAt, lang),
        }),
      );
    res.redirect(303, `/zaken/${row.id}/status`);
  };

  // `?soort=bezwaar`: the status page's "Bezwaar maken" opens the form as an objection.
  pages.get('/zaken/:id/medewerker', (req, res, { row }) => {
    personForm(req, res, `/zaken/${row.id}/medewerker`, {}, req.query.soort === 'bezwaar' ? { kind: 'objection' } : {});
  });
  pages.post('/zaken/:id/medewerker', deps.form, async (req, res, { row, actor }) => {
    const values = personRequest(req, res, `/zaken/${row.id}/medewerker`);
    if (values) await askPerson(req, res, row, `/zaken/${row.id}/medewerker`, values, actor);
  });

  // Ask for a person about a service, before any case: starts the case with the question.
  // Under /diensten/:key the router finds the service (404) before it asks to sign in.
  pages.get('/diensten/:key/medewerker', (req, res) => {
    personForm(req, res, `/diensten/${req.params.key}/medewerker`);
  });
  pages.post('/diensten/:key/medewerker', deps.form, async (req, res, { subject, actor }) => {
    const values = personRequest(req, res, `/diensten/${req.params.key}/medewerker`);
    if (!values) return;
    const row = await journeys.start(req.params.key, subject, actor);
    await askPerson(req, res, row, `/zaken/${row.id}/medewerker`, values, actor);
  });

  // A person, from pages outside a case: choose the service it is about.
  pages.public.get('/medewerker', async (req, res) => {
    const ctx = pageContext(req, deps);
    const lang = ctx.lang;
    const list = await journeys.services();
    send(
      res,
      ctx,
      msg('personTitle', lang),
      html`<h1 class="utrecht-heading-1">${msg('personTitle', lang)}</h1>
<p class="utrecht-paragraph">${msg('questionAbout', lang)}</p>
<ul class="utrecht-unordered-list">${list.map(({ key, def }) => html`<li class="utrecht-unordered-list__item"><a class="utrecht-link" href="/diensten/${key}/medewerker">${t(def.title, lang)}</a></li>`)}
<li class="utrecht-unordered-list__item"><a class="utrecht-link" href="/mijn-zaken">${msg('oneOfMyCases', lang)}</a></li></ul>
${deps.theme.contact?.phone ? html`<p class="utrecht-paragraph">${msg('orCallStart', lang)} <a class="utrecht-link" href="tel:${deps.theme.contact.phone.replace(/\s/g, '')}">${deps.theme.contact.phone}</a>.</p>` : ''}`,
    );
  });

  // Group events (withdraw …) with a confirmation step.
  pages.get('/zaken/:id/actie/:event', async (req, res, { row }) => {
    const ctx = pageContext(req, deps, `/zaken/${row.id}/medewerker`);
    const action = (await journeys.view(row, ctx.lang)).actions.find(
      (a) => a.type === req.params.event && a.type !== 'submit' && a.type !== 'person.requested',
    );
    if (!action) return res.redirect(303, `/zaken/${row.id}/status`);
    // An action that leads to an end (withdrawing) says what that means, and its button warns.
    const def = await journeys.process(row);
    const goto = Object.values(def.groups ?? {}).find((g) => g.on && Object.hasOwn(g.on, action.type))?.on?.[
      action.type
    ]?.goto;
    const ends = !!goto && isFinal(own(def.steps, goto));
    send(
      res,
      ctx,
      action.label,
      html`<h1 class="utrecht-heading-1">${action.label}</h1>
${ends ? html`<p class="utrecht-paragraph omslag-ending-action">${msg('endingAction', ctx.lang)}</p>` : ''}
<p class="utrecht-paragraph">${msg('confirmAction', ctx.lang)}</p>
<form method="post" action="/zaken/${row.id}/actie/${action.type}">${csrfField(ctx)}
<div class="omslag-button-row"><button type="submit" class="utrecht-button utrecht-button--primary-action${ends ? ' utrecht-button--warning' : ''}">${msg('yesDo', ctx.lang, { action: action.label.toLowerCase() })}</button>
<a class="utrecht-link" href="/zaken/${row.id}/status">${msg('cancel', ctx.lang)}</a></div></form>`,
    );
  });
  pages.post('/zaken/:id/actie/:event', deps.form, async (req, res, { row, actor }) => {
    if (!/^[a-z][a-z0-9-]*$/.test(req.params.event) || req.params.event === 'submit')
      throw new PageError(404, 'notFound');
    try {
      await journeys.groupEvent(row, req.params.event, req.session!.lang, actor);
    } catch (error) {
      if (!(error instanceof EngineError && error.code === 'event-not-allowed')) throw error;
    }
    res.redirect(303, `/zaken/${row.id}/status`);
  });
}

/** The ways a citizen can ask to be contacted. */
const CHANNELS = ['phone', 'email', 'visit'] as const;

/** How many cases /mijn-zaken shows at once. */
export const CASES_PER_PAGE = 20;

/** Links to the other pages of a list: plain links (no script), the current page marked for screen readers. */
function pagination(page: number, pages: number, lang: Lang) {
  if (pages <= 1) return html``;
  const href = (n: number) => (n === 1 ? '/mijn-zaken' : `/mijn-zaken?pagina=${n}`);
  // Around the current page, plus the first and the last: a long list stays a short row of links.
  const shown = [...new Set([1, page - 1, page, page + 1, pages])]
    .filter((n) => n >= 1 && n <= pages)
    .sort((a, b) => a - b);
  return html`<nav class="omslag-pagination" aria-label="${msg('pages', lang)}"><ul class="omslag-pagination__list">
${page > 1 ? html`<li><a class="utrecht-link" href="${href(page - 1)}" rel="prev">${msg('previousPage', lang)}<span class="omslag-visually-hidden"> (${msg('pageN', lang, { n: page - 1 })})</span></a></li>` : ''}
${shown.map((n, i) => html`${i > 0 && n - shown[i - 1] > 1 ? html`<li aria-hidden="true">…</li>` : ''}<li><a class="utrecht-link${n === page ? ' omslag-pagination__current' : ''}" href="${href(n)}"${n === page ? html` aria-current="page"` : ''}><span class="omslag-visually-hidden">${msg('page', lang)} </span>${n}</a></li>`)}
${page < pages ? html`<li><a class="utrecht-link" href="${href(page + 1)}" rel="next">${msg('nextPage', lang)}<span class="omslag-visually-hidden"> (${msg('pageN', lang, { n: page + 1 })})</span></a></li>` : ''}
</ul></nav>`;
}

function groupActions(view: CaseView, row: CaseRow) {
  const actions = view.actions.filter((a) => a.type !== 'submit' && a.type !== 'person.requested');
  if (!actions.length) return html``;
  return html`<ul class="omslag-actions">${actions.map((a) => html`<li><a class="utrecht-link" href="/zaken/${row.id}/actie/${a.type}">${a.label}</a></li>`)}</ul>`;
}

/**
 * What to do when the citizen disagrees with the decision, and by when: the
 * last day to object, and "Bezwaar maken" (the contact request as an
 * objection, routes above); while a request for contact is open, to tell
 * that official. After the last day it says the term is over.
 */
function objectionSection(row: CaseRow, until: Date, open: boolean, offer: boolean | 'open', lang: Lang) {
  const date = longDate(until.toISOString(), lang);
  return html`<section class="omslag-objection" aria-labelledby="bezwaar-titel"><h2 class="utrecht-heading-2" id="bezwaar-titel">${msg('objectionTitle', lang)}</h2>
${
  open
    ? html`<p class="utrecht-paragraph omslag-objection-until">${msg('objectionUntil', lang, { date })}</p>
${
  offer === 'open'
    ? html`<p class="utrecht-paragraph">${msg('objectionWhileOpen', lang)}</p>`
    : offer
      ? html`<p class="utrecht-paragraph">${msg('objectionHow', lang)}</p>
<p class="utrecht-paragraph"><a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" href="/zaken/${row.id}/medewerker?soort=bezwaar">${msg('objectionButton', lang)}</a></p>`
      : ''
}`
    : html`<p class="utrecht-paragraph omslag-objection-until">${msg('objectionPast', lang, { date })}</p>`
}</section>`;
}
