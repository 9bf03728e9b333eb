import { isShown, own, t } from '../../model/index.js';
import { canSeeDrafts } from '../../auth/index.js';
import { PageError, pageContext, send, type PagesDeps } from '../context.js';
import type { PageRouter } from '../router.js';
import { fieldRenderers, simpleCondition } from '../fields.js';
import { html } from '../html.js';
import { msg } from '../i18n.js';
import { formFields } from '../journey.js';

/**
 * A form step of a draft as the citizen will see it, for the designer: the
 * same renderers and layout as the live pages, with nothing to send.
 * Only for staff who may see drafts (runtime/auth: designers and admins, by the workspace cookie).
 */
export function previewRoutes(pages: PageRouter, deps: PagesDeps) {
  const { journeys } = deps;
  pages.staff(canSeeDrafts).get('/voorbeeld/:key/:step', async (req, res) => {
    const version = typeof req.query.versie === 'string' ? Number(req.query.versie) : undefined;
    const process = await journeys.previewDefinition(req.params.key, version);
    const fields = process ? formFields(process, req.params.step) : undefined;
    if (!process || !fields) throw new PageError(404, 'notFound');
    const ctx = pageContext(req, deps, '#');
    const lang = ctx.lang;
    const step = own(process.steps, req.params.step)!;
    const asked = fields.filter((f) => isShown(f, {}) || simpleCondition(f, fields, lang) || f.showIf);
    res.set('X-Frame-Options', 'SAMEORIGIN');
    send(
      res,
      ctx,
      t(step.title, lang),
      html`<div class="utrecht-alert utrecht-alert--info" role="note"><p class="utrecht-paragraph">${msg('previewNote', lang)}</p></div>
<a class="utrecht-link omslag-back" href="#">${msg('back', lang)}</a>
<form action="#" novalidate>
<h1 class="utrecht-heading-1">${t(step.title, lang)}</h1>
${step.citizenText ? html`<p class="utrecht-paragraph">${t(step.citizenText, lang)}</p>` : ''}
${asked.map((f) => fieldRenderers[f.type]({ field: f, value: undefined, lang, condition: simpleCondition(f, fields, lang) }))}
<button type="button" class="utrecht-button utrecht-button--primary-action">${msg('next', lang)}</button>
</form>`,
      { script: asked.some((f) => simpleCondition(f, fields, lang)) },
    );
  });
}
