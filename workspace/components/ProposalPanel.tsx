import { useState } from 'react';
import { PrimaryButton } from '../../browser/ui/PrimaryButton.js';
import { useWorkspace } from '../context.js';
import { formatDateTime, valueText } from '../format.js';
import type { TaskDetail } from '../types.js';

type Props = { task: TaskDetail; busy: boolean; onApprove(): void; onReject(note: string): void };

/**
 * Four eyes: an outcome that needs a second official waits here. The
 * proposer is told they cannot approve their own proposal (the API refuses too).
 */
export function ProposalPanel({ task, busy, onApprove, onReject }: Props) {
  const { t, lang, user } = useWorkspace();
  const [note, setNote] = useState('');
  const p = task.proposal!;
  const outcome = task.handoff?.outcomes.find((o) => o.id === p.outcome);
  const label = p.outcomeLabel ?? outcome?.label ?? p.outcome;
  const fieldLabel = (id: string) => outcome?.fields?.find((f) => f.id === id)?.label ?? id;
  const own = p.proposedBy === user.name;
  return (
    <section className="werkplek-proposal" aria-labelledby="voorstel-titel">
      <h3 className="utrecht-heading-3" id="voorstel-titel">
        {t.proposalTitle}
      </h3>
      <p className="utrecht-paragraph">{t.proposedBy(label, p.proposedBy, formatDateTime(p.proposedAt, lang))}</p>
      {(Object.keys(p.data ?? {}).length > 0 || p.message) && (
        <dl className="werkplek-facts">
          {Object.entries(p.data ?? {}).map(([id, v]) => (
            <div key={id} className="werkplek-facts__row">
              <dt>{fieldLabel(id)}</dt>
              <dd className="werkplek-pre">{valueText(v, lang)}</dd>
            </div>
          ))}
          {p.message && (
            <div className="werkplek-facts__row">
              <dt>{t.messageToCitizen}</dt>
              <dd className="werkplek-pre">{p.message}</dd>
            </div>
          )}
        </dl>
      )}
      {own ? (
        <p className="utrecht-paragraph werkplek-own-proposal">{t.ownProposal}</p>
      ) : (
        <>
          <div className="utrecht-form-field werkplek-field">
            <label className="utrecht-form-label" htmlFor="voorstel-notitie">
              {t.rejectNote} <span className="werkplek-optional">{t.optional}</span>
            </label>
            <div className="utrecht-form-field-description" id="voorstel-notitie-hint">
              {t.rejectNoteHint}
            </div>
            <textarea
              id="voorstel-notitie"
              rows={3}
              className="utrecht-textarea utrecht-textarea--html-textarea"
              value={note}
              onChange={(e) => setNote(e.target.value)}
              aria-describedby="voorstel-notitie-hint"
            />
          </div>
          <div className="werkplek-button-row">
            <PrimaryButton busy={busy} onClick={onApprove}>
              {t.approve}
            </PrimaryButton>
            <button
              type="button"
              className="utrecht-button utrecht-button--secondary-action"
              aria-disabled={busy || undefined}
              onClick={() => !busy && onReject(note.trim())}
            >
              {t.rejectProposal}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
