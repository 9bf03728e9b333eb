import { useEffect, useRef, useState } from 'react';
import { ApiError, ok } from '../api.js';
import { inLanguage, type Problem } from '../../runtime/model/index.js';
import { nodeName } from './ProblemsPanel.js';
import { useDesigner } from '../context.js';
import { useEditor } from './editor-context.js';

type Props = {
  open: boolean;
  nextVersion: number;
  onClose(): void;
  onPublished(version: number): void;
  onFocusProblem(node: string): void;
};

/**
 * Publishing: refused while problems remain (they are listed, each leads to
 * its node); otherwise the draft is saved and becomes the next immutable
 * version. The server checks again (422 draft-has-problems).
 */
export function PublishDialog({ open, nextVersion, onClose, onPublished, onFocusProblem }: Props) {
  const { t, api, lang } = useDesigner();
  const { problems, flush, processKey, select, def } = useEditor();
  const dialog = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  const [serverProblems, setServerProblems] = useState<Problem[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) {
      setServerProblems(null);
      setFailure(null);
      d.showModal();
    }
    if (!open && d.open) d.close();
  }, [open]);

  const publish = async () => {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    try {
      await flush();
      const params = { path: { key: processKey } };
      const res = await ok(api.POST('/api/processes/{key}/publish', { params, body: {} }));
      onPublished(res.version);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'draft-has-problems')
        setServerProblems((error.details as { problems?: Problem[] })?.problems ?? []);
      else setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  // The server's problems, worded again when the interface language changes (from their code and params).
  const blocking = serverProblems ? inLanguage(serverProblems, lang, def) : problems;
  const goTo = (p: Problem) => {
    onClose();
    if (p.node) {
      select([def.groups?.[p.node] && !def.steps[p.node] ? `group:${p.node}` : p.node]);
      onFocusProblem(p.node);
    }
  };
  return (
    <dialog ref={dialog} className="ontwerp-dialog" aria-labelledby="publiceren-titel" onClose={onClose}>
      <h2 className="utrecht-heading-2" id="publiceren-titel">
        {t.publishTitle}
      </h2>
      {blocking.length > 0 ? (
        <>
          <p role="alert" className="utrecht-alert utrecht-alert--error ontwerp-alert">
            {t.publishBlocked(blocking.length)}
          </p>
          <ul className="ontwerp-problems__list">
            {blocking.map((p, i) => (
              <li key={i}>
                <button type="button" className="ontwerp-problem" onClick={() => goTo(p)}>
                  <code>{p.code}</code> <span>{p.node ? nodeName(def, p.node, lang) : t.theProcess}</span>{' '}
                  <span>{p.message}</span>
                </button>
              </li>
            ))}
          </ul>
          <div className="utrecht-button-group ontwerp-button-row">
            <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={onClose}>
              {t.close}
            </button>
          </div>
        </>
      ) : (
        <>
          <p>{t.publishExplain(nextVersion)}</p>
          {failure && (
            <p role="alert" className="utrecht-alert utrecht-alert--error ontwerp-alert">
              {t.somethingWrong(failure)}
            </p>
          )}
          <div className="utrecht-button-group ontwerp-button-row">
            <button
              type="button"
              className="utrecht-button utrecht-button--primary-action"
              onClick={publish}
              aria-disabled={busy || undefined}
            >
              {t.publishVersion(nextVersion)}
            </button>
            <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={onClose}>
              {t.cancel}
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
