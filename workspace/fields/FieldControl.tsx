import type { Lang, Messages } from '../messages.js';
import type { OutcomeField } from '../types.js';
import { FieldFrame } from '../../browser/fields/FieldFrame.js';
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
          <span className="omslag-visually-hidden">{t.errorPrefix} </span>
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
  const invalid = errorId ? ' werkplek-field--invalid' : '';
  return (
    <FieldFrame
      group={!!input.group}
      htmlFor={id}
      describedBy={describedBy}
      className={`utrecht-form-field werkplek-field${invalid}`}
      groupClassName={`utrecht-form-fieldset werkplek-field${invalid}`}
      labelClassName="utrecht-form-label"
      legendClassName="utrecht-form-fieldset__legend utrecht-form-label"
      label={label}
      help={help}
      control={control}
    />
  );
}
