import { DETAILS_PER_ITEM, type Change, type DefinitionDiff } from '../../runtime/model/index.js';
import { useDesigner } from '../context.js';

type Changes = DefinitionDiff['steps'];

/**
 * Each value that changed, where it is in words and what it was and is now
 * ("regel 1 › als: was “inkomen < 1500”, nu “inkomen < 1600”"). The words
 * *was* and *nu* are there for everyone, not only colour or strike-through.
 */
function Details({ details, fallback }: { details: Change[] | undefined; fallback: string[] }) {
  const { t } = useDesigner();
  if (!details?.length) return fallback.length ? <>: {fallback.join(', ')}</> : null;
  return (
    <ul className="ontwerp-diff__details">
      {details.map((c, i) => (
        <li key={i}>
          <span className="ontwerp-diff__where">{t.diffPath(c.path)}</span>:{' '}
          <span className="ontwerp-diff__before">
            {t.diffWas} <del>{t.diffValue(c.before)}</del>
          </span>
          ,{' '}
          <span className="ontwerp-diff__after">
            {t.diffNow} <ins>{t.diffValue(c.after)}</ins>
          </span>
        </li>
      ))}
      {details.length >= DETAILS_PER_ITEM && <li>{t.diffMore}</li>}
    </ul>
  );
}

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
      {diff.process?.length > 0 && (
        <div>
          {t.diffProcess(diff.process.join(', '))}
          <Details details={diff.processDetails} fallback={[]} />
        </div>
      )}
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
                    {t.diffChanged} <code>{ch.id}</code>
                    <Details details={ch.details} fallback={ch.changes} />
                  </li>
                ))}
              </ul>
            </section>
          ),
      )}
    </div>
  );
}
