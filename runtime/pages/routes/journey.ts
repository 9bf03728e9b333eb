import type { Request, Response } from 'express';
import { EngineError } from '../../engine/index.js';
import { formatAnswer, stepOfSteps, t, type Field, type Lang, type Process } from '../../model/index.js';
import type { CaseRow, Draft, Principal } from '../../store/index.js';
import { PageError, pageContext, send, type PagesDeps } from '../context.js';
import type { PageRouter } from '../router.js';
import { mayDo } from '../../auth/index.js';
import { fieldRenderers, inputId, readField, simpleCondition } from '../fields.js';
import { html } from '../html.js';
import { longDate, msg } from '../i18n.js';
import { csrfField, errorSummary, errorsInPageOrder, feedbackForm } from '../layout.js';
import { uploadErrors, uploadOptions } from '../file-questions.js';
import { formFields, isUpload, onePerPage, questions } from '../journey.js';
import { receiveMultipart } from '../uploads.js';

/** Form pages, check-your-answers, sending, confirmation. */
export function journeyRoutes(pages: PageRouter, deps: PagesDeps) {
  const { journeys } = deps;

  // Where the citizen should be now.
  pages.get('/zaken/:id', async (_req, res, { row }) => {
    const state = await journeys.where(row);
    if (row.status === 'active' && state.next) return res.redirect(303, `/zaken/${row.id}/stap/${state.next}`);
    if (row.status === 'active' && state.steps.length) return res.redirect(303, `/zaken/${row.id}/controle`);
    res.redirect(303, `/zaken/${row.id}/status`);
  });

  const stepUrl = (row: CaseRow, step: string, question?: number, wijzig?: boolean) => {
    const q = new URLSearchParams();
    if (question !== undefined) q.set('vraag', String(question + 1));
    if (wijzig) q.set('wijzig', '1');
    return `/zaken/${row.id}/stap/${step}${q.size ? `?${q}` : ''}`;
  };

  /** Which question of a one-per-page step: `?vraag=N`, or the first not answered yet. */
  function questionIndex(req: Request, asked: Field[], saved: Record<string, unknown>): number {
    const n = Number(req.query.vraag);
    if (Number.isInteger(n) && n >= 1 && n <= asked.length) return n - 1;
    const open = asked.findIndex((f) => !(f.id in saved));
    return open < 0 ? 0 : open;
  }

  async function formPage(
    req: Request,
    res: Response,
    { row, principal }: { row: CaseRow; principal: Principal },
    step: string,
    posted?: { raw: Record<string, unknown>; errors: Record<string, string[]> },
  ) {
    const process = await journeys.process(row);
    const fields = formFields(process, step)!;
    const draft = await journeys.draft(row);
    const known = await journeys.dataBefore(row, step, draft);
    const saved = draft.steps.find((s) => s.step === step)?.values ?? {};
    const ctx = pageContext(req, deps, `/zaken/${row.id}/medewerker`);
    const lang = ctx.lang;
    const single = onePerPage(process, step);
    const all = questions(process, step, single ? { ...known, ...saved } : known, lang);
    const q = single ? questionIndex(req, all, saved) : undefined;
    const asked = q === undefined ? all : [all[q]];
    const index = draft.steps.findIndex((s) => s.step === step);
    const previous = journeys.back(draft, step);
    const back = q ? stepUrl(row, step, q - 1) : previous ? stepUrl(row, previous) : `/diensten/${row.processKey}`;
    const errors = posted?.errors ?? {};
    const labels = new Map(fields.map((f) => [f.id, t(f.label, lang)]));
    const list = errorsInPageOrder(
      errors,
      asked.map((f) => f.id),
      (id, message) => `${labels.get(id) ?? id}: ${message}`,
      (id) => `#${inputId(id)}`,
    );
    const value = (f: Field) => (posted ? posted.raw[f.id] : f.id in saved ? saved[f.id] : known[f.id]);
    const title = t(process.steps[step].title, lang);
    // "Stap 1 van 3": the form steps answered before this one, and the longest way on (README).
    const progress = stepOfSteps(
      process,
      step,
      draft.steps.slice(0, index >= 0 ? index : undefined).map((s) => s.step),
    );
    const stepCaption = progress.total > 1 ? msg('stepOf', lang, progress) : '';
    // A proactive case: why the citizen is offered this (the trigger's recorded reason), on its first page.
    const reason = index <= 0 && !q ? await journeys.offerReason(row, lang) : null;
    // The last question of an offer's only page sends it: the button says so.
    const sends = (q === undefined || q === all.length - 1) && (await sendsAtOnce(row, process, step, principal));
    send(
      res,
      ctx,
      q === undefined ? title : `${t(asked[0].label, lang)} – ${title}`,
      html`<a class="utrecht-link omslag-back" href="${back}">${msg('back', lang)}</a>
${errorSummary(list, lang)}
<form method="post" action="${stepUrl(row, step, q, req.query.wijzig === '1')}" novalidate${asked.some(isUpload) ? html` enctype="multipart/form-data"` : ''}>${csrfField(ctx)}
${
  q === undefined
    ? html`${stepCaption ? html`<p class="utrecht-paragraph omslag-caption">${stepCaption}</p>` : ''}<h1 class="utrecht-heading-1">${title}</h1>`
    : html`<p class="utrecht-paragraph omslag-caption">${stepCaption ? `${stepCaption} · ` : ''}${title} · ${msg('questionOf', lang, { n: q + 1, total: all.length })}</p>`
}
${reason ? html`<div class="utrecht-alert utrecht-alert--info"><h2 class="utrecht-heading-3">${msg('whyOffer', lang)}</h2><p class="utrecht-paragraph">${reason}</p></div>` : ''}
${process.steps[step].citizenText && !q ? html`<p class="utrecht-paragraph">${t(process.steps[step].citizenText, lang)}</p>` : ''}
${asked.map((f) => fieldRenderers[f.type]({ field: f, value: value(f), error: errors[f.id]?.[0], lang, condition: single ? undefined : simpleCondition(f, fields, lang), heading: q !== undefined }))}
<button type="submit" class="utrecht-button utrecht-button--primary-action">${msg(sends ? 'send' : 'next', lang)}</button>
</form>`,
      {
        status: posted ? 422 : 200,
        errors: !!list.length,
        script: !single && asked.some((f) => simpleCondition(f, fields, lang)),
      },
    );
  }

  /**
   * Whether answering this step sends the case at once: a proactive offer not answered yet whose only form
   * step this is. Accepting an offer is one page (no check-your-answers for the one question the citizen did
   * not ask for); someone acting by a mandate that does not allow sending goes the usual way.
   */
  async function sendsAtOnce(row: CaseRow, process: Process, step: string, principal: Principal): Promise<boolean> {
    if ((await journeys.offer(row)) !== 'open' || stepOfSteps(process, step, []).total !== 1) return false;
    return mayDo(deps.store, principal, row, 'submit', deps.clock.now().toISOString());
  }

  /** A step the citizen may open: on the draft's path, or the next one to answer. */
  async function reachable(row: CaseRow, step: string): Promise<boolean> {
    if (row.status !== 'active') return false;
    const state = await journeys.where(row);
    return state.next === step || state.steps.some((s) => s.step === step);
  }

  pages.get('/zaken/:id/stap/:step', async (req, res, access) => {
    if (!(await reachable(access.row, req.params.step))) return res.redirect(303, `/zaken/${access.row.id}`);
    await formPage(req, res, access, req.params.step);
  });

  // A multipart body is not read yet: only a signed-in citizen's own step with a file question reads it
  // (the router refuses it for anyone else, before this runs).
  pages.post('/zaken/:id/stap/:step', deps.upload, async (req, res, access) => {
    const { row } = access;
    const multipart = !!req.is('multipart/form-data');
    const step = req.params.step;
    if (!(await reachable(row, step))) return res.redirect(303, `/zaken/${row.id}`);
    const process = await journeys.process(row);
    const lang = req.session!.lang;
    const fields = formFields(process, step)!;
    const draft = await journeys.draft(row);
    const known = await journeys.dataBefore(row, step, draft);
    const saved = draft.steps.find((s) => s.step === step)?.values ?? {};
    const single = onePerPage(process, step);
    const all = questions(process, step, single ? { ...known, ...saved } : known, lang);
    const q = single ? questionIndex(req, all, saved) : undefined;
    const page = q === undefined ? fields : [all[q]];

    const fileFields = page.filter(isUpload);
    if (multipart && !fileFields.length) throw new PageError(403, 'expiredForm');
    const received = multipart
      ? await receiveMultipart(
          req,
          uploadOptions(fileFields, page, (sent) => deps.sessions.csrf(req, sent), deps.uploadDir),
        )
      : undefined;
    try {
      if (received) req.body = received.body;
      const raw = Object.fromEntries(
        page.map((f) => {
          if (!isUpload(f)) return [f.id, readField(f, req.body ?? {})];
          const file = received?.files.get(f.id);
          // The stored type is the one the content shows; what the browser declared is not used.
          return [
            f.id,
            file ? { name: file.name, type: file.type ?? 'application/octet-stream', size: file.size } : saved[f.id],
          ];
        }),
      );
      const result = journeys.validate(page, raw, single ? { ...known, ...saved } : known, lang);
      // A file over its limit stops the reading there: the answers after it did not arrive, so only the file's problem is shown.
      if (received?.problems.size) result.errors = {};
      Object.assign(result.errors, uploadErrors(fileFields, received, lang));
      if (Object.keys(result.errors).length) {
        // A refused file is not shown as if it were added: the field shows what was saved before, if anything.
        for (const f of fileFields) if (result.errors[f.id]) raw[f.id] = saved[f.id];
        return await formPage(req, res, access, step, { raw, errors: result.errors });
      }
      // The files and the draft that names them: together or not at all.
      const files = [...(received?.files ?? [])].map(
        ([id, f]) => [id, { name: f.name, type: f.type!, path: f.path }] as const,
      );
      const { values, cleared } = result;
      const next = await journeys.withFiles(row, files, values, () =>
        saveAnswers(req, row, step, { process, fields, draft, known, saved, all, q, values, cleared }),
      );
      // An offer's only page: the answer is sent now, as from check-your-answers (the engine validates it again).
      if (next === `/zaken/${row.id}/controle` && (await sendsAtOnce(row, process, step, access.principal))) {
        try {
          if (await journeys.submit(row, lang, access.actor)) return res.redirect(303, `/zaken/${row.id}/bevestiging`);
        } catch (error) {
          if (!(error instanceof EngineError)) throw error;
        }
        return res.redirect(303, `/zaken/${row.id}`);
      }
      // Answered after the commit: the next page, on any node, reads what was saved.
      res.redirect(303, next);
    } finally {
      received?.cleanup();
    }
  });

  /** After a step's answers validated: merged into the draft; returns the next question, step or check page. */
  async function saveAnswers(
    req: Request,
    row: CaseRow,
    step: string,
    page: {
      process: Process;
      fields: Field[];
      draft: Draft;
      known: Record<string, unknown>;
      saved: Record<string, unknown>;
      all: Field[];
      q: number | undefined;
      values: Record<string, unknown>;
      cleared: string[];
    },
  ): Promise<string> {
    const { process, fields, known, saved, all, q } = page;
    const lang = req.session!.lang;
    let values = page.values;
    if (q !== undefined) {
      // One question answered: merge it, then the next question that applies, or the step is complete.
      values = { ...saved, ...page.values };
      for (const id of page.cleared) delete values[id];
      if (!(all[q].id in page.values)) delete values[all[q].id];
      const nowAsked = questions(process, step, { ...known, ...values }, lang);
      for (const f of fields) if (!nowAsked.includes(f) && f.id in values) delete values[f.id];
      const at = nowAsked.findIndex((f) => f.id === all[q].id);
      const next = nowAsked.findIndex((f, i) => i > at && (req.query.wijzig !== '1' || !(f.id in values)));
      const whole = journeys.validate(fields, values, known, lang);
      if (next >= 0 || Object.keys(whole.errors).length) {
        const target = next >= 0 ? next : nowAsked.findIndex((f) => whole.errors[f.id]);
        await journeys.savePartial(row, step, values);
        return stepUrl(row, step, Math.max(0, target), req.query.wijzig === '1');
      }
      values = whole.values;
    }
    // Save per step: earlier steps stay, this one is replaced, later ones stay while the path still runs through them.
    const state = await journeys.saveStep(row, step, values);
    const following = state.steps[state.steps.findIndex((s) => s.step === step) + 1]?.step;
    const target = req.query.wijzig === '1' ? (state.next ?? 'controle') : (following ?? state.next ?? 'controle');
    return target === 'controle' ? `/zaken/${row.id}/controle` : stepUrl(row, target);
  }

  pages.get('/zaken/:id/controle', async (req, res, { row }) => {
    const state = await journeys.where(row);
    if (row.status !== 'active' || state.next || !state.steps.length) return res.redirect(303, `/zaken/${row.id}`);
    const process = await journeys.process(row);
    const ctx = pageContext(req, deps, `/zaken/${row.id}/medewerker`);
    const lang = ctx.lang;
    send(
      res,
      ctx,
      msg('checkTitle', lang),
      html`<a class="utrecht-link omslag-back" href="/zaken/${row.id}/stap/${state.steps.at(-1)!.step}">${msg('back', lang)}</a>
<h1 class="utrecht-heading-1">${msg('checkTitle', lang)}</h1>
${state.steps.map((s) => checkSection(process, s.step, s.values, row.id, lang))}
<p class="utrecht-paragraph">${msg('sendIntro', lang)}</p>
<form method="post" action="/zaken/${row.id}/versturen">${csrfField(ctx)}
<button type="submit" class="utrecht-button utrecht-button--primary-action">${msg('send', lang)}</button></form>`,
    );
  });

  pages.post('/zaken/:id/versturen', deps.form, async (req, res, { row, actor }) => {
    try {
      // All steps or none: the engine validates each again, in one transaction.
      if (!(await journeys.submit(row, req.session!.lang, actor))) return res.redirect(303, `/zaken/${row.id}`);
    } catch (error) {
      if (error instanceof EngineError) return res.redirect(303, `/zaken/${row.id}`);
      throw error;
    }
    res.redirect(303, `/zaken/${row.id}/bevestiging`);
  });

  pages.get('/zaken/:id/bevestiging', async (req, res, { row, principal }) => {
    const ctx = pageContext(req, deps, `/zaken/${row.id}/medewerker`);
    const lang = ctx.lang;
    const view = await journeys.view(row, lang);
    // The outcome's message is a message: an intermediary reads it only with the `messages` right.
    const seesMessages = await mayDo(deps.store, principal, row, 'messages', deps.clock.now().toISOString());
    const feedbackGiven = await journeys.hasFeedback(row);
    // An answered offer: the citizen sent an answer, not an application.
    const title = msg((await journeys.offer(row)) ? 'confirmOfferTitle' : 'confirmTitle', lang);
    send(
      res,
      ctx,
      title,
      html`<div class="utrecht-alert utrecht-alert--ok">
<h1 class="utrecht-heading-1">${title}</h1>
<p class="utrecht-paragraph">${msg('reference', lang)}: <strong class="omslag-reference">${row.reference}</strong></p></div>
<h2 class="utrecht-heading-2">${msg('whatNext', lang)}</h2>
${
  view.outcome
    ? html`<p class="utrecht-paragraph">${seesMessages ? view.outcome.message : view.outcome.title}</p>`
    : html`<p class="utrecht-paragraph">${view.step?.text ?? view.step?.title ?? ''}</p>`
}
${view.expectedBy && !view.outcome ? html`<p class="utrecht-paragraph">${msg('expected', lang, { date: longDate(view.expectedBy, lang) })}</p>` : ''}
<p class="utrecht-paragraph"><a class="utrecht-link" href="/zaken/${row.id}/status">${msg('toStatus', lang)}</a></p>
${feedbackGiven ? '' : feedbackForm(ctx, row.id)}`,
    );
  });
}

function checkSection(process: Process, step: string, values: Record<string, unknown>, caseId: string, lang: Lang) {
  const fields = (formFields(process, step) ?? []).filter((f) => f.id in values);
  return html`<h2 class="utrecht-heading-2">${t(process.steps[step].title, lang)}</h2>
<dl class="omslag-summary">${fields.map(
    (f) => html`<div class="omslag-summary__row"><dt class="omslag-summary__key">${t(f.label, lang)}</dt>
<dd class="omslag-summary__value">${formatAnswer(f, values[f.id], lang)}</dd>
<dd class="omslag-summary__action"><a class="utrecht-link" href="/zaken/${caseId}/stap/${step}?${onePerPage(process, step) ? `vraag=${fields.indexOf(f) + 1}&` : ''}wijzig=1">${msg('change', lang)}<span class="omslag-visually-hidden"> ${t(f.label, lang)}</span></a></dd></div>`,
  )}</dl>`;
}
