import type { ReactElement } from 'react';
import type { Messages } from '../messages.js';
import type { OutcomeField } from '../types.js';

// One input per field type, registered once (form-js style): the outcome form
// asks the registry, never switches on the type. Values stay text as typed;
// the engine parses and checks them (money "1.850,00", yes-no "true").

export type FieldValue = string | string[];
export type FieldInputProps = {
  field: OutcomeField;
  id: string;
  value: FieldValue;
  onChange(value: FieldValue): void;
  invalid: boolean;
  describedBy?: string;
  t: Messages;
};
export type FieldInput = {
  type: string;
  /** Several inputs (radios, checkboxes): wrapped in a fieldset whose legend is the label. */
  group?: boolean;
  empty: FieldValue;
  render(props: FieldInputProps): ReactElement;
};

const registry = new Map<string, FieldInput>();
const register = (...inputs: FieldInput[]) => inputs.forEach((i) => registry.set(i.type, i));

/** The input for a field type; unknown types get a text box (the engine still checks the answer). */
export const fieldInput = (type: string): FieldInput => registry.get(type) ?? registry.get('text')!;

type BoxOptions = { type?: string; inputMode?: 'text' | 'numeric' | 'decimal' | 'email' | 'tel'; width?: 's' | 'm' | 'l'; autoComplete?: string; prefix?: string };
const asText = (v: FieldValue) => (Array.isArray(v) ? v.join(', ') : v);
/** A date bound the browser understands (a bound like "today" is left to the engine). */
const isoBound = (b: unknown) => (typeof b === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(b) ? b : undefined);

function textbox(type: string, o: BoxOptions = {}): FieldInput {
  return {
    type,
    empty: '',
    render: ({ field, id, value, onChange, invalid, describedBy }) => {
      const input = (
        <input id={id} name={field.id} type={o.type ?? 'text'} inputMode={o.inputMode} autoComplete={o.autoComplete ?? 'off'} spellCheck={false}
          className={`utrecht-textbox utrecht-textbox--html-input werkplek-width-${o.width ?? 'l'}${invalid ? ' utrecht-textbox--invalid' : ''}`}
          min={o.type === 'date' ? isoBound(field.min) : undefined} max={o.type === 'date' ? isoBound(field.max) : undefined}
          value={asText(value)} onChange={(e) => onChange(e.target.value)} aria-invalid={invalid || undefined} aria-describedby={describedBy} />
      );
      return o.prefix ? <div className="werkplek-prefixed"><span aria-hidden="true">{o.prefix}</span>{input}</div> : input;
    },
  };
}

const textarea: FieldInput = {
  type: 'textarea',
  empty: '',
  render: ({ field, id, value, onChange, invalid, describedBy }) => (
    <textarea id={id} name={field.id} rows={5} className={`utrecht-textarea utrecht-textarea--html-textarea${invalid ? ' utrecht-textarea--invalid' : ''}`}
      value={asText(value)} onChange={(e) => onChange(e.target.value)} aria-invalid={invalid || undefined} aria-describedby={describedBy} />
  ),
};

type Option = { value: string; label: string };
function options(type: string, kind: 'radio' | 'checkbox', list: (p: FieldInputProps) => Option[]): FieldInput {
  return {
    type,
    group: true,
    empty: kind === 'checkbox' ? [] : '',
    render: (p) => {
      const selected = new Set(Array.isArray(p.value) ? p.value : p.value ? [p.value] : []);
      const toggle = (v: string, on: boolean) => {
        if (kind === 'radio') return p.onChange(v);
        const next = new Set(selected);
        if (on) next.add(v);
        else next.delete(v);
        p.onChange([...next]);
      };
      return (
        <div className="werkplek-options">
          {list(p).map((o, i) => {
            const id = i ? `${p.id}-${i}` : p.id;
            return (
              <div key={o.value} className={`utrecht-form-field utrecht-form-field--${kind} werkplek-option`}>
                <input id={id} type={kind} name={p.field.id} value={o.value} checked={selected.has(o.value)} onChange={(e) => toggle(o.value, e.target.checked)}
                  className={kind === 'radio' ? 'utrecht-radio-button utrecht-radio-button--html-input' : 'utrecht-checkbox utrecht-checkbox--html-input'}
                  aria-invalid={p.invalid || undefined} />
                <label className={`utrecht-form-label utrecht-form-label--${kind}`} htmlFor={id}>{o.label}</label>
              </div>
            );
          })}
        </div>
      );
    },
  };
}

register(
  textbox('text'),
  textarea,
  textbox('number', { inputMode: 'decimal', width: 's' }),
  textbox('money', { inputMode: 'decimal', width: 's', prefix: '€' }),
  textbox('date', { type: 'date', width: 's' }),
  textbox('email', { type: 'email', inputMode: 'email', width: 'm' }),
  textbox('phone', { type: 'tel', inputMode: 'tel', width: 'm' }),
  textbox('postcode', { width: 's' }),
  textbox('iban', { width: 'm' }),
  textbox('bsn', { inputMode: 'numeric', width: 's' }),
  options('choice', 'radio', (p) => p.field.options ?? []),
  options('multi-choice', 'checkbox', (p) => p.field.options ?? []),
  options('yes-no', 'radio', (p) => [{ value: 'true', label: p.t.yes }, { value: 'false', label: p.t.no }]),
);
