import { lazy, Suspense, useEffect, useId, useState } from 'react';
import { Options } from '../../browser/ui/Options.js';
import { diffDefinitions, type Process } from '../../runtime/model/index.js';
import { useDesigner } from '../context.js';
import { formatDateTime } from '../../browser/format.js';
import { Link, versionHref } from '../router.js';
import type { VersionDetail } from '../types.js';
import { useEditor } from './editor-context.js';
import { DiffView } from './DiffView.js';
import { ok } from '../api.js';

const DRAFT = 'draft';
// Moving cases to a later version is rare: its dialog loads when it is opened.
const MigrateDialog = lazy(() => import('../learning/MigrateDialog.js'));
// Two versions' figures (with their charts) load when the comparison is shown.
const CompareFigures = lazy(() => import('../learning/CompareFigures.js').then((m) => ({ default: m.CompareFigures })));

/**
 * The published versions, newest first, each to open read-only, and the
 * moving of a version's running cases to a later one; and between any two
 * of them (or a version and the draft) their figures side by side and what
 * changed in the design.
 */
export function VersionsPanel({ versions, current }: { versions: number[]; current?: number }) {
  const { t, api, lang } = useDesigner();
  const { def, processKey, readOnly } = useEditor();
  const [details, setDetails] = useState<Record<number, VersionDetail>>({});
  const newest = [...versions].sort((a, b) => b - a);
  const [from, setFrom] = useState<string>(String(newest[1] ?? newest[0] ?? ''));
  const [to, setTo] = useState<string>(readOnly ? String(current ?? newest[0] ?? '') : DRAFT);
  const fromId = useId();
  const toId = useId();
  const [migrating, setMigrating] = useState<number | null>(null);
  // Moved cases change the versions' figures: they are fetched again after the dialog.
  const [moves, setMoves] = useState(0);

  useEffect(() => {
    let live = true;
    for (const v of versions) {
      if (details[v]) continue;
      const params = { path: { key: processKey, version: String(v) } };
      ok(api.GET('/api/processes/{key}/versions/{version}', { params })).then(
        (r) => {
          if (live) setDetails((d) => ({ ...d, [v]: r }));
        },
        () => {},
      );
    }
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [versions, processKey, api]);

  const definitionOf = (which: string): Process | null =>
    which === DRAFT ? (readOnly ? null : def) : ((details[Number(which)]?.definition as Process) ?? null);
  const a = definitionOf(from);
  const b = definitionOf(to);
  let diff;
  try {
    diff = a && b ? diffDefinitions(a, b) : null;
  } catch {
    diff = null;
  }
  const options = [
    ...(readOnly ? [] : [{ value: DRAFT, label: t.draft }]),
    ...newest.map((v) => ({ value: String(v), label: t.versionN(v) })),
  ];

  return (
    <div className="ontwerp-versions">
      <h2 className="utrecht-heading-2 ontwerp-panel-title">{t.versions}</h2>
      {newest.length === 0 && <p className="utrecht-form-field-description ontwerp-hint">{t.noVersions}</p>}
      <ol className="ontwerp-list" reversed>
        {newest.map((v) => (
          <li key={v} className={`ontwerp-list__item ontwerp-version${v === current ? ' is-current' : ''}`}>
            <strong>{t.versionN(v)}</strong>
            <span className="utrecht-form-field-description ontwerp-hint">
              {details[v]
                ? t.publishedBy(formatDateTime(details[v].publishedAt, lang), details[v].publishedBy ?? '–')
                : t.loading}
            </span>
            {v === current ? (
              <span className="ontwerp-badge">{t.shownNow}</span>
            ) : (
              <Link className="utrecht-link" to={versionHref(processKey, v)}>
                {t.openReadOnly(v)}
              </Link>
            )}
            {newest.some((later) => later > v) && (
              <button
                type="button"
                className="utrecht-link-button utrecht-link-button--html-button ontwerp-version__action"
                onClick={() => setMigrating(v)}
                data-testid={`migrate-${v}`}
              >
                {t.migrateFrom(v)}
              </button>
            )}
          </li>
        ))}
      </ol>
      {newest.length > 0 && (
        <section aria-labelledby={`${fromId}-h`} className="ontwerp-compare">
          <h3 className="utrecht-heading-3" id={`${fromId}-h`}>
            {t.compare}
          </h3>
          <div className="ontwerp-row">
            <div className="ontwerp-control">
              <label htmlFor={fromId} className="utrecht-form-label ontwerp-label-text">
                {t.compareFrom}
              </label>
              <select
                id={fromId}
                className="utrecht-select utrecht-select--html-select ontwerp-input--s"
                value={from}
                onChange={(e) => setFrom(e.target.value)}
              >
                <Options options={options} />
              </select>
            </div>
            <div className="ontwerp-control">
              <label htmlFor={toId} className="utrecht-form-label ontwerp-label-text">
                {t.compareTo}
              </label>
              <select
                id={toId}
                className="utrecht-select utrecht-select--html-select ontwerp-input--s"
                value={to}
                onChange={(e) => setTo(e.target.value)}
              >
                <Options options={options} />
              </select>
            </div>
          </div>
          <h4 className="utrecht-heading-4">{t.compareFigures}</h4>
          <Suspense fallback={<p role="status">{t.figuresLoading}</p>}>
            <CompareFigures
              key={moves}
              processKey={processKey}
              a={{
                label: options.find((o) => o.value === from)?.label ?? from,
                version: from === DRAFT ? null : Number(from),
                def: a,
              }}
              b={{
                label: options.find((o) => o.value === to)?.label ?? to,
                version: to === DRAFT ? null : Number(to),
                def: b,
              }}
            />
          </Suspense>
          <h4 className="utrecht-heading-4">{t.compareStructure}</h4>
          {!diff ? (
            <p className="utrecht-form-field-description ontwerp-hint">{t.loading}</p>
          ) : (
            <DiffView diff={diff} />
          )}
        </section>
      )}
      {migrating !== null && (
        <Suspense fallback={<p role="status">{t.loading}</p>}>
          <MigrateDialog
            processKey={processKey}
            from={migrating}
            versions={versions}
            definitionOf={(v) => definitionOf(String(v))}
            onClose={() => {
              setMigrating(null);
              setMoves((n) => n + 1);
            }}
          />
        </Suspense>
      )}
    </div>
  );
}
