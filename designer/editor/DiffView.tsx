import type { DefinitionDiff } from '../../runtime/model/index.js';
import { useDesigner } from '../context.js';

type Changes = DefinitionDiff['steps'];

/** What changed between two definitions: steps, fields and groups added, removed and changed, and the process's own properties. */
export function DiffView({ diff }: { diff: DefinitionDiff }) {
  const { t } = useDesigner();
  const parts: [string, Changes | undefined][] = [
    [t.diffSteps, diff.steps],
    [t.diffFields, diff.fields],
    [t.diffGroups, diff.groups],
  ];
  const nothing =
    parts.every(([, c]) => !c || (!c.added.length && !c.removed.length && !c.changed.length)) && !diff.process?.length;
  if (nothing) return <p data-testid="diff">{t.diffNone}</p>;
  return (
    <div className="ontwerp-diff" data-testid="diff">
      {diff.process?.length > 0 && <p>{t.diffProcess(diff.process.join(', '))}</p>}
      {parts.map(
        ([title, c]) =>
          c &&
          c.added.length + c.removed.length + c.changed.length > 0 && (
            <section key={title}>
              <h4 className="utrecht-heading-4">{title}</h4>
              <ul>
                {c.added.map((id) => (
                  <li key={`a-${id}`} className="ontwerp-diff__added">
                    {t.diffAdded} <code>{id}</code>
                  </li>
                ))}
                {c.removed.map((id) => (
                  <li key={`r-${id}`} className="ontwerp-diff__removed">
                    {t.diffRemoved} <code>{id}</code>
                  </li>
                ))}
                {c.changed.map((ch) => (
                  <li key={`c-${ch.id}`} className="ontwerp-diff__changed">
                    {t.diffChanged} <code>{ch.id}</code>: {ch.changes.join(', ')}
                  </li>
                ))}
              </ul>
            </section>
          ),
      )}
    </div>
  );
}
