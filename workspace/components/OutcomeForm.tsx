import { useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../api.js';
import { useWorkspace } from '../context.js';
import { FieldControl } from '../fields/FieldControl.js';
import { fieldInput, type FieldValue } from '../../browser/fields/registry.js';
import type { Outcome, OutcomeField } from '../types.js';
import { ErrorSummary } from '../../browser/ui/ErrorSummary.js';

export type CompleteBody = { outcome: string; data?: Record<string, unknown>; message?: string };

type Props = {
  outcomes: Outcome[];
  /** Contact tasks have no message to the citizen: the official talks to them. */
  withMessage: boolean;
  busy: boolean;
  /** Sends the decision; throws an ApiError for a 422, handles everything else itself. */
  onComplete(body: CompleteBody): Promise<void>;
};

const isEmpty = (v: FieldValue) =>
  v === undefined || (Array.isArray(v) ? v.length === 0 : typeof v === 'string' && v.trim() === '');

/** The reason the citizen will read, as the engine takes it: the first free-text answer filled in. */
function reasonOf(fields: OutcomeField[], values: Record<string, FieldValue>): string | null {
  for (const f of fields) {
    const v = values[f.id];
    if (f.freeText && typeof v === 'string' && v.trim()) return v.trim();
  }
  return null;
}

/**
 * What the citizen will receive, exactly, as the official types: the
 * decision, the reason under "Waarom is dit besloten?" (the reason field,
 * else the message), and the message as a message of its own.
 */
function CitizenPreview({
  outcome,
  reason,
  message,
}: {
  outcome: string;
  reason: string | null;
  message: string | null;
}) {
  const { t } = useWorkspace();
  return (
    <section className="werkplek-preview" aria-labelledby="voorbeeld-titel" data-testid="citizen-preview">
      <h4 className="utrecht-heading-4" id="voorbeeld-titel">
        {t.previewTitle}
      </h4>
      <dl className="werkplek-preview__list">
        <div>
          <dt>{t.previewDecision}</dt>
          <dd>{outcome}</dd>
        </div>
        <div>
          <dt>{t.previewWhy}</dt>
          <dd className="werkplek-pre">{reason ?? t.previewNoReason}</dd>
        </div>
        <div>
          <dt>{t.previewMessage}</dt>
          <dd className="werkplek-pre">{message ?? t.previewNoMessage}</dd>
        </div>
      </dl>
    </section>
  );
}

/**
 * The decision: one of the handoff's outcomes, that outcome's own fields,
 * and a message to the citizen, with a preview of what the citizen will
 * receive. Required fields are checked by the engine:
 * its field errors (422) are shown at the fields and in a summary.
 */
export function OutcomeForm({ outcomes, withMessage, busy, onComplete }: Props) {
  const { t, lang } = useWorkspace();
  const [chosen, setChosen] = useState(outcomes.length === 1 ? outcomes[0].id : '');
  const [values, setValues] = useState<Record<string, FieldValue>>({});
  const [message, setMessage] = useState('');
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [extra, setExtra] = useState<string | null>(null);
  const summary = useRef<HTMLDivElement>(null);
  const outcome = outcomes.find((o) => o.id === chosen);
  const fields = outcome?.fields ?? [];

  const showErrors = (fieldErrors: Record<string, string[]>, other: string | null) => {
    setErrors(fieldErrors);
    setExtra(other);
    requestAnimationFrame(() => summary.current?.focus());
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (!outcome) return showErrors({ outcome: [t.pickOutcome] }, null);
    const data: Record<string, unknown> = {};
    for (const f of fields) if (!isEmpty(values[f.id])) data[f.id] = values[f.id];
    const body: CompleteBody = { outcome: outcome.id };
    if (fields.length || Object.keys(data).length) body.data = data;
    if (withMessage && message.trim()) body.message = message.trim();
    setErrors({});
    setExtra(null);
    try {
      await onComplete(body);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const fieldErrors = error.fieldErrors();
      showErrors(fieldErrors, Object.keys(fieldErrors).length ? null : error.message);
    }
  };

  const labels: Record<string, string> = { outcome: t.chooseOutcome, message: t.messageToCitizen };
  for (const f of fields) labels[f.id] = f.label;
  const single = outcomes.length === 1;

  return (
    <form className="werkplek-form" onSubmit={submit} noValidate aria-labelledby="besluit-titel">
      <h3 className="utrecht-heading-3" id="besluit-titel">
        {t.decision}
      </h3>
      <ErrorSummary ref={summary} title={t.errorSummary} errors={errors} labels={labels} extra={extra} level={4} />
      {!single && (
        <fieldset
          className={`utrecht-form-fieldset werkplek-field${errors.outcome ? ' werkplek-field--invalid' : ''}`}
          aria-describedby={errors.outcome ? 'veld-outcome-fout' : undefined}
        >
          <legend className="utrecht-form-fieldset__legend utrecht-form-label">{t.chooseOutcome}</legend>
          {errors.outcome && (
            <p className="utrecht-form-field-error-message" id="veld-outcome-fout">
              <span className="omslag-visually-hidden">{t.errorPrefix} </span>
              {errors.outcome.join(' ')}
            </p>
          )}
          <div className="werkplek-options">
            {outcomes.map((o, i) => (
              <div key={o.id} className="utrecht-form-field utrecht-form-field--radio werkplek-option">
                <input
                  id={i ? `veld-outcome-${i}` : 'veld-outcome'}
                  type="radio"
                  name="outcome"
                  value={o.id}
                  checked={chosen === o.id}
                  className="utrecht-radio-button utrecht-radio-button--html-input"
                  onChange={() => setChosen(o.id)}
                  aria-describedby={o.fourEyes ? `vier-ogen-${i}` : undefined}
                />
                <label
                  className="utrecht-form-label utrecht-form-label--radio"
                  htmlFor={i ? `veld-outcome-${i}` : 'veld-outcome'}
                >
                  {o.label}
                </label>
                {o.fourEyes && (
                  <span className="werkplek-option__hint" id={`vier-ogen-${i}`}>
                    {t.fourEyesHint}
                  </span>
                )}
              </div>
            ))}
          </div>
        </fieldset>
      )}
      {fields.map((f) => (
        <FieldControl
          key={`${chosen}:${f.id}`}
          field={f}
          t={t}
          lang={lang}
          value={values[f.id] ?? fieldInput(f.type).empty}
          errors={errors[f.id]}
          onChange={(v) => setValues((prev) => ({ ...prev, [f.id]: v }))}
        />
      ))}
      {withMessage && (
        <FieldControl
          field={{
            id: 'message',
            label: t.messageToCitizen,
            type: 'textarea',
            required: false,
            hint: t.messageHint,
            freeText: true,
          }}
          t={t}
          lang={lang}
          value={message}
          errors={errors.message}
          onChange={(v) => setMessage(typeof v === 'string' ? v : '')}
        />
      )}
      {withMessage && outcome && (
        <CitizenPreview
          outcome={outcome.label}
          reason={reasonOf(fields, values) ?? (message.trim() || null)}
          message={message.trim() || null}
        />
      )}
      <button type="submit" className="utrecht-button utrecht-button--primary-action" aria-disabled={busy || undefined}>
        {single && !withMessage ? outcome!.label : outcome?.fourEyes ? t.submitProposal : t.submitDecision}
      </button>
    </form>
  );
}
