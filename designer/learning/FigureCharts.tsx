import { useEffect, useId, useMemo, useState } from 'react';
import { isFinal, todayIn, wallClock } from '../../runtime/model/index.js';
import { ok } from '../api.js';
import { useDesigner } from '../context.js';
import { chartWindow, weekDate, weekInPeriod, weekLabel, weeksPeriod, type Week } from '../model/charts.js';
import { dropOffRate, formatDuration, formatPercent, insightsParams, type Insights } from '../model/figures.js';
import { BarChart, type ChartRow } from './BarChart.js';

type Props = {
  processKey: string;
  version: number;
  /** The figures of the chosen period (the step charts draw them). */
  insights: Insights | null;
  from: string;
  to: string;
  /** Sets the figures' period (whole days, both included; empty is open). */
  onPeriod(from: string, to: string): void;
};

/**
 * The figures as charts (under *Grafieken* in the figures' bar): cases
 * started and finished per week, on which the period is chosen (a week, or
 * from one week to another), and per step the drop-off and the median time.
 * The weekly chart keeps its own window of weeks up to today, so choosing a
 * period on it does not move it.
 */
export function FigureCharts({ processKey, version, insights, from, to, onPeriod }: Props) {
  const { t, api, lang } = useDesigner();
  const [span, setSpan] = useState(12);
  const [weeks, setWeeks] = useState<Week[] | null>(null);
  const [anchor, setAnchor] = useState<string | null>(null);
  const spanId = useId();

  useEffect(() => {
    const abort = new AbortController();
    const window = chartWindow(span, todayIn(wallClock));
    const query = insightsParams({ version, ...window });
    ok(
      api.GET('/api/processes/{key}/insights', { params: { path: { key: processKey }, query }, signal: abort.signal }),
    ).then(
      (r) => setWeeks(r.weeks),
      () => setWeeks(null),
    );
    return () => abort.abort();
  }, [api, processKey, version, span]);

  const weekRows: ChartRow[] = (weeks ?? []).map((w) => ({
    id: w.week,
    label: weekDate(w.week, lang),
    values: [w.started, w.finished],
    texts: [String(w.started), String(w.finished)],
  }));
  const choose = (monday: string) => {
    if (anchor) {
      const p = weeksPeriod(anchor, monday);
      setAnchor(null);
      onPeriod(p.from, p.to);
    } else {
      const p = weeksPeriod(monday, monday);
      setAnchor(monday);
      onPeriod(p.from, p.to);
    }
  };
  const steps = useMemo(
    () => (insights?.steps ?? []).filter((s) => !(s.kind && isFinal({ kind: s.kind })) && s.entered > 0),
    [insights],
  );

  return (
    <div className="ontwerp-charts" data-testid="figure-charts">
      <div className="ontwerp-charts__week">
        <BarChart
          title={t.chartWeeksTitle}
          categoryAxis={t.chartWeeksAxis}
          valueAxis={t.chartCasesAxis}
          series={[t.seriesStarted, t.seriesFinished]}
          rows={weekRows}
          direction="columns"
          testid="chart-weeks"
          chosen={(r) => weekInPeriod(r.id, from, to)}
          columnControl={(r) => (
            <button
              type="button"
              className="ontwerp-chart__week"
              aria-pressed={weekInPeriod(r.id, from, to)}
              aria-label={t.chartWeekButton(weekLabel(r.id, lang), r.label, r.texts[0], r.texts[1])}
              data-week={r.id}
              onClick={() => choose(r.id)}
            >
              {weekLabel(r.id, lang)}
            </button>
          )}
          hint={
            <div className="ontwerp-chart__hint">
              <p className="utrecht-form-field-description ontwerp-hint" role="status">
                {anchor ? t.chartPickEnd(weekDate(anchor, lang)) : t.chartPickHint}
              </p>
              <div className="ontwerp-control ontwerp-chart__span">
                <label htmlFor={spanId} className="utrecht-form-label ontwerp-label-text">
                  {t.chartSpan}
                </label>
                <select
                  id={spanId}
                  className="utrecht-select utrecht-select--html-select"
                  value={span}
                  onChange={(e) => setSpan(Number(e.target.value))}
                >
                  {[12, 26, 52].map((n) => (
                    <option key={n} value={n}>
                      {t.chartSpanWeeks(n)}
                    </option>
                  ))}
                </select>
              </div>
              {(from || to) && (
                <button
                  type="button"
                  className="utrecht-button utrecht-button--secondary-action"
                  onClick={() => {
                    setAnchor(null);
                    onPeriod('', '');
                  }}
                >
                  {t.chartWholePeriod}
                </button>
              )}
            </div>
          }
        />
      </div>
      {steps.length > 0 ? (
        <div className="ontwerp-charts__steps">
          <BarChart
            title={t.chartDropOffTitle}
            categoryAxis={t.chartStepAxis}
            valueAxis={t.chartDropOffAxis}
            series={[t.measureDropOff]}
            rows={steps.map((s) => ({
              id: s.step,
              label: s.title,
              values: [s.dropOff],
              texts: [`${s.dropOff} (${formatPercent(dropOffRate(s), lang)})`],
            }))}
            direction="bars"
            testid="chart-dropoff"
          />
          <BarChart
            title={t.chartTimeTitle}
            categoryAxis={t.chartStepAxis}
            valueAxis={t.chartTimeAxis}
            series={[t.measureTime]}
            rows={steps.map((s) => ({
              id: s.step,
              label: s.title,
              values: [s.medianMs],
              texts: [formatDuration(s.medianMs, lang)],
            }))}
            direction="bars"
            testid="chart-time"
          />
        </div>
      ) : (
        <p className="utrecht-form-field-description ontwerp-hint">{t.chartNoSteps}</p>
      )}
    </div>
  );
}
