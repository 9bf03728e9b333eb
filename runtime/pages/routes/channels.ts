import type { Request, Response } from 'express';
import { notifyCatalogues, translate, type Lang } from '../../i18n/index.js';
import type { Field } from '../../model/index.js';
import type { Channel } from '../../store/index.js';
import { PageError, pageContext, send, type PagesDeps } from '../context.js';
import { fieldRenderers, inputId } from '../fields.js';
import { html } from '../html.js';
import { csrfField, errorSummary, type ErrorList } from '../layout.js';
import type { PageRouter } from '../router.js';

const say = (
  key: keyof (typeof notifyCatalogues)['nl']['page'],
  lang: Lang,
  params?: Record<string, string | number>,
) => translate(notifyCatalogues, lang, `page.${key}`, params);

const EMAIL = /^[^\s@<>"(),;:]+@[^\s@<>"(),;:]+\.[^\s@<>"(),;:]{2,}$/;

/** A mobile number as the provider takes it (E.164): 06… becomes +316…; 00… becomes +…; otherwise undefined. */
export function mobileNumber(raw: string): string | undefined {
  const s = raw.replace(/[\s\-().]/g, '');
  if (/^06\d{8}$/.test(s)) return `+31${s.slice(1)}`;
  const intl = s.startsWith('00') ? `+${s.slice(2)}` : s;
  if (/^\+[1-9]\d{7,14}$/.test(intl) && !/^\+310/.test(intl)) return intl;
  return undefined;
}

/**
 * The citizen's channels for notices (runtime/notify): an email address,
 * used only after the link we send to it is clicked, and a mobile number
 * for SMS; the language of the notices (runtime/notify/channels.ts keeps
 * them). Besides these the inbox on the case pages always holds every message. The link opens a page with a button
 * (a GET changes nothing: mail scanners open links too), anyone with the
 * link may press it: the token in it is the proof.
 */
export function channelRoutes(pages: PageRouter, deps: PagesDeps) {
  /** Whose channels: the signed-in person, or the company (the subject its cases carry). */
  const subjectOf = (req: Request) => {
    const s = req.session;
    if (s?.bsn) return s.bsn;
    if (s?.kvk) return `kvk:${s.kvk}`;
    throw new PageError(404, 'notFound');
  };

  const page = async (
    req: Request,
    res: Response,
    posted?: { raw: Record<string, string>; errors: Record<string, string> },
  ) => {
    const ctx = pageContext(req, deps);
    const lang = ctx.lang;
    const subject = subjectOf(req);
    const channels = await deps.channels.list(subject);
    const email = channels.find((c) => c.kind === 'email');
    const sms = channels.find((c) => c.kind === 'sms');
    const flash = req.session!.flash;
    if (flash) await deps.sessions.flash(req, null);
    const value = (id: string, c: Channel | undefined) => (posted ? posted.raw[id] : (c?.address ?? ''));
    const fields: Field[] = [
      { id: 'email', type: 'email', label: say('email', lang), hint: say('emailHint', lang) },
      { id: 'sms', type: 'phone', label: say('sms', lang), hint: say('smsHint', lang) },
      {
        id: 'taal',
        type: 'choice',
        label: say('lang', lang),
        required: true,
        options: [
          { value: 'nl', label: 'Nederlands' },
          { value: 'en', label: 'English' },
        ],
      },
    ];
    const current = posted?.raw.taal ?? email?.lang ?? sms?.lang ?? lang;
    const errors: ErrorList = Object.entries(posted?.errors ?? {}).map(([id, text]) => ({
      href: `#${inputId(id)}`,
      text,
    }));
    const state = (c: Channel | undefined) =>
      c
        ? html`${c.address} (${c.confirmedAt ? say('confirmed', lang) : say('waiting', lang)})`
        : html`${say('none', lang)}`;
    const row = (key: string, value: ReturnType<typeof html>) =>
      html`<div class="omslag-summary__row"><dt class="omslag-summary__key">${key}</dt><dd class="omslag-summary__value">${value}</dd></div>`;
    send(
      res,
      ctx,
      say('title', lang),
      html`${errorSummary(errors, lang)}<h1 class="utrecht-heading-1">${say('title', lang)}</h1>
${flash ? html`<div class="utrecht-alert utrecht-alert--ok" role="status"><p class="utrecht-paragraph">${flash}</p></div>` : ''}
<p class="utrecht-paragraph">${say('intro', lang)}</p>
<h2 class="utrecht-heading-2">${say('now', lang)}</h2>
<dl class="omslag-summary">${row(say('email', lang), state(email))}${row(say('sms', lang), state(sms))}</dl>
<form method="post" action="/meldingen" novalidate>${csrfField(ctx)}
${fields.map((f) =>
  fieldRenderers[f.type]({
    field: f,
    value: f.id === 'taal' ? current : value(f.id, f.id === 'email' ? email : sms),
    error: posted?.errors[f.id],
    lang,
  }),
)}
<button type="submit" class="utrecht-button utrecht-button--primary-action">${say('save', lang)}</button></form>`,
      { status: posted ? 422 : 200, errors: errors.length > 0 },
    );
  };

  pages.get('/meldingen', (req, res) => page(req, res));

  pages.post('/meldingen', deps.form, async (req, res) => {
    const subject = subjectOf(req);
    const lang = req.session!.lang;
    const body = (req.body ?? {}) as Record<string, unknown>;
    const text = (k: string) => (typeof body[k] === 'string' ? (body[k] as string).trim().slice(0, 300) : '');
    const raw = { email: text('email'), sms: text('sms'), taal: text('taal') };
    const errors: Record<string, string> = {};
    const address = raw.email.toLowerCase();
    if (address && (address.length > 254 || !EMAIL.test(address))) errors.email = say('badEmail', lang);
    const number = raw.sms ? mobileNumber(raw.sms) : '';
    if (number === undefined) errors.sms = say('badSms', lang);
    if (Object.keys(errors).length) return page(req, res, { raw, errors });
    const saved = await deps.channels.save(subject, {
      email: address || null,
      sms: number || null,
      lang: raw.taal === 'en' ? 'en' : 'nl',
    });
    if (!saved.ok) return page(req, res, { raw, errors: { email: say('tooManyConfirms', lang) } });
    await deps.sessions.flash(
      req,
      saved.linkSentTo ? say('sentConfirm', lang, { address: saved.linkSentTo }) : say('saved', lang),
    );
    res.redirect(303, '/meldingen');
  });

  // The link in the email: a page with a button, for anyone holding the link.
  pages.public.get('/meldingen/bevestigen', (req, res) => {
    const ctx = pageContext(req, deps);
    const lang = ctx.lang;
    const token = typeof req.query.token === 'string' ? req.query.token.slice(0, 100) : '';
    send(
      res,
      ctx,
      say('confirmTitle', lang),
      html`<h1 class="utrecht-heading-1">${say('confirmTitle', lang)}</h1>
<p class="utrecht-paragraph">${say('confirmIntro', lang)}</p>
<form method="post" action="/meldingen/bevestigen" novalidate>${csrfField(ctx)}<input type="hidden" name="token" value="${token}">
<button type="submit" class="utrecht-button utrecht-button--primary-action">${say('confirmButton', lang)}</button></form>`,
    );
  });

  pages.public.post('/meldingen/bevestigen', deps.form, async (req, res) => {
    const ctx = pageContext(req, deps);
    const lang = ctx.lang;
    const token = typeof req.body?.token === 'string' ? req.body.token : '';
    const confirmed = await deps.channels.confirm(token);
    if (!confirmed)
      return send(
        res,
        ctx,
        say('expiredTitle', lang),
        html`<h1 class="utrecht-heading-1">${say('expiredTitle', lang)}</h1><p class="utrecht-paragraph">${say('expiredText', lang)}</p>`,
        { status: 410 },
      );
    send(
      res,
      ctx,
      say('confirmedTitle', lang),
      html`<h1 class="utrecht-heading-1">${say('confirmedTitle', lang)}</h1><p class="utrecht-paragraph">${say('confirmedText', lang, { address: confirmed.address })}</p>`,
    );
  });
}
