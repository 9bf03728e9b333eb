import type { ReactElement } from 'react';
import { fieldKind, fieldTypes, t, type FieldType, type Lang, type Text } from '../../runtime/model/index.js';

// One input per field type, registered once (form-js style) and shared by the
// designer's simulation and the workspace's outcome form: they ask the
// registry, never compare the type. Values stay as typed (money "1.850,00",
// yes-no "true"); the engine (or the simulation) parses and checks them with
// the field kinds of runtime/model/fields.

/** A document added to a file question: what the engine checks (the bytes stay in the browser). */
export type FileAnswer = { name: string; type: string; size: number };
export type FieldValue = string | string[] | FileAnswer | undefined;

/** A field as an input needs it: its options' labels may be texts in both languages or already in the reader's. */
export type InputField = {
  id: string;
  type: string;
  options?: { value: string; label: Text }[];
  min?: unknown;
  max?: unknown;
};

export type FieldInputProps = {
  field: InputField;
  id: string;
  /** The form control's name (default: the field id). */
  name?: string;
  value: FieldValue;
  onChange(value: FieldValue): void;
  invalid: boolean;
  describedBy?: string;
  lang: Lang;
  /** The app's prefix for its layout classes (`werkplek` gives werkplek-width-s, werkplek-options, …). */
  prefix: string;
};
export type FieldInput = {
  /** Several inputs (radios, checkboxes): wrapped in a fieldset whose legend is the label. */
  group?: boolean;
  empty: FieldValue;
  render(props: FieldInputProps): ReactElement;
};

type BoxOptions = {
  type?: string;
  inputMode?: 'text' | 'numeric' | 'decimal' | 'email' | 'tel';
  width?: 's' | 'm' | 'l';
  autoComplete?: string;
  sign?: string;
};
const asText = (v: FieldValue) => (Array.isArray(v) ? v.join(', ') : typeof v === 'string' ? v : '');
/** A date bound the browser understands (a bound like "today" is left to the engine). */
const isoBound = (b: unknown) => (typeof b === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(b) ? b : undefined);

function textbox(o: BoxOptions = {}): FieldInput {
  return {
    empty: '',
    render: ({ field, id, name, value, onChange, invalid, describedBy, prefix }) => {
      const input = (
        <input
          id={id}
          name={name ?? field.id}
          type={o.type ?? 'text'}
          inputMode={o.inputMode}
          autoComplete={o.autoComplete ?? 'off'}
          spellCheck={false}
          className={`utrecht-textbox utrecht-textbox--html-input ${prefix}-input ${prefix}-width-${o.width ?? 'l'}${invalid ? ' utrecht-textbox--invalid' : ''}`}
          min={isoBound(field.min)}
          max={isoBound(field.max)}
          value={asText(value)}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
        />
      );
      return o.sign ? (
        <div className={`${prefix}-prefixed`}>
          <span aria-hidden="true">{o.sign}</span>
          {input}
        </div>
      ) : (
        input
      );
    },
  };
}

/** A date box: the browser's date picker gives YYYY-MM-DD, and takes the bounds that are dates. */
const dateBox = textbox({ type: 'date', width: 's' });
// Only a date box takes the bounds as min/max attributes (for a number they mean a value, for text a length).
const plainBox = (o: BoxOptions = {}): FieldInput => {
  const box = textbox(o);
  return { ...box, render: (p) => box.render({ ...p, field: { ...p.field, min: undefined, max: undefined } }) };
};

const textarea: FieldInput = {
  empty: '',
  render: ({ field, id, name, value, onChange, invalid, describedBy, prefix }) => (
    <textarea
      id={id}
      name={name ?? field.id}
      rows={5}
      className={`utrecht-textarea utrecht-textarea--html-textarea ${prefix}-input${invalid ? ' utrecht-textarea--invalid' : ''}`}
      value={asText(value)}
      onChange={(e) => onChange(e.target.value)}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
    />
  ),
};

const file: FieldInput = {
  empty: undefined,
  render: ({ field, id, name, onChange, invalid, describedBy, prefix }) => (
    <input
      id={id}
      name={name ?? field.id}
      type="file"
      className={`${prefix}-file`}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
      onChange={(e) => {
        const f = e.target.files?.[0];
        onChange(f ? { name: f.name, type: f.type || 'application/octet-stream', size: f.size } : undefined);
      }}
    />
  ),
};

type Option = { value: string; label: Text };
function options(kind: 'radio' | 'checkbox', list: (field: InputField) => Option[]): FieldInput {
  return {
    group: true,
    empty: kind === 'checkbox' ? [] : '',
    render: (p) => {
      const selected = new Set(
        Array.isArray(p.value) ? p.value : typeof p.value === 'string' && p.value ? [p.value] : [],
      );
      const toggle = (v: string, on: boolean) => {
        if (kind === 'radio') return p.onChange(v);
        const next = new Set(selected);
        if (on) next.add(v);
        else next.delete(v);
        p.onChange([...next]);
      };
      return (
        <div className={`${p.prefix}-options`}>
          {list(p.field).map((o, i) => {
            const id = i ? `${p.id}-${i}` : p.id;
            return (
              <div key={o.value} className={`utrecht-form-field utrecht-form-field--${kind} ${p.prefix}-option`}>
                <input
                  id={id}
                  type={kind}
                  name={p.name ?? p.field.id}
                  value={o.value}
                  checked={selected.has(o.value)}
                  onChange={(e) => toggle(o.value, e.target.checked)}
                  className={
                    kind === 'radio'
                      ? 'utrecht-radio-button utrecht-radio-button--html-input'
                      : 'utrecht-checkbox utrecht-checkbox--html-input'
                  }
                  aria-invalid={p.invalid || undefined}
                />
                <label className={`utrecht-form-label utrecht-form-label--${kind}`} htmlFor={id}>
                  {t(o.label, p.lang)}
                </label>
              </div>
            );
          })}
        </div>
      );
    },
  };
}

const ownOptions = (field: InputField) => field.options ?? [];
// Yes and no as the field kind offers them (values "true" and "false").
const yesNo = (field: InputField) => fieldKind('yes-no').choices?.({ id: field.id, label: '', type: 'yes-no' }) ?? [];

/** Every field type's input, registered once (exhaustive: a new field type that is not here does not compile). */
export const fieldInputs: Record<FieldType, FieldInput> = {
  text: plainBox(),
  textarea,
  number: plainBox({ inputMode: 'decimal', width: 's' }),
  money: plainBox({ inputMode: 'decimal', width: 's', sign: '€' }),
  date: dateBox,
  email: plainBox({ type: 'email', inputMode: 'email', width: 'm' }),
  phone: plainBox({ type: 'tel', inputMode: 'tel', width: 'm' }),
  postcode: plainBox({ width: 's' }),
  bsn: plainBox({ inputMode: 'numeric', width: 's' }),
  iban: plainBox({ width: 'm' }),
  choice: options('radio', ownOptions),
  'multi-choice': options('checkbox', ownOptions),
  'yes-no': options('radio', yesNo),
  file,
};

/** The input for a field type; a type this browser does not know gets a text box (the engine still checks the answer). */
export function fieldInput(type: string): FieldInput {
  const known = fieldTypes.find((ft) => ft === type);
  return fieldInputs[known ?? 'text'];
}
