import { t, type Field, type FieldType, type Lang } from '../model/index.js';
import { html, type Html } from './html.js';
import { msg } from './i18n.js';

/** What a field renderer gets: the field, its current value as the form shows it, and its error. */
/** `heading`: the question is the page's heading (one question per page). */
export type FieldInput = {
  field: Field;
  value: unknown;
  error?: string;
  lang: Lang;
  condition?: Condition;
  heading?: boolean;
};
/**
 * How the citizen pages ask one kind of field: the HTML, and (when not one
 * plain value) how to read the posted answer back, how many form parts it
 * posts, and the options it shows with their labels.
 */
type Renderer = ((input: FieldInput) => Html) & {
  read?(field: Field, body: Record<string, unknown>): unknown;
  parts?(field: Field): number;
  choices?(field: Field, lang: Lang): { value: string; label: string }[];
};
const renderer = (
  render: (input: FieldInput) => Html,
  more: Pick<Renderer, 'read' | 'parts' | 'choices'> = {},
): Renderer => Object.assign(render, more);

/** A simple showIf (`name = value`) the optional script can follow live; others are decided on the server only. */
export type Condition = { field: string; value: string; label: string; valueLabel: string };

export const inputId = (id: string) => `f-${id}`;
const hintId = (id: string) => `f-${id}-hint`;
const errorId = (id: string) => `f-${id}-fout`;

function describedBy(field: Field, error: string | undefined, condition?: Condition) {
  const ids = [field.hint || condition ? hintId(field.id) : '', error ? errorId(field.id) : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function labelText(field: Field, lang: Lang): Html {
  return html`${t(field.label, lang)}${field.required ? '' : html` <span class="omslag-optional">${msg('optional', lang)}</span>`}`;
}

function hintAndError({ field, error, lang, condition }: FieldInput): Html {
  const hint = [
    t(field.hint, lang),
    condition ? msg('onlyIf', lang, { label: condition.label, value: condition.valueLabel }) : '',
  ]
    .filter(Boolean)
    .join(' ');
  return html`${hint ? html`<div class="utrecht-form-field-description" id="${hintId(field.id)}">${hint}</div>` : ''}${
    error
      ? html`<p class="utrecht-form-field-error-message" id="${errorId(field.id)}"><span class="omslag-visually-hidden">${msg('errorPrefix', lang)} </span>${error}</p>`
      : ''
  }`;
}

function wrap(input: FieldInput, inner: Html, opts: { fieldset?: boolean } = {}): Html {
  const { field, error, condition } = input;
  const cls = `utrecht-form-field${error ? ' utrecht-form-field--invalid' : ''} omslag-field`;
  const data = condition ? html` data-show-if-field="${condition.field}" data-show-if-value="${condition.value}"` : '';
  if (opts.fieldset) {
    return html`<div class="${cls}"${data}><fieldset class="utrecht-form-fieldset${error ? ' utrecht-form-fieldset--invalid' : ''}" ${describedBy(field, error, condition) ? html`aria-describedby="${describedBy(field, error, condition)}"` : ''}>
<legend class="utrecht-form-fieldset__legend utrecht-form-label">${input.heading ? html`<h1 class="utrecht-heading-1">${labelText(field, input.lang)}</h1>` : labelText(field, input.lang)}</legend>
${hintAndError(input)}${inner}</fieldset></div>`;
  }
  const label = html`<label class="utrecht-form-label" for="${inputId(field.id)}">${labelText(field, input.lang)}</label>`;
  return html`<div class="${cls}"${data}>${input.heading ? html`<h1 class="utrecht-heading-1">${label}</h1>` : label}
${hintAndError(input)}${inner}</div>`;
}

function inputAttrs({ field, error, condition }: FieldInput): Html {
  const d = describedBy(field, error, condition);
  return html`id="${inputId(field.id)}" name="${field.id}"${field.required ? html` aria-required="true"` : ''}${error ? html` aria-invalid="true"` : ''}${d ? html` aria-describedby="${d}"` : ''}`;
}

const asText = (v: unknown) =>
  v === null || v === undefined ? '' : Array.isArray(v) ? '' : typeof v === 'object' ? '' : String(v);

function textInput(type: string, extra: { inputmode?: string; autocomplete?: string; width?: string } = {}): Renderer {
  return (input) =>
    wrap(
      input,
      html`<input class="utrecht-textbox utrecht-textbox--html-input${input.error ? ' utrecht-textbox--invalid' : ''} omslag-width-${extra.width ?? 'l'}" type="${type}" ${inputAttrs(input)} value="${asText(input.value)}"${extra.inputmode ? html` inputmode="${extra.inputmode}"` : ''}${extra.autocomplete ? html` autocomplete="${extra.autocomplete}"` : ''} spellcheck="false">`,
    );
}

const textarea: Renderer = (input) =>
  wrap(
    input,
    html`<textarea class="utrecht-textarea utrecht-textarea--html-textarea${input.error ? ' utrecht-textarea--invalid' : ''}" rows="5" ${inputAttrs(input)}>${asText(input.value)}</textarea>`,
  );

const money: Renderer = (input) =>
  wrap(
    input,
    html`<div class="omslag-prefixed"><span class="omslag-prefix" aria-hidden="true">€</span><input class="utrecht-textbox utrecht-textbox--html-input${input.error ? ' utrecht-textbox--invalid' : ''} omslag-width-s" type="text" inputmode="decimal" ${inputAttrs(input)} value="${typeof input.value === 'number' ? input.value.toFixed(2).replace('.', ',') : asText(input.value)}"></div>`,
  );

/** A date as three inputs (day, month, year), the accessible pattern. */
const dateInput = (input: FieldInput): Html => {
  const v = input.value;
  let parts = { day: '', month: '', year: '' };
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v))
    parts = { year: v.slice(0, 4), month: String(Number(v.slice(5, 7))), day: String(Number(v.slice(8, 10))) };
  else if (v && typeof v === 'object') parts = { ...parts, ...(v as typeof parts) };
  const id = input.field.id;
  const part = (
    key: 'day' | 'month' | 'year',
    label: string,
    width: string,
    autocomplete: string,
  ) => html`<div class="omslag-date__part">
<label class="utrecht-form-label" for="${inputId(id)}${key === 'day' ? '' : `-${key}`}">${label}</label>
<input class="utrecht-textbox utrecht-textbox--html-input${input.error ? ' utrecht-textbox--invalid' : ''} omslag-width-${width}" type="text" inputmode="numeric" id="${inputId(id)}${key === 'day' ? '' : `-${key}`}" name="${id}-${key}" value="${parts[key]}"${input.error ? html` aria-invalid="true"` : ''} autocomplete="${autocomplete}"></div>`;
  return wrap(
    input,
    html`<div class="omslag-date">${part('day', msg('day', input.lang), 'xs', 'off')}${part('month', msg('month', input.lang), 'xs', 'off')}${part('year', msg('year', input.lang), 's', 'off')}</div>`,
    { fieldset: true },
  );
};
const date = renderer(dateInput, {
  read(field: Field, body: Record<string, unknown>) {
    const [day, month, year] = ['day', 'month', 'year'].map((k) => String(body[`${field.id}-${k}`] ?? '').trim());
    return day || month || year ? { day, month, year } : undefined;
  },
  parts: () => 3,
});

function options(input: FieldInput, type: 'radio' | 'checkbox', list: { value: string; label: string }[]): Html {
  const selected = new Set(
    (Array.isArray(input.value) ? input.value : [input.value]).map((x) =>
      typeof x === 'boolean' ? (x ? 'ja' : 'nee') : asText(x),
    ),
  );
  return html`<div class="omslag-options">${list.map(
    (o, i) => html`<div class="utrecht-form-field utrecht-form-field--${type} omslag-option">
<input class="utrecht-${type} utrecht-${type}--html-input" type="${type}" id="${inputId(input.field.id)}${i ? `-${i}` : ''}" name="${input.field.id}" value="${o.value}"${selected.has(o.value) ? html` checked` : ''}${input.error ? html` aria-invalid="true"` : ''}>
<label class="utrecht-form-label utrecht-form-label--${type}" for="${inputId(input.field.id)}${i ? `-${i}` : ''}">${o.label}</label></div>`,
  )}</div>`;
}

const fieldOptions = (field: Field, lang: Lang) =>
  (field.options ?? []).map((o) => ({ value: o.value, label: t(o.label, lang) }));
const yesNo = (_field: Field, lang: Lang) => [
  { value: 'ja', label: msg('yes', lang) },
  { value: 'nee', label: msg('no', lang) },
];
/** Radios or checkboxes for the options of a field. */
function choices(
  type: 'radio' | 'checkbox',
  list: (field: Field, lang: Lang) => { value: string; label: string }[],
): Renderer {
  const render = (input: FieldInput) =>
    wrap(input, options(input, type, list(input.field, input.lang)), { fieldset: true });
  if (type === 'radio') return renderer(render, { choices: list });
  return renderer(render, {
    choices: list,
    read: (field: Field, body: Record<string, unknown>) => {
      const v = body[field.id];
      return v === undefined ? [] : Array.isArray(v) ? v : [v];
    },
    parts: (field: Field) => Math.max(1, field.options?.length ?? 0),
  });
}

const file: Renderer = renderer(
  (input) =>
    wrap(
      input,
      html`<input class="omslag-file" type="file" ${inputAttrs(input)} accept=".pdf,.jpg,.jpeg,.png,.heic,.txt">${input.value && typeof input.value === 'object' && 'name' in (input.value as object) ? html`<p class="utrecht-paragraph">${(input.value as { name: string }).name}</p>` : ''}`,
    ),
  { parts: () => 0 },
);

/** One renderer per field type, registered once. */
export const fieldRenderers: Record<FieldType, Renderer> = {
  text: textInput('text'),
  textarea,
  number: textInput('text', { inputmode: 'decimal', width: 's' }),
  money,
  date,
  email: textInput('email', { autocomplete: 'email' }),
  phone: textInput('tel', { autocomplete: 'tel', width: 'm' }),
  postcode: textInput('text', { autocomplete: 'postal-code', width: 's' }),
  bsn: textInput('text', { inputmode: 'numeric', width: 'm' }),
  iban: textInput('text', { width: 'l' }),
  choice: choices('radio', fieldOptions),
  'multi-choice': choices('checkbox', fieldOptions),
  'yes-no': choices('radio', yesNo),
  file,
};

/** Reads a field's answer from a posted form: dates from their three parts, choices as lists. */
export function readField(field: Field, body: Record<string, unknown>): unknown {
  const read = fieldRenderers[field.type].read;
  if (read) return read(field, body);
  const v = body[field.id];
  return Array.isArray(v) ? v[0] : v;
}

/** How many text parts a field's answer posts in a form (a date three, a multi-choice one per option, a file none). */
export const formParts = (field: Field): number => fieldRenderers[field.type].parts?.(field) ?? 1;

/**
 * A showIf of the simple form `other = "x"` / `other = true` on a field of
 * the same page, with labels to explain it when the script does not run.
 */
export function simpleCondition(field: Field, pageFields: Field[], lang: Lang): Condition | undefined {
  if (!field.showIf) return undefined;
  const m = /^\s*([A-Za-z][A-Za-z0-9_]*)\s*=\s*(?:"([^"]*)"|(true|false))\s*$/.exec(field.showIf);
  const other = m && pageFields.find((f) => f.id === m[1]);
  // Any other showIf on this page: the field is shown and the server decides on submit.
  if (!m || !other) return undefined;
  const value = m[2] ?? (m[3] === 'true' ? 'ja' : 'nee');
  const valueLabel = fieldRenderers[other.type].choices?.(other, lang).find((o) => o.value === value)?.label || value;
  return { field: other.id, value, label: t(other.label, lang), valueLabel };
}
