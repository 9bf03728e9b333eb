import { lazy, Suspense, useEffect, useId, useMemo, useState } from 'react';
import { useDesigner } from '../context.js';
import { useEditor } from '../editor/editor-context.js';
import { edgeFigures, finishedTotal, insightsParams, legend, type Insights, type Measure } from '../model/figures.js';
import { toFlow } from '../model/flow.js';
import { ok } from '../api.js';
import './learning.css';

// The charts load when first shown: they are not part of the designer's first load (its 400 KB budget).
const FigureCharts = lazy(() => import('./FigureCharts.js').then((m) => ({ default: m.FigureCharts })));

export type LiveFigures = { insights: Insights; measure: Measure };

type Props = {
  /** The published versions of the process. */
  versions: number[];
  /** Called with the figures to show on the canvas (null while there are none). */
  onFigures(figures: LiveFigures | null): void;
};

/**
 * The live figures' controls (shown while *Cijfers* is on): which version and
 * period (`GET /api/processes/:key/insights`), what colours the steps (time
 * or drop-off), a line of totals, and the legend. The canvas draws them.
 */
export function FiguresBar({ versions, onFigures }: Props) {
  const { t, api, lang } = useDesigner();
  const { processKey, version: shown, def } = useEditor();
  // A version shown read-only shows its own figures first; the draft, the newest version's.
  const newest = useMemo(() => [...versions].sort((a, b) => b - a), [versions]);
  const [version, setVersion] = useState<number | null>(shown ?? newest[0] ?? null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [measure, setMeasure] = useState<Measure>('time');
  const [insights, setInsights] = useState<Insights | null>(null);
  const [loading, setLoading] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [charts, setCharts] = useState(false);
  const ids = { version: useId(), from: useId(), to: useId(), measure: useId(), legend: useId(), charts: useId() };

  useEffect(() => {
    if (!version) return;
    const abort = new AbortController();
    setLoading(true);
    setFailure(null);
    const query = insightsParams({ version, from, to });
    ok(
      api.GET('/api/processes/{key}/insights', { params: { path: { key: processKey }, query }, signal: abort.signal }),
    ).then(
      (r) => {
        setInsights(r);
        setLoading(false);
      },
      (e: Error) => {
        if (e.name !== 'AbortError') {
          setFailure(e.message);
          setLoading(false);
        }
      },
    );
    return () => abort.abort();
  }, [api, processKey, version, from, to]);

  useEffect(() => {
    onFigures(insights ? { insights, measure } : null);
  }, [insights, measure, onFigures]);
  useEffect(() => () => onFigures(null), [onFigures]);

  const unmatched = useMemo(() => {
    if (!insights) return 0;
    const { edges } = toFlow(def, { problems: [], lang });
    return edgeFigures(def, edges, insights.transitions).unmatched.length;
  }, [insights, def, lang]);
  const entries = legend(measure, lang);

  if (!newest.length) {
    return (
      <section className="ontwerp-live" aria-label={t.figuresRegion} data-testid="figures-bar">
        <p className="utrecht-form-field-description ontwerp-hint">{t.figuresNoVersion}</p>
      </section>
    );
  }
  return (
    <section className="ontwerp-live" aria-label={t.figuresRegion} data-testid="figures-bar">
      <div className="ontwerp-live__controls">
        <div className="ontwerp-control">
          <label htmlFor={ids.version} className="utrecht-form-label ontwerp-label-text">
            {t.figuresVersion}
          </label>
          <select
            id={ids.version}
            className="utrecht-select utrecht-select--html-select"
            value={version ?? ''}
            onChange={(e) => setVersion(Number(e.target.value))}
          >
            {newest.map((v) => (
              <option key={v} value={v}>
                {t.versionN(v)}
              </option>
            ))}
          </select>
        </div>
        <div className="ontwerp-control">
          <label htmlFor={ids.from} className="utrecht-form-label ontwerp-label-text">
            {t.figuresFrom}
          </label>
          <input
            id={ids.from}
            type="date"
            className="utrecht-textbox utrecht-textbox--html-input"
            value={from}
            max={to || undefined}
            onChange={(e) => setFrom(e.target.value)}
          />
        </div>
        <div className="ontwerp-control">
          <label htmlFor={ids.to} className="utrecht-form-label ontwerp-label-text">
            {t.figuresTo}
          </label>
          <input
            id={ids.to}
            type="date"
            className="utrecht-textbox utrecht-textbox--html-input"
            value={to}
            min={from || undefined}
            onChange={(e) => setTo(e.target.value)}
          />
        </div>
        <div className="ontwerp-control">
          <label htmlFor={ids.measure} className="utrecht-form-label ontwerp-label-text">
            {t.figuresMeasure}
          </label>
          <select
            id={ids.measure}
            className="utrecht-select utrecht-select--html-select"
            value={measure}
            onChange={(e) => setMeasure(e.target.value as Measure)}
          >
            <option value="time">{t.measureTime}</option>
            <option value="dropOff">{t.measureDropOff}</option>
          </select>
        </div>
        <button
          type="button"
          className="utrecht-button utrecht-button--secondary-action ontwerp-live__charts-toggle"
          aria-expanded={charts}
          aria-controls={ids.charts}
          title={t.chartsHint}
          onClick={() => setCharts((v) => !v)}
        >
          {t.charts}
        </button>
        <p
          className="ontwerp-live__summary"
          role="status"
          data-testid="figures-summary"
          data-state={loading ? 'loading' : insights ? 'ready' : 'none'}
        >
          {loading
            ? t.figuresLoading
            : insights
              ? t.figuresSummary(insights.cases.started, finishedTotal(insights), insights.cases.active)
              : ''}
        </p>
      </div>
      {failure && (
        <p className="utrecht-alert utrecht-alert--error ontwerp-alert" role="alert">
          {t.figuresFailed(failure)}
        </p>
      )}
      <div className="ontwerp-live__legend" role="group" aria-labelledby={ids.legend}>
        <span id={ids.legend} className="utrecht-form-label ontwerp-label-text">
          {t.legend}: {measure === 'time' ? t.legendTime : t.legendDropOff}
        </span>
        <ul className="ontwerp-live__swatches">
          {entries.map((e) => (
            <li key={e.level ?? 'none'}>
              <span
                className={`ontwerp-live__swatch${e.level === null ? ' is-empty' : ''}`}
                style={{ background: e.color }}
                aria-hidden="true"
              />
              {e.label}
            </li>
          ))}
        </ul>
        <span className="utrecht-form-field-description ontwerp-hint">{t.legendEdges}</span>
        {unmatched > 0 && (
          <span className="utrecht-form-field-description ontwerp-hint">{t.figuresUnmatched(unmatched)}</span>
        )}
      </div>
      <div id={ids.charts} hidden={!charts}>
        {charts && version && (
          <Suspense fallback={<p role="status">{t.figuresLoading}</p>}>
            <FigureCharts
              processKey={processKey}
              version={version}
              insights={insights}
              from={from}
              to={to}
              onPeriod={(f, t2) => {
                setFrom(f);
                setTo(t2);
              }}
            />
          </Suspense>
        )}
      </div>
    </section>
  );
}
