import { useId, useState, type FormEvent } from 'react';
import { isShown, t as text, type Field } from '../../runtime/model/index.js';
import { useDesigner } from '../context.js';
import { roughValues } from './rough-values.js';

type Props = { fields: Field[]; data: Record<string, unknown>; errors: Record<string, string[]>; submitLabel: string; onSubmit(raw: Record<string, unknown>): void };

/**
 * The questions of a step as a simple form, answered as the citizen would.
 * Answers go to the simulation as typed; it validates them with the same
 * field kinds as the server, and its errors show at the fields. A question
 * whose showIf does not hold is not shown.
 */
export function AnswerForm({ fields, data, errors, submitLabel, onSubmit }: Props) {
  const { t, lang } = useDesigner();
  const id = useId();
  const [raw, setRaw] = useState<Record<string, unknown>>({});
  const set = (fid: string, v: unknown) => setRaw((r) => ({ ...r, [fid]: v }));
  const scope = { ...data, ...roughValues(fields, raw) };
  const shown = fields.filter((f) => { try { return isShown(f, scope); } catch { return true; } });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const answers: Record<string, unknown> = {};
    for (const f of shown) if (raw[f.id] !== undefined && raw[f.id] !== '') answers[f.id] = raw[f.id];
    onSubmit(answers);
  };
  return (
    <form className="ontwerp-answer-form" onSubmit={submit} noValidate>
      {errors._ && <p className="utrecht-alert utrecht-alert--error ontwerp-alert" role="alert">{errors._.join(' ')}</p>}
      {shown.map((f) => {
        const fid = `${id}-${f.id}`;
        const label = text(f.label, lang) || f.id;
        const error = errors[f.id];
        const hint = f.hint ? text(f.hint, lang) : '';
        const describe = [hint ? `${fid}-hint` : '', error ? `${fid}-error` : ''].filter(Boolean).join(' ') || undefined;
        const options = f.type === 'yes-no' ? [{ value: 'true', label: t.yes }, { value: 'false', label: t.no }] : (f.options ?? []).map((o) => ({ value: o.value, label: text(o.label, lang) }));
        const head = (
          <>
            {hint && <span className="utrecht-form-field-description ontwerp-hint" id={`${fid}-hint`}>{hint}</span>}
            {error && <span className="utrecht-form-field-error-message ontwerp-field-error" id={`${fid}-error`}>{error.join(' ')}</span>}
          </>
        );
        if (f.type === 'choice' || f.type === 'yes-no' || f.type === 'multi-choice') {
          const multi = f.type === 'multi-choice';
          const value = raw[f.id];
          return (
            <fieldset key={f.id} className="ontwerp-control" aria-describedby={describe}>
              <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend ontwerp-label-text">{label}{f.required ? '' : ` ${t.optional}`}</legend>
              {head}
              {options.map((o) => (
                <label key={o.value} className="ontwerp-check">
                  <input className="utrecht-textbox utrecht-textbox--html-input" type={multi ? 'checkbox' : 'radio'} name={fid} value={o.value}
                    checked={multi ? Array.isArray(value) && value.includes(o.value) : value === o.value}
                    onChange={(e) => set(f.id, multi ? (e.target.checked ? [...((value as string[]) ?? []), o.value] : ((value as string[]) ?? []).filter((v) => v !== o.value)) : o.value)} />
                  {o.label}
                </label>
              ))}
            </fieldset>
          );
        }
        if (f.type === 'file') {
          return (
            <div key={f.id} className="ontwerp-control">
              <label htmlFor={fid} className="utrecht-form-label ontwerp-label-text">{label}</label>
              {head}
              <input id={fid} type="file" aria-describedby={describe} onChange={(e) => { const file = e.target.files?.[0]; set(f.id, file ? { name: file.name, type: file.type || 'application/octet-stream', size: file.size } : undefined); }} />
            </div>
          );
        }
        return (
          <div key={f.id} className="ontwerp-control">
            <label htmlFor={fid} className="utrecht-form-label ontwerp-label-text">{label}{f.required ? '' : ` ${t.optional}`}</label>
            {head}
            {f.type === 'textarea'
              ? <textarea id={fid} className="utrecht-textarea utrecht-textarea--html-textarea" rows={3} aria-describedby={describe} aria-invalid={error ? true : undefined} value={String(raw[f.id] ?? '')} onChange={(e) => set(f.id, e.target.value)} />
              : <input id={fid} className="utrecht-textbox utrecht-textbox--html-input" type={f.type === 'date' ? 'date' : 'text'} aria-describedby={describe} aria-invalid={error ? true : undefined} value={String(raw[f.id] ?? '')} onChange={(e) => set(f.id, e.target.value)} />}
          </div>
        );
      })}
      <div><button type="submit" className="utrecht-button utrecht-button--primary-action">{submitLabel}</button></div>
    </form>
  );
}
