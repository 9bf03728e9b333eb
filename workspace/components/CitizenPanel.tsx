import { useEffect, useState } from 'react';
import { ApiError, ok } from '../api.js';
import { useWorkspace } from '../context.js';
import { formatDateTime } from '../format.js';
import type { Citizen } from '../types.js';
import { Notice } from '../../browser/ui/Notice.js';

/**
 * Who the citizen is, as far as the case knows (GET /api/cases/:id/citizen):
 * name, BSN masked until the official asks for it (each reveal is logged by
 * the server), address and how to reach them, each with where it came from,
 * and the documents they sent.
 */
export function CitizenPanel({ caseId }: { caseId: string }) {
  const { api, t, lang } = useWorkspace();
  const [citizen, setCitizen] = useState<Citizen | null>(null);
  const [bsn, setBsn] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const path = { path: { id: caseId } };

  useEffect(() => {
    ok(api.GET('/api/cases/{id}/citizen', { params: { path: { id: caseId } } })).then(
      (c) => {
        setCitizen(c);
        setError(null);
      },
      (e: unknown) => setError(e instanceof ApiError ? e.message : String(e)),
    );
  }, [api, caseId, lang]);

  const reveal = async () => {
    try {
      setBsn((await ok(api.POST('/api/cases/{id}/citizen/bsn', { params: path }))).bsn);
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  const known = (kind: Citizen['known'][number]['kind']) => citizen?.known.filter((k) => k.kind === kind) ?? [];
  const rows: [string, Citizen['known']][] = [
    [t.citizen.name, known('name')],
    [t.citizen.address, known('address')],
    [t.citizen.phone, known('phone')],
    [t.citizen.email, known('email')],
  ];
  return (
    <section className="werkplek-citizen" aria-labelledby="inwoner-titel">
      <h3 className="utrecht-heading-3" id="inwoner-titel">
        {t.citizen.title}
      </h3>
      {error && <Notice flash={{ kind: 'error', text: t.somethingWrong(error) }} />}
      {!citizen && !error && <p className="utrecht-paragraph">{t.loading}</p>}
      {citizen && (
        <>
          <dl className="werkplek-facts">
            <div className="werkplek-facts__row">
              <dt>{t.citizen.bsn}</dt>
              <dd>
                <span className="werkplek-bsn" aria-live="polite">
                  {bsn ?? citizen.bsn}
                </span>{' '}
                <button
                  type="button"
                  className="utrecht-button utrecht-button--secondary-action"
                  onClick={() => (bsn ? setBsn(null) : void reveal())}
                >
                  {bsn ? t.citizen.hideBsn : t.citizen.showBsn}
                </button>
                {!bsn && <span className="werkplek-when"> {t.citizen.showBsnHint}</span>}
              </dd>
            </div>
            {rows.map(([label, values]) => (
              <div key={label} className="werkplek-facts__row">
                <dt>{label}</dt>
                <dd>
                  {values.length === 0
                    ? t.citizen.unknown
                    : values.map((v, i) => (
                        <span key={i} className="werkplek-known">
                          {v.value} <span className="werkplek-when">({t.citizenSources[v.source] ?? v.source})</span>
                        </span>
                      ))}
                </dd>
              </div>
            ))}
          </dl>
          <h4 className="utrecht-heading-4">{t.citizen.documents}</h4>
          {citizen.documents.length === 0 ? (
            <p className="utrecht-paragraph">{t.citizen.noDocuments}</p>
          ) : (
            <ul className="werkplek-documents">
              {citizen.documents.map((d) => (
                <li key={d.id}>
                  <a
                    className="utrecht-link"
                    href={`/api/cases/${encodeURIComponent(caseId)}/documents/${encodeURIComponent(d.id)}`}
                    download={d.name}
                  >
                    {d.name}
                  </a>{' '}
                  <span className="werkplek-when">
                    {d.label} · {t.documentSize(Math.max(1, Math.round(d.size / 1024)))} ·{' '}
                    <time dateTime={d.sentAt}>{formatDateTime(d.sentAt, lang)}</time>
                  </span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
