import { useRef, useState, type FormEvent } from 'react';
import { formatDate } from '../format.js';
import { ApiError, ok } from '../api.js';
import { useWorkspace } from '../context.js';
import type { Mandate } from './MandateForm.js';

type Props = {
  mandates: Mandate[];
  processes: { key: string; title: string }[];
  onRevoked(m: Mandate): void;
};

/** A citizen's mandates, newest first: who, for what, which rights, when, how it came about; revoke with a reason. */
export function MandateList({ mandates, processes, onRevoked }: Props) {
  const { t, lang } = useWorkspace();
  const m = t.mandates;
  if (!mandates.length) return <p className="utrecht-paragraph werkplek-empty">{m.none}</p>;
  const title = (key: string | null) => (key ? (processes.find((p) => p.key === key)?.title ?? key) : m.allProcesses);
  const rights = { view: m.rightView, fill: m.rightFill, submit: m.rightSubmit, messages: m.rightMessages };
  const source = { citizen: m.sourceCitizen, provider: m.sourceProvider, official: m.sourceOfficial };
  // validUntil is the first moment it no longer holds: the day before is its last day.
  const lastDay = (until: string) => formatDate(new Date(Date.parse(until) - 1).toISOString(), lang);
  return (
    <div className="werkplek-table-wrap">
      <table className="utrecht-table werkplek-table">
        <caption className="utrecht-table__caption">{m.caption}</caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            {[m.colHolder, m.colScope, m.colRights, m.colPeriod, m.colSource, m.colStatus].map((c) => (
              <th key={c} scope="col" className="utrecht-table__header-cell">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {mandates.map((x) => (
            <tr key={x.id} className="utrecht-table__row">
              <td className="utrecht-table__cell">
                {x.holderName} ({x.holder.kind === 'organisation' ? 'KVK' : 'BSN'} {x.holder.id})
              </td>
              <td className="utrecht-table__cell">{title(x.process)}</td>
              <td className="utrecht-table__cell">{x.rights.map((r) => rights[r]).join(', ')}</td>
              <td className="utrecht-table__cell">
                {formatDate(x.validFrom, lang)} – {x.validUntil ? lastDay(x.validUntil) : m.noEnd}
              </td>
              <td className="utrecht-table__cell">
                {source[x.source]}
                {x.reason && <div className="werkplek-option__hint">{x.reason}</div>}
                {x.document && (
                  <div>
                    <a className="utrecht-link" href={`/api/mandates/${encodeURIComponent(x.id)}/document`}>
                      {m.viewDocument}
                    </a>
                  </div>
                )}
              </td>
              <td className="utrecht-table__cell">
                {x.revokedAt ? `${m.revoked} (${formatDate(x.revokedAt, lang)})` : x.inForce ? m.inForce : m.notInForce}
                {!x.revokedAt && <Revoke mandate={x} onRevoked={onRevoked} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Revoking asks for the reason (it goes into the security log). */
function Revoke({ mandate, onRevoked }: { mandate: Mandate; onRevoked(m: Mandate): void }) {
  const { api, t } = useWorkspace();
  const m = t.mandates;
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const id = `intrekken-${mandate.id}`;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) {
      setError(m.needed);
      input.current?.focus();
      return;
    }
    try {
      onRevoked(
        await ok(api.POST('/api/mandates/{id}/revoke', { params: { path: { id: mandate.id } }, body: { reason } })),
      );
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setError(err.message);
    }
  };
  return (
    <details className="werkplek-details">
      <summary>{m.revoke}</summary>
      <form className="werkplek-inline-form" onSubmit={submit} noValidate>
        <div className={`utrecht-form-field${error ? ' werkplek-field--invalid' : ''}`}>
          <label className="utrecht-form-label" htmlFor={id}>
            {m.revokeReason}
          </label>
          {error && (
            <p className="utrecht-form-field-error-message" id={`${id}-fout`}>
              <span className="omslag-visually-hidden">{t.errorPrefix} </span>
              {error}
            </p>
          )}
          <textarea
            ref={input}
            id={id}
            className="utrecht-textarea"
            rows={2}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            aria-describedby={error ? `${id}-fout` : undefined}
            aria-invalid={error ? true : undefined}
          />
        </div>
        <button type="submit" className="utrecht-button utrecht-button--secondary-action">
          {m.revokeConfirm}
        </button>
      </form>
    </details>
  );
}
