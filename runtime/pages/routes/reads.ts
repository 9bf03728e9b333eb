import { dataText, purposeText, readerName } from '../../auth/index.js';
import { formatDate, readsCatalogues, translate, type Lang, type MessageKey, type Params } from '../../i18n/index.js';
import { PageError, pageContext, send, type PagesDeps } from '../context.js';
import { html } from '../html.js';
import type { PageRouter } from '../router.js';

/** How many reads the page lists (the newest); the export has them all. */
export const READS_SHOWN = 200;

const when = (iso: string, lang: Lang) =>
  formatDate(iso, lang, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });

/**
 * "Wie heeft uw gegevens bekeken": the reads of one case by staff,
 * intermediaries and API clients (runtime/auth/reads.ts), newest first.
 * Only for the citizen whose case it is: an intermediary acting for them
 * gets a 404 — the log is about the citizen's privacy, and shows other
 * readers (officials, other intermediaries) the intermediary has no need to see.
 */
export function readRoutes(pages: PageRouter, deps: PagesDeps) {
  pages.get('/zaken/:id/inzage', async (req, res, { principal, row }) => {
    if (principal.kind === 'citizen' && principal.via) throw new PageError(404, 'notFound');
    const ctx = pageContext(req, deps, `/zaken/${row.id}/medewerker`);
    const lang = ctx.lang;
    const m = (key: MessageKey<(typeof readsCatalogues)['nl']>, params?: Params) =>
      translate(readsCatalogues, lang, key, params);
    const reads = await deps.mandates.readsOf(row.id, READS_SHOWN + 1);
    const shown = reads.slice(0, READS_SHOWN);
    send(
      res,
      ctx,
      m('title'),
      html`<p class="utrecht-paragraph"><a class="utrecht-link omslag-back" href="/zaken/${row.id}/status">${m('back')}</a></p>
<h1 class="utrecht-heading-1">${m('title')}</h1>
<p class="utrecht-paragraph">${m('intro')}</p>
${
  shown.length
    ? html`<ol class="omslag-cards" aria-label="${m('caption', { reference: row.reference })}">${shown.map(
        (r) => html`<li class="omslag-card"><h2 class="utrecht-heading-3">${readerName(r, lang)}</h2>
<dl class="omslag-summary">
<div class="omslag-summary__row"><dt class="omslag-summary__key">${m('when')}</dt><dd class="omslag-summary__value"><time datetime="${r.at}">${when(r.at, lang)}</time></dd></div>
<div class="omslag-summary__row"><dt class="omslag-summary__key">${m('which')}</dt><dd class="omslag-summary__value">${dataText(r.data, lang)}</dd></div>
<div class="omslag-summary__row"><dt class="omslag-summary__key">${m('why')}</dt><dd class="omslag-summary__value">${purposeText(r.purpose, lang)}</dd></div>
</dl></li>`,
      )}</ol>
${reads.length > READS_SHOWN ? html`<p class="utrecht-paragraph">${m('more', { n: READS_SHOWN })}</p>` : ''}`
    : html`<p class="utrecht-paragraph">${m('empty')}</p>`
}`,
    );
  });
}
