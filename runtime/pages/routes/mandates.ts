import type { Request, Response } from 'express';
import { maskBsn } from '../../auth/index.js';
import { t, todayIn, type Lang } from '../../model/index.js';
import type { Mandate } from '../../store/index.js';
import { mandateText as mt } from '../acting.js';
import { PageError, pageContext, send, type PagesDeps } from '../context.js';
import { fieldRenderers, inputId, simpleCondition } from '../fields.js';
import { html } from '../html.js';
import { longDate } from '../i18n.js';
import { csrfField, errorSummary, errorsInPageOrder } from '../layout.js';
import { grantFields, readGrant } from '../mandate-form.js';
import type { PageRouter } from '../router.js';
import { actingRoutes } from './acting.js';

/**
 * The citizen's mandates (machtigingen): what they granted or what was
 * registered for them, in force, ended or revoked; granting a new one; and
 * revoking one they granted themselves. Always the signed-in person's own,
 * also while they act for someone else: nobody grants in another's name.
 */
export function mandateRoutes(pages: PageRouter, deps: PagesDeps) {
  const { clock, journeys } = deps;
  const services = async () => (await journeys.services()).map(({ key, def }) => ({ key, title: def.title }));
  /** The signed-in person (a company grants nothing here: a 404). */
  const citizenOf = (req: Request) => {
    const bsn = req.session?.bsn;
    if (!bsn) throw new PageError(404, 'notFound');
    return bsn;
  };

  pages.get('/machtigingen', async (req, res) => {
    const ctx = pageContext(req, deps);
    const lang = ctx.lang;
    // A company's employee (the header links here too): what the page is for them, and where to go.
    if (!req.session?.bsn && req.session?.kvk)
      return send(
        res,
        ctx,
        mt('title', lang),
        html`<h1 class="utrecht-heading-1">${mt('title', lang)}</h1><p class="utrecht-paragraph">${mt('organisationGrants', lang)}</p>
<p class="utrecht-paragraph"><a class="utrecht-link" href="/namens">${mt('chooseTitle', lang)}</a></p>`,
      );
    const citizen = citizenOf(req);
    const at = clock.now().toISOString();
    const titles = new Map((await services()).map((s) => [s.key, t(s.title, lang)]));
    const flash = req.session!.flash;
    if (flash) await deps.sessions.flash(req, null);
    // All in force (bounded at grant), and of the ended and revoked ones the newest SHOWN_ENDED.
    let ended = 0;
    const all = (await deps.mandates.forCitizen(citizen)).filter(
      (m) => (!m.revokedAt && (m.validUntil === null || m.validUntil > at)) || ended++ < SHOWN_ENDED,
    );
    const groups: [string, Mandate[]][] = [
      [mt('inForce', lang), all.filter((m) => !m.revokedAt && (m.validUntil === null || m.validUntil > at))],
      [mt('ended', lang), all.filter((m) => !m.revokedAt && m.validUntil !== null && m.validUntil <= at)],
      [mt('revoked', lang), all.filter((m) => !!m.revokedAt)],
    ];
    const card = (m: Mandate) => {
      const row = (key: string, value: string) =>
        html`<div class="omslag-summary__row"><dt class="omslag-summary__key">${key}</dt><dd class="omslag-summary__value">${value}</dd></div>`;
      const live = !m.revokedAt && (m.validUntil === null || m.validUntil > at);
      return html`<li class="omslag-card"><h3 class="utrecht-heading-3">${m.holderName}</h3><dl class="omslag-summary">
${row(mt('holder', lang), holderText(m, lang))}
${row(mt('scope', lang), m.processKey ? (titles.get(m.processKey) ?? m.processKey) : mt('allServices', lang))}
${row(mt('rights', lang), m.rights.map((r) => mt(`right_${r}`, lang)).join(', '))}
${row(mt('period', lang), periodText(m, at, lang))}
${row(mt('source', lang), sourceText(m, lang))}</dl>
${
  live && m.source === 'citizen'
    ? html`<form method="post" action="/machtigingen/${m.id}/intrekken">${csrfField(ctx)}<button type="submit" class="utrecht-button utrecht-button--secondary-action">${mt('revoke', lang)}<span class="omslag-visually-hidden">: ${m.holderName}</span></button></form>`
    : live
      ? html`<p class="utrecht-paragraph">${mt(m.source === 'provider' ? 'endProvider' : 'endOfficial', lang)}</p>`
      : ''
}</li>`;
    };
    send(
      res,
      ctx,
      mt('title', lang),
      html`<h1 class="utrecht-heading-1">${mt('title', lang)}</h1>
${flash ? html`<div class="utrecht-alert utrecht-alert--ok" role="status"><p class="utrecht-paragraph">${flash}</p></div>` : ''}
<p class="utrecht-paragraph">${mt('intro', lang)}</p>
<p class="utrecht-paragraph"><a class="utrecht-link" href="/machtigingen/nieuw">${mt('grantLink', lang)}</a></p>
${
  all.length
    ? groups
        .filter(([, list]) => list.length)
        .map(
          ([title, list]) =>
            html`<h2 class="utrecht-heading-2">${title}</h2><ul class="omslag-cards">${list.map(card)}</ul>`,
        )
    : html`<p class="utrecht-paragraph">${mt('none', lang)}</p>`
}`,
    );
  });

  const grantPage = async (
    req: Request,
    res: Response,
    posted?: { raw: Record<string, unknown>; errors: Record<string, string[]> },
  ) => {
    const ctx = pageContext(req, deps);
    const lang = ctx.lang;
    const fields = grantFields(await services());
    const errors = posted?.errors ?? {};
    const labels = new Map(fields.map((f) => [f.id, t(f.label, lang)]));
    const list = errorsInPageOrder(
      errors,
      fields.map((f) => f.id),
      (id, m) => `${labels.get(id)}: ${m}`,
      (id) => `#${inputId(id)}`,
    );
    const value = (id: string) => posted?.raw[id] ?? (id === 'soort' ? 'persoon' : id === 'dienst' ? '*' : undefined);
    send(
      res,
      ctx,
      mt('grantTitle', lang),
      html`<a class="utrecht-link omslag-back" href="/machtigingen">${mt('title', lang)}</a>
${errorSummary(list, lang)}
<h1 class="utrecht-heading-1">${mt('grantTitle', lang)}</h1>
<p class="utrecht-paragraph">${mt('grantIntro', lang)}</p>
<form method="post" action="/machtigingen/nieuw" novalidate>${csrfField(ctx)}
${fields.map((f) => fieldRenderers[f.type]({ field: f, value: value(f.id), error: errors[f.id]?.[0], lang, condition: simpleCondition(f, fields, lang) }))}
<button type="submit" class="utrecht-button utrecht-button--primary-action">${mt('grantButton', lang)}</button></form>`,
      { status: posted ? 422 : 200, errors: !!list.length, script: true },
    );
  };

  pages.get('/machtigingen/nieuw', async (req, res) => {
    citizenOf(req);
    await grantPage(req, res);
  });

  pages.post('/machtigingen/nieuw', deps.form, async (req, res) => {
    const citizen = citizenOf(req);
    const lang = req.session!.lang;
    const now = clock.now();
    const read = readGrant(grantFields(await services()), req.body ?? {}, {
      citizen,
      now,
      today: todayIn(clock),
      lang,
    });
    if (read.errors) return grantPage(req, res, read);
    // A bounded list: a citizen holds at most MAX_IN_FORCE mandates that have not ended.
    const at = now.toISOString();
    const live = (await deps.mandates.forCitizen(citizen)).filter(
      (m) => !m.revokedAt && (m.validUntil === null || m.validUntil > at),
    );
    if (live.length >= MAX_IN_FORCE)
      return grantPage(req, res, {
        raw: req.body ?? {},
        errors: { soort: [mt('tooMany', lang, { max: MAX_IN_FORCE })] },
      });
    const m = await deps.mandates.grant(read.mandate);
    await deps.sessions.flash(req, mt('grantedFlash', lang, { name: m.holderName }));
    res.redirect(303, '/machtigingen');
  });

  // Revoking ends the mandate now: the holder's next request finds no mandate in force (router.ts, acting.ts).
  pages.post('/machtigingen/:id/intrekken', deps.form, async (req, res) => {
    const citizen = citizenOf(req);
    const m = await deps.mandates.get(req.params.id);
    // Only a mandate the citizen granted here: DigiD Machtigen's and the municipality's are ended where they were made.
    if (!m || m.citizen !== citizen || m.source !== 'citizen') throw new PageError(404, 'notFound');
    const lang = req.session!.lang;
    if (await deps.mandates.revoke(m.id, 'citizen'))
      await deps.sessions.flash(req, mt('revokedFlash', lang, { name: m.holderName }));
    res.redirect(303, '/machtigingen');
  });

  actingRoutes(pages, deps);
}

/** How many mandates a citizen may have in force at once, and how many ended or revoked ones the page shows. */
export const MAX_IN_FORCE = 50;
const SHOWN_ENDED = 50;

/** Who holds it, as the citizen reads it. */
export function holderText(m: Mandate, lang: Lang): string {
  if (m.holder.kind === 'person') return mt('person', lang, { name: m.holderName, bsn: maskBsn(m.holder.id) });
  const org = mt('organisation', lang, { name: m.holderName, kvk: m.holder.id });
  return `${org}, ${m.staff.length ? mt('onlyStaff', lang, { ids: m.staff.join(', ') }) : mt('allStaff', lang)}`;
}

/** From when until when; the last day shown is the day before the mandate's end (it ends at that day's close). */
function periodText(m: Mandate, at: string, lang: Lang): string {
  if (m.revokedAt) return mt('revokedOn', lang, { date: longDate(m.revokedAt, lang) });
  const from = longDate(m.validFrom, lang);
  if (m.validFrom > at && !m.validUntil) return mt('startsOn', lang, { date: from });
  if (!m.validUntil) return mt('from', lang, { date: from });
  return mt('fromUntil', lang, { from, until: longDate(new Date(Date.parse(m.validUntil) - 1).toISOString(), lang) });
}

function sourceText(m: Mandate, lang: Lang): string {
  if (m.source === 'citizen') return mt('sourceCitizen', lang);
  if (m.source === 'provider') return mt('sourceProvider', lang);
  return m.reason ? mt('sourceOfficial', lang, { reason: m.reason }) : mt('sourceOfficialNoReason', lang);
}
