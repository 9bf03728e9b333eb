import { own, t as text, type Lang, type Problem, type Process } from '../../runtime/model/index.js';
import { FoldButton } from '../canvas/icons.js';
import { useDesigner } from '../context.js';
import { useFolded } from '../hooks/use-folded.js';
import { useEditor } from './editor-context.js';

/** The step or group a problem is about, by its title (its id when it has none). */
export function nodeName(def: Process, node: string, lang: Lang): string {
  const named = own(def.steps, node) ?? own(def.groups ?? {}, node);
  return text(named?.title, lang) || node;
}

/**
 * The static checks of runtime/model, live on every change: code, the step
 * or group they concern (by its title), and the whole message in the
 * interface language. Choosing one selects that node and brings it into
 * view. It is at most about five lines high (it scrolls), and folds down to
 * its title and count.
 */
export function ProblemsPanel({ onFocus }: { onFocus(node: string): void }) {
  const { t, lang } = useDesigner();
  const { problems, def, select } = useEditor();
  // Folded, only the title and the count stay: the canvas gets the room, the count still says what is left.
  const [folded, toggle] = useFolded('problems');
  const choose = (p: Problem) => {
    if (!p.node) return select([]);
    select([def.groups?.[p.node] && !def.steps[p.node] ? `group:${p.node}` : p.node]);
    onFocus(p.node);
  };
  return (
    <section className={`ontwerp-problems${folded ? ' is-folded' : ''}`} aria-labelledby="problemen-titel">
      <div className="ontwerp-problems__head">
        <h2 id="problemen-titel" className="utrecht-heading-2 ontwerp-panel-title">
          {t.problems}{' '}
          <span
            className={`ontwerp-count${problems.length ? ' ontwerp-count--bad' : ' ontwerp-count--good'}`}
            data-testid="problem-count"
          >
            {problems.length}
          </span>
        </h2>
        <FoldButton folded={folded} onToggle={toggle} fold={t.foldProblems} unfold={t.unfoldProblems} side="bottom" />
      </div>
      <div role="status" className="omslag-visually-hidden">
        {problems.length ? t.problemCount(problems.length) : t.noProblemsShort}
      </div>
      {folded ? null : problems.length === 0 ? (
        <p className="ontwerp-good">{t.noProblems}</p>
      ) : (
        <ul className="ontwerp-problems__list">
          {problems.map((p, i) => (
            <li key={`${p.code}-${p.node ?? ''}-${i}`}>
              <button type="button" className="ontwerp-problem" onClick={() => choose(p)} data-code={p.code}>
                <code className="ontwerp-problem__code">{p.code}</code>
                <span className="ontwerp-problem__node">{p.node ? nodeName(def, p.node, lang) : t.theProcess}</span>
                <span className="ontwerp-problem__message">{p.message}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
