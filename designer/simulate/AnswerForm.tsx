import { useId, useState, type FormEvent } from 'react';
import { FieldFrame } from '../../browser/fields/FieldFrame.js';
import { isShown, t as text, type Field } from '../../runtime/model/index.js';
import { useDesigner } from '../context.js';
import { fieldInput, type FieldValue } from '../../browser/fields/registry.js';
import { roughValues } from './rough-values.js';

type Props = {
  fields: Field[];
  data: Record<string, unknown>;
  errors: Record<string, string[]>;
  submitLabel: string;
  onSubmit(raw: Record<string, unknown>): void;
};

/**
 * The questions of a step as a simple form, answered as the citizen would.
 * Answers go to the simulation as typed; it validates them with the same
 * field kinds as the server, and its errors show at the fields. A question
 * whose showIf does not hold is not shown.
 */
export function AnswerForm({ fields, data, errors, submitLabel, onSubmit }: Props) {
  const { t, lang } = useDesigner();
  const id = useId();
  const [raw, setRaw] = useState<Record<string, FieldValue>>({});
  const set = (fid: string, v: FieldValue) => setRaw((r) => ({ ...r, [fid]: v }));
  const scope = { ...data, ...roughValues(fields, raw) };
  const shown = fields.filter((f) => {
    try {
      return isShown(f, scope);
    } catch {
      return true;
    }
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const answers: Record<string, unknown> = {};
    for (const f of shown) if (raw[f.id] !== undefined && raw[f.id] !== '') answers[f.id] = raw[f.id];
    onSubmit(answers);
  };
  return (
    <form className="ontwerp-answer-form" onSubmit={submit} noValidate>
      {errors._ && (
        <p className="utrecht-alert utrecht-alert--error ontwerp-alert" role="alert">
          {errors._.join(' ')}
        </p>
      )}
      {shown.map((f) => {
        const fid = `${id}-${f.id}`;
        const label = text(f.label, lang) || f.id;
        const error = errors[f.id];
        const hint = f.hint ? text(f.hint, lang) : '';
        const describe =
          [hint ? `${fid}-hint` : '', error ? `${fid}-error` : ''].filter(Boolean).join(' ') || undefined;
        const input = fieldInput(f.type);
        const head = (
          <>
            {hint && (
              <span className="utrecht-form-field-description ontwerp-hint" id={`${fid}-hint`}>
                {hint}
              </span>
            )}
            {error && (
              <span className="utrecht-form-field-error-message ontwerp-field-error" id={`${fid}-error`}>
                {error.join(' ')}
              </span>
            )}
          </>
        );
        const control = input.render({
          field: f,
          id: fid,
          name: fid,
          value: raw[f.id] ?? input.empty,
          onChange: (v) => set(f.id, v),
          invalid: !!error,
          describedBy: input.group ? undefined : describe,
          lang,
          prefix: 'ontwerp',
        });
        return (
          <FieldFrame
            key={f.id}
            group={!!input.group}
            htmlFor={fid}
            describedBy={describe}
            className="ontwerp-control"
            labelClassName="utrecht-form-label ontwerp-label-text"
            legendClassName="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend ontwerp-label-text"
            label={`${label}${f.required ? '' : ` ${t.optional}`}`}
            help={head}
            control={control}
          />
        );
      })}
      <div>
        <button type="submit" className="utrecht-button utrecht-button--primary-action">
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
