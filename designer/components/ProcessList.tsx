import { lazy, Suspense, useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError, ok } from '../api.js';
import { useDesigner } from '../context.js';
import { formatDateTime } from '../../browser/format.js';
import { Link, navigate, processHref } from '../router.js';
import type { ProcessSummary } from '../types.js';
import { emptyDraft, keyProblem } from '../editor/new-process.js';

// Import (JSON, BPMN) loads after the list: it is not needed to choose a process.
const ImportProcess = lazy(() => import('../learning/ImportProcess.js'));

/** Every process with its draft, published versions and problems; a form to start a new one; and import (JSON, BPMN). */
export function ProcessList() {
  const { api, t, lang } = useDesigner();
  const [list, setList] = useState<ProcessSummary[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const load = useCallback(() => {
    ok(api.GET('/api/processes')).then(
      (r) => {
        setList(r);
        setFailure(null);
      },
      (e: Error) => setFailure(e.message),
    );
  }, [api]);
  useEffect(load, [load, lang]);
  useEffect(() => {
    document.title = `${t.processes} – ${t.appName}`;
  }, [t]);

  return (
    <div className="ontwerp-page">
      <h1 className="utrecht-heading-1" tabIndex={-1}>
        {t.processes}
      </h1>
      {failure && (
        <p className="utrecht-alert utrecht-alert--error ontwerp-alert" role="alert">
          {t.somethingWrong(failure)}{' '}
          <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={load}>
            {t.retry}
          </button>
        </p>
      )}
      {!list && !failure && <p role="status">{t.loading}</p>}
      {list && (
        <table className="utrecht-table utrecht-table--html-table ontwerp-table">
          <caption className="utrecht-table__caption ontwerp-caption">{t.processListCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.colTitle}</th>
              <th scope="col">{t.colKey}</th>
              <th scope="col">{t.colStatus}</th>
              <th scope="col">{t.colVersions}</th>
              <th scope="col">{t.colProblems}</th>
              <th scope="col">{t.colUpdated}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((p) => (
              <tr key={p.key}>
                <th scope="row">
                  <Link className="utrecht-link" to={processHref(p.key)}>
                    {p.title || p.key}
                  </Link>
                </th>
                <td>
                  <code>{p.key}</code>
                </td>
                <td>{p.latestVersion ? t.statusPublished(p.latestVersion) : t.statusDraftOnly}</td>
                <td>{p.versions?.length ? p.versions.map((v) => `v${v}`).join(', ') : '–'}</td>
                <td>
                  {p.problems === undefined ? '–' : p.problems === 0 ? t.noProblemsShort : t.problemCount(p.problems)}
                </td>
                <td>{p.updatedAt ? formatDateTime(p.updatedAt, lang) : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {list && <NewProcess existing={list.map((p) => p.key)} />}
      {list && (
        <Suspense fallback={null}>
          <ImportProcess existing={list.map((p) => p.key)} onImported={load} />
        </Suspense>
      )}
    </div>
  );
}

/** Starts a new process: a key (its address, fixed) and a title; the empty draft opens on the canvas. */
function NewProcess({ existing }: { existing: string[] }) {
  const { api, t } = useDesigner();
  const [key, setKey] = useState('');
  const [titleNl, setTitleNl] = useState('');
  const [titleEn, setTitleEn] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const alert = useRef<HTMLParagraphElement>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const problem = keyProblem(key, existing) ?? (titleNl.trim() ? null : 'title');
    if (problem) {
      setError(problem === 'title' ? t.titleRequired : problem === 'taken' ? t.keyTaken : t.keyInvalid);
      return requestAnimationFrame(() => alert.current?.focus());
    }
    setBusy(true);
    try {
      const body = emptyDraft(key, titleNl.trim(), titleEn.trim());
      await ok(api.PUT('/api/processes/{key}/draft', { params: { path: { key } }, body }));
      navigate(processHref(key));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
      requestAnimationFrame(() => alert.current?.focus());
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="nieuw-proces" className="ontwerp-new">
      <h2 className="utrecht-heading-2" id="nieuw-proces">
        {t.newProcess}
      </h2>
      {error && (
        <p className="utrecht-alert utrecht-alert--error ontwerp-alert" role="alert" tabIndex={-1} ref={alert}>
          {error}
        </p>
      )}
      <form className="ontwerp-form ontwerp-form--row" onSubmit={submit} noValidate>
        <label className="utrecht-form-label ontwerp-label">
          {t.processKey}
          <span className="utrecht-form-field-description ontwerp-hint">{t.processKeyHint}</span>
          <input
            className="utrecht-textbox utrecht-textbox--html-input"
            value={key}
            spellCheck={false}
            onChange={(e) => setKey(e.target.value.toLowerCase())}
          />
        </label>
        <label className="utrecht-form-label ontwerp-label">
          {t.titleNl}
          <input
            className="utrecht-textbox utrecht-textbox--html-input"
            value={titleNl}
            onChange={(e) => setTitleNl(e.target.value)}
          />
        </label>
        <label className="utrecht-form-label ontwerp-label">
          {t.titleEn}
          <input
            className="utrecht-textbox utrecht-textbox--html-input"
            value={titleEn}
            onChange={(e) => setTitleEn(e.target.value)}
          />
        </label>
        <div>
          <button
            type="submit"
            className="utrecht-button utrecht-button--primary-action"
            aria-disabled={busy || undefined}
          >
            {t.create}
          </button>
        </div>
      </form>
    </section>
  );
}
