import { useId, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { PrimaryButton } from '../../browser/ui/PrimaryButton.js';
import type { Problem, Process } from '../../runtime/model/index.js';
import { useDesigner } from '../context.js';
import { keyFrom, keyProblem } from '../editor/new-process.js';
import { outlineProblem, parseJsonText } from '../editor/json-sync.js';
import { Link, navigate, processHref } from '../router.js';
import { ok } from '../api.js';
import './learning.css';

type Unmapped = { id: string; type: string; reason: string };
type Pending = { kind: 'json'; value: Record<string, unknown> } | { kind: 'bpmn'; xml: string };
type Result = { key: string; problems: Problem[]; unmapped: Unmapped[] };

/**
 * Import on the process list: a definition as JSON (its own key, or one
 * asked for when it has none or it is taken) becomes a new draft (`PUT
 * …/draft`) that opens in the editor, where its problems are listed; a BPMN
 * 2.0 model goes to `POST /api/processes/import/bpmn` and what could not be
 * carried over is listed here, with the new draft to open.
 */
export default function ImportProcess({ existing, onImported }: { existing: string[]; onImported(): void }) {
  const { api, t } = useDesigner();
  const [pending, setPending] = useState<Pending | null>(null);
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result | null>(null);
  const ids = { title: useId(), json: useId(), bpmn: useId(), key: useId() };
  const alert = useRef<HTMLParagraphElement>(null);
  const keyInput = useRef<HTMLInputElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  const fail = (message: string) => {
    setError(message);
    requestAnimationFrame(() => alert.current?.focus());
  };

  const run = async (p: Pending, k: string) => {
    setBusy(true);
    setError(null);
    try {
      if (p.kind === 'json') {
        const body = { ...p.value, key: k } as Process;
        await ok(api.PUT('/api/processes/{key}/draft', { params: { path: { key: k } }, body }));
        navigate(processHref(k));
        return;
      }
      // The BPMN model goes as XML, not JSON: the body as it is, with its media type.
      const r = await ok(
        api.POST('/api/processes/import/bpmn', {
          params: { query: { key: k } },
          body: p.xml,
          bodySerializer: (xml: string) => xml,
          headers: { 'Content-Type': 'application/xml' },
        }),
      );
      setResult({ ...r, key: r.key ?? k, problems: r.problems ?? [], unmapped: r.unmapped ?? [] });
      setPending(null);
      onImported();
      requestAnimationFrame(() => resultRef.current?.focus());
    } catch (e) {
      fail(t.importFailed((e as Error).message));
    } finally {
      setBusy(false);
    }
  };

  const askKey = (p: Pending, suggestion: string) => {
    setPending(p);
    setKey(suggestion);
    requestAnimationFrame(() => keyInput.current?.focus());
  };

  const onJson = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setResult(null);
    setError(null);
    const parsed = parseJsonText(await file.text());
    if (!parsed.ok)
      return fail(parsed.message === 'not-an-object' ? t.importNotObject : t.importNotJson(parsed.message));
    const outline = outlineProblem(parsed.value);
    if (outline) return fail(`${t.importNotObject} (${outline})`);
    const own = typeof parsed.value.key === 'string' ? parsed.value.key : '';
    const p: Pending = { kind: 'json', value: parsed.value };
    if (own && !keyProblem(own, existing)) return void run(p, own);
    askKey(p, own && keyProblem(own, existing) === 'invalid' ? keyFrom(own) : own ? `${own}-2` : keyFrom(file.name));
  };

  const onBpmn = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setResult(null);
    setError(null);
    const suggestion = keyFrom(file.name) || 'bpmn-proces';
    askKey(
      { kind: 'bpmn', xml: await file.text() },
      keyProblem(suggestion, existing) === 'taken' ? `${suggestion}-2` : suggestion,
    );
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!pending || busy) return;
    const problem = keyProblem(key, existing);
    if (problem) return fail(problem === 'taken' ? t.keyTaken : t.keyInvalid);
    void run(pending, key);
  };

  return (
    <section aria-labelledby={ids.title} className="ontwerp-import" data-testid="import">
      <h2 className="utrecht-heading-2" id={ids.title}>
        {t.importTitle}
      </h2>
      {error && (
        <p className="utrecht-alert utrecht-alert--error ontwerp-alert" role="alert" tabIndex={-1} ref={alert}>
          {error}
        </p>
      )}
      <div className="ontwerp-import__files">
        <div className="ontwerp-control">
          <label htmlFor={ids.json} className="utrecht-form-label ontwerp-label-text">
            {t.importJson}
          </label>
          <span className="utrecht-form-field-description ontwerp-hint" id={`${ids.json}-hint`}>
            {t.importJsonHint}
          </span>
          <input
            id={ids.json}
            type="file"
            accept=".json,application/json"
            aria-describedby={`${ids.json}-hint`}
            onChange={(e) => void onJson(e)}
            disabled={busy}
          />
        </div>
        <div className="ontwerp-control">
          <label htmlFor={ids.bpmn} className="utrecht-form-label ontwerp-label-text">
            {t.importBpmn}
          </label>
          <span className="utrecht-form-field-description ontwerp-hint" id={`${ids.bpmn}-hint`}>
            {t.importBpmnHint}
          </span>
          <input
            id={ids.bpmn}
            type="file"
            accept=".bpmn,.xml,application/xml,text/xml"
            aria-describedby={`${ids.bpmn}-hint`}
            onChange={(e) => void onBpmn(e)}
            disabled={busy}
          />
        </div>
      </div>
      {pending && (
        <form className="ontwerp-form ontwerp-form--row" onSubmit={submit} noValidate>
          <div className="ontwerp-control">
            <label htmlFor={ids.key} className="utrecht-form-label ontwerp-label-text">
              {t.importKey}
            </label>
            <span className="utrecht-form-field-description ontwerp-hint" id={`${ids.key}-hint`}>
              {pending.kind === 'json' ? t.importKeyNeeded : t.processKeyHint}
            </span>
            <input
              id={ids.key}
              ref={keyInput}
              className="utrecht-textbox utrecht-textbox--html-input"
              value={key}
              spellCheck={false}
              aria-describedby={`${ids.key}-hint`}
              onChange={(e) => setKey(e.target.value.toLowerCase())}
            />
          </div>
          <div className="utrecht-button-group ontwerp-button-row">
            <PrimaryButton type="submit" busy={busy}>
              {busy ? t.importBusy : t.importDo}
            </PrimaryButton>
            <button
              type="button"
              className="utrecht-button utrecht-button--secondary-action"
              onClick={() => setPending(null)}
            >
              {t.cancel}
            </button>
          </div>
        </form>
      )}
      {busy && !pending && <p role="status">{t.importBusy}</p>}
      {result && (
        <div className="ontwerp-import__result" tabIndex={-1} ref={resultRef} data-testid="import-result">
          <p className="utrecht-alert utrecht-alert--ok ontwerp-alert" role="status">
            {t.importDone(result.key)}
          </p>
          {result.unmapped.length > 0 && (
            <>
              <p>{t.importUnmapped(result.unmapped.length)}</p>
              <ul data-testid="import-unmapped">
                {result.unmapped.map((u, i) => (
                  <li key={`${u.id}-${i}`}>
                    <code>{u.id}</code> ({u.type}): {u.reason}
                  </li>
                ))}
              </ul>
            </>
          )}
          {result.problems.length === 0 ? (
            <p>{t.importNoProblems}</p>
          ) : (
            <>
              <p>{t.importProblems(result.problems.length)}</p>
              <ul>
                {result.problems.map((p, i) => (
                  <li key={i}>
                    <code>{p.code}</code> {p.node ? <strong>{p.node}</strong> : null} {p.message}
                  </li>
                ))}
              </ul>
            </>
          )}
          <p>
            <Link
              className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action"
              to={processHref(result.key)}
            >
              {t.importOpen(result.key)}
            </Link>
          </p>
        </div>
      )}
    </section>
  );
}
