import { useState, type FormEvent } from 'react';
import { useWorkspace } from '../context.js';
import type { TaskDetail } from '../types.js';

type Props = { task: TaskDetail; busy: boolean; onExtend(body: { until: string; reason: string }): void };

/** The one extension of a handoff's deadline (Awb), with a reason the citizen reads. */
export function ExtendDeadline({ task, busy, onExtend }: Props) {
  const { t } = useWorkspace();
  const [until, setUntil] = useState('');
  const [reason, setReason] = useState('');
  if (task.kind !== 'handoff' || !task.dueAt) return null;
  if (task.extendedAt)
    return (
      <p className="utrecht-paragraph">
        {t.extendedOnce} {task.extensionReason}
      </p>
    );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (until && reason.trim() && !busy) onExtend({ until, reason: reason.trim() });
  };
  return (
    <details className="werkplek-details">
      <summary>{t.extend}</summary>
      <form className="werkplek-inline-form" onSubmit={submit}>
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor="verlengen-datum">
            {t.extendUntil}
          </label>
          <input
            id="verlengen-datum"
            type="date"
            required
            className="utrecht-textbox utrecht-textbox--html-input werkplek-width-m"
            value={until}
            onChange={(e) => setUntil(e.target.value)}
          />
        </div>
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor="verlengen-reden">
            {t.extendReason}
          </label>
          <div className="utrecht-form-field-description" id="verlengen-reden-hint">
            {t.extendReasonHint}
          </div>
          <textarea
            id="verlengen-reden"
            required
            maxLength={1000}
            className="utrecht-textarea"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            aria-describedby="verlengen-reden-hint"
          />
        </div>
        <button type="submit" className="utrecht-button utrecht-button--secondary-action">
          {t.extend}
        </button>
      </form>
    </details>
  );
}
