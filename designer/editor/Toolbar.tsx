import { t as text } from '../../runtime/model/index.js';
import { useDesigner } from '../context.js';
import { ExportMenu } from '../learning/ExportMenu.js';
import type { SaveState } from '../hooks/use-autosave.js';
import { Link, processHref } from '../router.js';
import { useEditor } from './editor-context.js';

type Props = {
  saveState: SaveState;
  saveError: string | null;
  canUndo: boolean;
  canRedo: boolean;
  labels: { undo: string | null; redo: string | null };
  version?: number;
  onLayout(): void;
  onPublish(): void;
  onRetrySave(): void;
  /** Live figures on the canvas (the learning loop): whether they are on, and the toggle. */
  figuresOn?: boolean;
  onToggleFigures?(): void;
};

/** The process's name and state, undo/redo, layout, and publish. */
export function Toolbar({
  saveState,
  saveError,
  canUndo,
  canRedo,
  labels,
  version,
  onLayout,
  onPublish,
  onRetrySave,
  figuresOn,
  onToggleFigures,
}: Props) {
  const { t, lang } = useDesigner();
  const { def, stack, readOnly, processKey } = useEditor();
  return (
    <div className="ontwerp-toolbar">
      <h1 className="utrecht-heading-1 ontwerp-toolbar__title" tabIndex={-1}>
        {text(def.title, lang) || processKey}
        <span className="ontwerp-toolbar__key"> ({processKey})</span>
      </h1>
      {version ? (
        <>
          <span className="ontwerp-badge ontwerp-badge--readonly" data-testid="read-only">
            {t.versionReadOnly(version)}
          </span>
          <Link
            className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
            to={processHref(processKey)}
          >
            {t.backToDraft}
          </Link>
        </>
      ) : (
        <>
          <span className="ontwerp-badge">{t.draft}</span>
          <span
            className={`ontwerp-save ontwerp-save--${saveState}`}
            role="status"
            data-testid="save-state"
            data-state={saveState}
          >
            {t.saveStates[saveState]}
            {saveState === 'failed' && saveError ? `: ${saveError}` : ''}
          </span>
          {saveState === 'failed' && (
            <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={onRetrySave}>
              {t.retry}
            </button>
          )}
        </>
      )}
      <div className="ontwerp-toolbar__actions">
        {!readOnly && stack && (
          <>
            <button
              type="button"
              className="utrecht-button utrecht-button--secondary-action"
              onClick={() => stack.undo()}
              aria-disabled={!canUndo || undefined}
              aria-keyshortcuts="Control+Z"
              title={labels.undo ? t.undoWhat(labels.undo) : t.undo}
            >
              {t.undo}
            </button>
            <button
              type="button"
              className="utrecht-button utrecht-button--secondary-action"
              onClick={() => stack.redo()}
              aria-disabled={!canRedo || undefined}
              aria-keyshortcuts="Control+Shift+Z"
              title={labels.redo ? t.redoWhat(labels.redo) : t.redo}
            >
              {t.redo}
            </button>
          </>
        )}
        {onToggleFigures && (
          <button
            type="button"
            className="utrecht-button utrecht-button--secondary-action"
            aria-pressed={!!figuresOn}
            title={t.figuresToggleHint}
            onClick={onToggleFigures}
            data-testid="figures-toggle"
          >
            {t.figures}
          </button>
        )}
        <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={onLayout}>
          {t.autoLayout}
        </button>
        <ExportMenu />
        {!readOnly && (
          <button type="button" className="utrecht-button utrecht-button--primary-action" onClick={onPublish}>
            {t.publish}
          </button>
        )}
      </div>
    </div>
  );
}
