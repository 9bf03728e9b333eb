import { useEffect, useState } from 'react';
import { outcomeAtStep, outcomeWord, t as text } from '../../runtime/model/index.js';
import { useDesigner } from '../context.js';
import { useEditor } from '../editor/editor-context.js';

type Path = { end: string; steps: string[] };

/** Every path from the start to each end, listed; choosing one highlights it on the canvas. */
export function PathsPanel({
  highlighted,
  onHighlight,
}: {
  highlighted: string[] | undefined;
  onHighlight(steps: string[] | undefined): void;
}) {
  const { t, lang } = useDesigner();
  const { def } = useEditor();
  const [paths, setPaths] = useState<Path[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [chosen, setChosen] = useState<number | null>(null);

  useEffect(() => {
    let live = true;
    import('../model/simulation.js').then(({ allPaths }) => {
      if (!live) return;
      try {
        setPaths(allPaths(def));
        setFailure(null);
      } catch (error) {
        setPaths(null);
        setFailure((error as Error).message);
      }
    });
    return () => {
      live = false;
    };
  }, [def]);

  useEffect(() => () => onHighlight(undefined), [onHighlight]);
  useEffect(() => {
    if (!highlighted) setChosen(null);
  }, [highlighted]);

  const title = (id: string) => text(def.steps[id]?.title, lang) || id;
  const choose = (i: number) => {
    if (chosen === i) {
      setChosen(null);
      onHighlight(undefined);
      return;
    }
    setChosen(i);
    onHighlight(paths![i].steps);
  };
  return (
    <div className="ontwerp-paths">
      <h2 className="utrecht-heading-2 ontwerp-panel-title">{t.paths}</h2>
      <p className="utrecht-form-field-description ontwerp-hint">{t.pathsHint}</p>
      {failure && (
        <p className="utrecht-alert utrecht-alert--error ontwerp-alert" role="alert">
          {t.simFailed(failure)}
        </p>
      )}
      {!paths && !failure && <p role="status">{t.loading}</p>}
      {paths && paths.length === 0 && <p>{t.noPaths}</p>}
      {paths && paths.length > 0 && (
        <ol className="ontwerp-list" data-testid="paths">
          {paths.map((p, i) => (
            <li key={i} className="ontwerp-list__item">
              <button
                type="button"
                className={`ontwerp-path${chosen === i ? ' is-chosen' : ''}`}
                aria-pressed={chosen === i}
                onClick={() => choose(i)}
              >
                <strong>{t.pathTo(title(p.end), outcomeWord(outcomeAtStep(def, p.end) ?? '', lang))}</strong>
                <span className="ontwerp-path__steps">{p.steps.map(title).join(' → ')}</span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
