import { useRef, useState, type FormEvent } from 'react';
import { ApiError, ok } from '../api.js';
import { useWorkspace } from '../context.js';
import { formatDate } from '../format.js';
import { Link, taskHref } from '../router.js';
import type { CaseFound } from '../types.js';

/** Find a case by its reference or the citizen's BSN (GET /api/case-search): only cases the official may see. */
export function CaseSearch() {
  const { api, t, lang } = useWorkspace();
  const [q, setQ] = useState('');
  const [found, setFound] = useState<CaseFound[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const busy = useRef(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy.current) return;
    busy.current = true;
    try {
      setFound(await ok(api.GET('/api/case-search', { params: { query: { q } } })));
      setError(null);
    } catch (err) {
      setFound(null);
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      busy.current = false;
    }
  };
  return (
    <section className="werkplek-search" aria-labelledby="zoeken-titel">
      <h2 className="utrecht-heading-2 omslag-visually-hidden" id="zoeken-titel">
        {t.search.title}
      </h2>
      <form role="search" className="werkplek-search__form" onSubmit={(e) => void submit(e)} noValidate>
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor="zoek-zaak">
            {t.search.label}
          </label>
          <input
            id="zoek-zaak"
            type="search"
            maxLength={40}
            autoComplete="off"
            className="utrecht-textbox utrecht-textbox--html-input werkplek-width-m"
            value={q}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'zoek-fout' : undefined}
            onChange={(e) => setQ(e.target.value)}
          />
          {error && (
            <p id="zoek-fout" className="utrecht-form-field-error-message">
              {error}
            </p>
          )}
        </div>
        <button type="submit" className="utrecht-button utrecht-button--secondary-action">
          {t.search.submit}
        </button>
      </form>
      <div role="status">
        {found && found.length === 0 && <p className="utrecht-paragraph">{t.search.none}</p>}
        {found && found.length > 0 && (
          <>
            <p className="omslag-visually-hidden">{t.searchCount(found.length)}</p>
            <ul className="werkplek-found">
              {found.map((c) => (
                <li key={c.id}>
                  {c.task ? (
                    <Link className="utrecht-link" to={taskHref(c.task.id)}>
                      {c.reference}
                    </Link>
                  ) : (
                    <span>{c.reference}</span>
                  )}{' '}
                  · {c.process.title} · {c.status === 'active' ? t.search.active : t.search.ended} · {c.bsn} ·{' '}
                  <time dateTime={c.createdAt}>{formatDate(c.createdAt, lang)}</time>
                  {!c.task && ` · ${t.search.noTask}`}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </section>
  );
}
