import type { Request, Response } from 'express';
import { actingVia, holderOf, maskBsn } from '../../auth/index.js';
import { t, type Lang } from '../../model/index.js';
import type { Mandate } from '../../store/index.js';
import { mandateText as mt } from '../acting.js';
import { PageError, pageContext, safeReturn, send, type PagesDeps } from '../context.js';
import { html } from '../html.js';
import { longDate } from '../i18n.js';
import { csrfField, errorSummary } from '../layout.js';
import type { PageRouter } from '../router.js';

/**
 * "Namens wie wilt u dit regelen?": a holder of mandates in force chooses to
 * act for themselves or for a citizen who mandated them. The choice is the
 * session's `acting`; the router checks it again on every request.
 */
export function actingRoutes(pages: PageRouter, deps: PagesDeps) {
  const { store, clock, journeys } = deps;
  const SELF = 'zelf';

  const choicePage = async (req: Request, res: Response, error?: string) => {
    const session = req.session!;
    const holder = holderOf(session);
    if (!holder) throw new PageError(404, 'notFound');
    const ctx = pageContext(req, deps);
    const lang = ctx.lang;
    const citizens = [...(await deps.mandates.citizensOf(holder, session.staffId ?? null))];
    const titles = new Map((await journeys.services()).map(({ key, def }) => [key, t(def.title, lang)]));
    const back = safeReturn(req.query.terug ?? req.body?.terug);
    const current = session.acting?.citizen ?? null;
    const option = (id: string, value: string, label: string, hint: string | null, checked: boolean) =>
      html`<div class="utrecht-form-field utrecht-form-field--radio omslag-option"><input class="utrecht-radio utrecht-radio--html-input" type="radio" id="${id}" name="namens" value="${value}"${checked ? html` checked` : ''}${hint ? html` aria-describedby="${id}-hint"` : ''}><label class="utrecht-form-label utrecht-form-label--radio" for="${id}">${label}</label>${hint ? html`<div class="utrecht-form-field-description" id="${id}-hint">${hint}</div>` : ''}</div>`;
    send(
      res,
      ctx,
      mt('chooseTitle', lang),
      html`${errorSummary(error ? [{ href: '#f-namens', text: error }] : [], lang)}
<h1 class="utrecht-heading-1">${mt('chooseTitle', lang)}</h1>
${
  citizens.length
    ? html`<p class="utrecht-paragraph">${mt('chooseIntro', lang)}</p>
<form method="post" action="/namens" novalidate>${csrfField(ctx)}<input type="hidden" name="terug" value="${back}">
<div class="utrecht-form-field${error ? ' utrecht-form-field--invalid' : ''}"><fieldset class="utrecht-form-fieldset"${error ? html` aria-describedby="f-namens-fout"` : ''}><legend class="utrecht-form-fieldset__legend utrecht-form-label">${mt('chooseTitle', lang)}</legend>
${error ? html`<p class="utrecht-form-field-error-message" id="f-namens-fout">${error}</p>` : ''}
<div class="omslag-options">${option('f-namens', SELF, mt(holder.kind === 'person' ? 'myself' : 'myOrganisation', lang), null, !current && !error)}
${citizens.map(([citizen, mandates], i) => option(`f-namens-${i + 1}`, mandates[0].id, mt('citizen', lang, { bsn: maskBsn(citizen) }), mandates.map((m) => scopeText(m, titles, lang)).join('; '), current === citizen))}</div></fieldset></div>
<button type="submit" class="utrecht-button utrecht-button--primary-action">${mt('chooseButton', lang)}</button></form>`
    : html`<p class="utrecht-paragraph">${mt('chooseNone', lang)}</p>
<p class="utrecht-paragraph"><a class="utrecht-link" href="/mijn-zaken">${mt('myself', lang)}</a></p>`
}`,
      { status: error ? 422 : 200, errors: !!error },
    );
  };

  pages.get('/namens', (req, res) => choicePage(req, res));

  pages.post('/namens', deps.form, async (req, res) => {
    const session = req.session!;
    const chosen = String(req.body?.namens ?? '');
    const lang = session.lang;
    if (!session.idHash) throw new PageError(404, 'notFound');
    if (chosen === SELF) {
      await deps.mandates.actAs(session.idHash, null);
      return res.redirect(303, safeReturn(req.body?.terug));
    }
    const m = chosen ? await deps.mandates.get(chosen) : undefined;
    // Only a mandate this holder has in force now: anything else (another's, revoked, ended) is not offered.
    const via =
      m && (await actingVia(store, session, { mandateId: m.id, citizen: m.citizen }, clock.now().toISOString()));
    if (!m || !via || via.mandate.citizen !== m.citizen)
      return choicePage(req, res, mt(chosen ? 'chooseGone' : 'chooseError', lang));
    await deps.mandates.actAs(session.idHash, { mandateId: via.mandate.id, citizen: m.citizen });
    res.redirect(303, safeReturn(req.body?.terug));
  });
}

/** What one mandate lets the holder do, in a line: the service, the rights, until when. */
function scopeText(m: Mandate, titles: Map<string, string>, lang: Lang): string {
  const scope = m.processKey ? (titles.get(m.processKey) ?? m.processKey) : mt('allServices', lang);
  const until = m.validUntil
    ? ` (${mt('fromUntil', lang, { from: longDate(m.validFrom, lang), until: longDate(new Date(Date.parse(m.validUntil) - 1).toISOString(), lang) })})`
    : '';
  return `${scope}: ${m.rights.map((r) => mt(`right_${r}`, lang)).join(', ')}${until}`;
}
