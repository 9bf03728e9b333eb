import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError, ok } from '../api.js';
import { useWorkspace } from '../context.js';
import { formatDateTime } from '../format.js';
import type { CaseNote } from '../types.js';
import { Notice } from '../../browser/ui/Notice.js';

/** The longest note the API takes (runtime/store/notes.ts MAX_NOTE). */
const MAX_NOTE = 4000;

/** Internal notes on the case, oldest first, and a form for a new one: for officials only, never for the citizen. */
export function CaseNotes({ caseId }: { caseId: string }) {
  const { api, t, lang } = useWorkspace();
  const [notes, setNotes] = useState<CaseNote[] | null>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const busy = useRef(false);
  const path = { path: { id: caseId } };

  useEffect(() => {
    ok(api.GET('/api/cases/{id}/notes', { params: { path: { id: caseId } } })).then(setNotes, (e: unknown) =>
      setError(e instanceof ApiError ? e.message : String(e)),
    );
  }, [api, caseId]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy.current) return;
    if (!text.trim()) {
      setError(t.notes.empty);
      return;
    }
    busy.current = true;
    try {
      const note = await ok(api.POST('/api/cases/{id}/notes', { params: path, body: { text } }));
      setNotes((prev) => [...(prev ?? []), note]);
      setText('');
      setError(null);
      setSaved(true);
    } catch (err) {
      setSaved(false);
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      busy.current = false;
    }
  };
  return (
    <section className="werkplek-notes" aria-labelledby="notities-titel">
      <h3 className="utrecht-heading-3" id="notities-titel">
        {t.notes.title}
      </h3>
      <p className="utrecht-paragraph werkplek-when">{t.notes.internal}</p>
      {notes && notes.length === 0 && <p className="utrecht-paragraph">{t.notes.none}</p>}
      {notes && notes.length > 0 && (
        <ol className="werkplek-note-list">
          {notes.map((n) => (
            <li key={n.id} className="werkplek-note">
              <p className="werkplek-when">
                {n.author} · <time dateTime={n.createdAt}>{formatDateTime(n.createdAt, lang)}</time>
              </p>
              <p className="utrecht-paragraph werkplek-pre">{n.text}</p>
            </li>
          ))}
        </ol>
      )}
      <form className="werkplek-note-form" onSubmit={(e) => void submit(e)} noValidate>
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor="nieuwe-notitie">
            {t.notes.add}
          </label>
          <textarea
            id="nieuwe-notitie"
            className="utrecht-textarea"
            maxLength={MAX_NOTE}
            value={text}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'notitie-fout' : undefined}
            onChange={(e) => {
              setText(e.target.value);
              setSaved(false);
            }}
          />
          {error && (
            <p id="notitie-fout" className="utrecht-form-field-error-message">
              {error}
            </p>
          )}
        </div>
        <button type="submit" className="utrecht-button utrecht-button--secondary-action">
          {t.notes.save}
        </button>
        <div role="status" className="werkplek-saved">
          {saved ? t.notes.saved : ''}
        </div>
      </form>
      {!notes && error && <Notice flash={{ kind: 'error', text: t.somethingWrong(error) }} />}
    </section>
  );
}
