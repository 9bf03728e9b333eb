import type { Lang, Messages } from '../messages.js';
import type { OutcomeField } from '../types.js';
import { fieldInput, type FieldValue } from '../../browser/fields/registry.js';

type Props = {
  field: OutcomeField;
  value: FieldValue;
  onChange(value: FieldValue): void;
  errors?: string[];
  t: Messages;
  lang: Lang;
};

/** One field of an outcome: label (or legend), hint, the error at the field, the input. */
export function FieldControl({ field, value, onChange, errors, t, lang }: Props) {
  const input = fieldInput(field.type);
  const id = `veld-${field.id}`;
  const hintId = field.hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-fout` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const label = (
    <>
      {field.label}
      {!field.required && <span className="werkplek-optional"> {t.optional}</span>}
    </>
  );
  const help = (
    <>
      {field.hint && (
        <div className="utrecht-form-field-description" id={hintId}>
          {field.hint}
        </div>
      )}
      {errorId && (
        <p className="utrecht-form-field-error-message" id={errorId}>
          <span className="werkplek-visually-hidden">{t.errorPrefix} </span>
          {errors!.join(' ')}
        </p>
      )}
    </>
  );
  const control = input.render({
    field,
    id,
    value,
    onChange,
    invalid: !!errorId,
    describedBy: input.group ? undefined : describedBy,
    lang,
    prefix: 'werkplek',
  });
  if (input.group) {
    return (
      <fieldset
        className={`utrecht-form-fieldset werkplek-field${errorId ? ' werkplek-field--invalid' : ''}`}
        aria-describedby={describedBy}
      >
        <legend className="utrecht-form-fieldset__legend utrecht-form-label">{label}</legend>
        {help}
        {control}
      </fieldset>
    );
  }
  return (
    <div className={`utrecht-form-field werkplek-field${errorId ? ' werkplek-field--invalid' : ''}`}>
      <label className="utrecht-form-label" htmlFor={id}>
        {label}
      </label>
      {help}
      {control}
    </div>
  );
}
