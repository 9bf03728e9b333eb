import type { Lang } from '../model/index.js';
import { html, trusted, type Html } from './html.js';
import { msg } from './i18n.js';
import { notifyCatalogues, signinCatalogues, translate } from '../i18n/index.js';
import { themeCss, type Theme } from './theme.js';
import { actingBanner, mandateText } from './acting.js';

export type PageContext = {
  lang: Lang;
  theme: Theme;
  csrf: string;
  signedIn: boolean;
  /** The current path, for the language switch (keeps the citizen's place). */
  path: string;
  /** Where "Een medewerker spreken" leads from this page. */
  personHref: string;
  /** The citizen an intermediary acts for now (their BSN), or null: every page says so. */
  acting?: string | null;
  /** The development stand-in is on: every page says that this is not a real sign-in. */
  standIn?: boolean;
};

export type ErrorList = { href: string; text: string }[];

/**
 * A form's errors as the summary lists them: in the order of the fields on the page (`order`, field ids
 * top to bottom), whatever order they were found in (a format error before a missing answer, a file's
 * problem after the rest). An error for an id not in `order` comes last. `text` makes its line.
 */
export function errorsInPageOrder(
  errors: Record<string, string[]>,
  order: readonly string[],
  text: (id: string, message: string) => string,
  href: (id: string) => string = (id) => `#f-${id}`,
): ErrorList {
  const at = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
  return Object.keys(errors)
    .filter((id) => errors[id]?.length)
    .sort((a, b) => at(a) - at(b))
    .map((id) => ({ href: href(id), text: text(id, errors[id][0]) }));
}

/** The error summary at the top of a form: each message links to its field. */
export function errorSummary(errors: ErrorList, lang: Lang): Html {
  if (!errors.length) return html``;
  return html`<div class="utrecht-alert utrecht-alert--error omslag-error-summary" role="alert" aria-labelledby="fouten-titel" tabindex="-1" id="fouten">
  <h2 class="utrecht-heading-2" id="fouten-titel">${msg('errorSummary', lang)}</h2>
  <ul class="utrecht-unordered-list">${errors.map((e) => html`<li class="utrecht-unordered-list__item"><a class="utrecht-link" href="${e.href}">${e.text}</a></li>`)}</ul>
</div>`;
}

export const csrfField = (ctx: PageContext) => html`<input type="hidden" name="_csrf" value="${ctx.csrf}">`;

/** The short optional question on the confirmation and end pages: how easy was this, and a comment. */
export function feedbackForm(ctx: PageContext, caseId: string): Html {
  const { lang } = ctx;
  const scores = (
    ['feedback.score1', 'feedback.score2', 'feedback.score3', 'feedback.score4', 'feedback.score5'] as const
  ).map((key) => msg(key, lang));
  return html`<section class="omslag-feedback" aria-labelledby="feedback-titel">
<h2 class="utrecht-heading-3" id="feedback-titel">${msg('feedback.title', lang)}</h2>
<form method="post" action="/zaken/${caseId}/feedback">${csrfField(ctx)}
<div class="utrecht-form-field"><fieldset class="utrecht-form-fieldset"><legend class="utrecht-form-fieldset__legend utrecht-form-label">${msg('feedback.score', lang)}</legend>
<div class="omslag-options">${scores.map((label, i) => html`<div class="utrecht-form-field utrecht-form-field--radio omslag-option"><input class="utrecht-radio utrecht-radio--html-input" type="radio" id="f-score-${i + 1}" name="score" value="${i + 1}"><label class="utrecht-form-label utrecht-form-label--radio" for="f-score-${i + 1}">${i + 1} – ${label}</label></div>`)}</div></fieldset></div>
<div class="utrecht-form-field"><label class="utrecht-form-label" for="f-comment">${msg('feedback.comment', lang)} <span class="omslag-optional">${msg('feedback.optional', lang)}</span></label>
<textarea class="utrecht-textarea utrecht-textarea--html-textarea" id="f-comment" name="comment" rows="3"></textarea></div>
<button type="submit" class="utrecht-button utrecht-button--secondary-action">${msg('feedback.send', lang)}</button></form></section>`;
}

function langSwitch(ctx: PageContext): Html {
  const other: Lang = ctx.lang === 'nl' ? 'en' : 'nl';
  // The same page in the other language. A path that is not plainly ours (`//host`, `/\host`) links home instead.
  const at = ctx.path.indexOf('?');
  const path = at < 0 ? ctx.path : ctx.path.slice(0, at);
  const query = new URLSearchParams(at < 0 ? '' : ctx.path.slice(at + 1));
  query.set('lang', other);
  const href = `${/^\/(?![/\\])/.test(path) ? path : '/'}?${query}`;
  return html`<a class="utrecht-link" href="${href}" lang="${other}" hreflang="${other}" aria-label="${msg('switchLangLabel', ctx.lang)}">${msg('switchLang', ctx.lang)}</a>`;
}

/** Back from signing in again after a form was kept (router.ts adds `bewaard=1` to the way back). */
const keptAnswers = (ctx: PageContext) => /[?&]bewaard=1(&|$)/.test(ctx.path) && !ctx.path.startsWith('/inloggen');

/** The page shell: skip link, header with the organisation, navigation, language switch, and a person always within reach. */
export function layout(
  ctx: PageContext,
  title: string,
  main: Html,
  opts: { errors?: boolean; script?: boolean } = {},
): string {
  const { lang, theme } = ctx;
  const page = html`<!doctype html>
<html lang="${lang}" class="utrecht-theme">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${opts.errors ? `${msg('errorPrefix', lang)} ` : ''}${title} – ${theme.name}</title>
<link rel="stylesheet" href="/static/nlds/theme.css">
<link rel="stylesheet" href="/static/nlds/components.css">
<link rel="stylesheet" href="/static/omslag.css">
${themeCss(theme) ? html`<style>${trusted(themeCss(theme))}</style>` : ''}
</head>
<body class="utrecht-page-body">
<a class="omslag-skip utrecht-link" href="#inhoud">${msg('skip', lang)}</a>
<header class="omslag-header">
  <div class="omslag-header__inner">
    <a class="omslag-brand utrecht-link" href="/">${theme.logo ? html`<img class="omslag-logo" src="/static/theme-logo" alt="${theme.logoAlt ?? msg('logoAlt', lang, { name: theme.name })}" height="40">` : theme.name}</a>
    <nav class="omslag-nav" aria-label="${msg('mainMenu', lang)}">
      <ul class="omslag-nav__list">
        <li><a class="utrecht-link" href="/">${msg('services', lang)}</a></li>
        <li><a class="utrecht-link" href="/mijn-zaken">${msg('myCases', lang)}</a></li>
        ${ctx.signedIn ? html`<li><a class="utrecht-link" href="/machtigingen">${mandateText('title', lang)}</a></li>` : ''}
        ${ctx.signedIn ? html`<li><a class="utrecht-link" href="/meldingen">${translate(notifyCatalogues, lang, 'page.nav')}</a></li>` : ''}
        <li>${langSwitch(ctx)}</li>
        <li>${
          ctx.signedIn
            ? html`<form method="post" action="/uitloggen" class="omslag-inline-form">${csrfField(ctx)}<button type="submit" class="omslag-link-button">${msg('signOut', lang)}</button></form>`
            : html`<a class="utrecht-link" href="/inloggen">${msg('signIn', lang)}</a>`
        }</li>
      </ul>
    </nav>
  </div>
  ${ctx.standIn ? html`<div class="utrecht-alert utrecht-alert--warning omslag-stand-in" role="note"><p class="utrecht-paragraph"><strong>${translate(signinCatalogues, lang, 'citizen.standIn')}</strong></p></div>` : ''}
</header>
<main id="inhoud" class="omslag-main" tabindex="-1">
${actingBanner(ctx)}
${keptAnswers(ctx) ? html`<div class="utrecht-alert utrecht-alert--ok" role="status"><p class="utrecht-paragraph">${translate(signinCatalogues, lang, 'citizen.keptBack')}</p></div>` : ''}
${main}
<aside class="omslag-person" aria-labelledby="persoon-titel">
  <h2 class="utrecht-heading-3" id="persoon-titel">${msg('needHelp', lang)}</h2>
  <p class="utrecht-paragraph"><a class="utrecht-link" href="${ctx.personHref}">${msg('person', lang)}</a>${theme.contact?.phone ? html` · ${msg('orCall', lang)} <a class="utrecht-link" href="tel:${theme.contact.phone.replace(/\s/g, '')}">${theme.contact.phone}</a>` : ''}</p>
</aside>
</main>
<footer class="omslag-footer"><p class="utrecht-paragraph">${theme.name}</p></footer>
${opts.script ? html`<script src="/static/show-if.js" defer></script>` : ''}
</body>
</html>`;
  return page.value;
}
