import { useEffect, useState } from 'react';
import { isFinal, t as text, type Process } from '../../runtime/model/index.js';
import { useDesigner } from '../context.js';
import {
  compareRows,
  dropOffRate,
  formatDuration,
  formatPercent,
  insightsParams,
  type CompareRow,
  type Insights,
} from '../model/figures.js';
import { BarChart, type ChartRow } from './BarChart.js';
import { ok } from '../api.js';
import './learning.css';

/** One side of the comparison: a published version (with figures) or the draft (without). */
export type Side = { label: string; version: number | null; def: Process | null };

/**
 * Two versions' figures next to each other (`GET …/insights?version=` for
 * each, all their cases): started, still running, finished per outcome,
 * the share that went to an official; and per step the median time and the
 * drop-off. The draft has no figures; its column says so.
 */
export function CompareFigures({ processKey, a, b }: { processKey: string; a: Side; b: Side }) {
  const { t, api, lang } = useDesigner();
  const [figures, setFigures] = useState<Record<number, Insights>>({});
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    for (const v of [a.version, b.version]) {
      if (!v || figures[v]) continue;
      const params = { path: { key: processKey }, query: insightsParams({ version: v }) };
      ok(api.GET('/api/processes/{key}/insights', { params })).then(
        (r) => {
          if (live) setFigures((f) => ({ ...f, [v]: r }));
        },
        (e: Error) => {
          if (live) setFailure(e.message);
        },
      );
    }
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, processKey, a.version, b.version]);

  if (!a.version || !b.version)
    return <p className="utrecht-form-field-description ontwerp-hint">{t.compareDraftNoFigures}</p>;
  const fa = figures[a.version] ?? null;
  const fb = figures[b.version] ?? null;
  if (failure)
    return (
      <p className="utrecht-alert utrecht-alert--error ontwerp-alert" role="alert">
        {t.figuresFailed(failure)}
      </p>
    );
  if (!fa || !fb)
    return (
      <p role="status" className="utrecht-form-field-description ontwerp-hint">
        {t.figuresLoading}
      </p>
    );

  // The steps of both (not the ends: those are the outcomes above), the newer version's order first.
  const steps: { id: string; title: string; inA: boolean; inB: boolean }[] = [];
  for (const def of [b.def, a.def]) {
    for (const [id, s] of Object.entries(def?.steps ?? {})) {
      if (isFinal(s) || steps.some((x) => x.id === id)) continue;
      steps.push({ id, title: text(s.title, lang) || id, inA: !!a.def?.steps[id], inB: !!b.def?.steps[id] });
    }
  }
  // Two steps with the same title (a step renamed in the newer version) are told apart by their ids.
  const titles = steps.map((x) => x.title);
  for (const x of steps) if (titles.filter((title) => title === x.title).length > 1) x.title = `${x.title} (${x.id})`;
  const outcomes = t.outcomes4 as Record<string, string>;
  const rows = compareRows(fa, fb, steps, lang, (o) => outcomes[o] ?? o);
  const cell = (value: string | null) =>
    value === null ? <td className="is-missing">{t.notInVersion}</td> : <td>{value}</td>;
  const table = (caption: string, head: string, list: CompareRow[], testid: string) => (
    <table className="ontwerp-compare-table" data-testid={testid}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{head}</th>
          <th scope="col">{a.label}</th>
          <th scope="col">{b.label}</th>
        </tr>
      </thead>
      <tbody>
        {list.map((r) => (
          <tr key={r.id} data-row={r.id}>
            <th scope="row">{r.label}</th>
            {cell(r.a)}
            {cell(r.b)}
          </tr>
        ))}
      </tbody>
    </table>
  );
  // The same figures as bars side by side: the process's counts, and per step the median time and the drop-off.
  const outcomeIds = [...new Set([...Object.keys(fa.cases.finished), ...Object.keys(fb.cases.finished)])].sort();
  const counts: ChartRow[] = [
    { id: 'started', label: t.cmpStarted, get: (i: Insights) => i.cases.started },
    { id: 'active', label: t.cmpActive, get: (i: Insights) => i.cases.active },
    ...outcomeIds.map((o) => ({
      id: `finished:${o}`,
      label: t.cmpFinished(outcomes[o] ?? o),
      get: (i: Insights) => i.cases.finished[o] ?? 0,
    })),
  ].map(({ id, label, get }) => ({ id, label, values: [get(fa), get(fb)], texts: [String(get(fa)), String(get(fb))] }));
  const perStep = (measure: (x: Insights['steps'][number]) => [number | null, string]): ChartRow[] =>
    steps.map((x) => {
      const side = (i: Insights, exists: boolean): [number | null, string] => {
        if (!exists) return [null, t.notInVersion];
        const f = i.steps.find((y) => y.step === x.id);
        return f && f.entered > 0 ? measure(f) : [null, t.figNoCases];
      };
      const [va, ta] = side(fa, x.inA);
      const [vb, tb] = side(fb, x.inB);
      return { id: x.id, label: x.title, values: [va, vb], texts: [ta, tb] };
    });
  const labels = [a.label, b.label];
  return (
    <div className="ontwerp-compare-figures">
      <p className="utrecht-form-field-description ontwerp-hint">{t.compareFiguresHint}</p>
      <div className="ontwerp-charts ontwerp-charts--compare" data-testid="compare-charts">
        <BarChart
          title={t.chartCompareTitle}
          categoryAxis={t.chartCompareAxis}
          valueAxis={t.chartCasesAxis}
          series={labels}
          rows={counts}
          direction="bars"
          testid="compare-chart-cases"
        />
        {steps.length > 0 && (
          <>
            <BarChart
              title={t.chartCompareTime}
              categoryAxis={t.chartStepAxis}
              valueAxis={t.chartTimeAxis}
              series={labels}
              rows={perStep((f) => [f.medianMs, formatDuration(f.medianMs, lang)])}
              direction="bars"
              testid="compare-chart-time"
            />
            <BarChart
              title={t.chartCompareDropOff}
              categoryAxis={t.chartStepAxis}
              valueAxis={t.chartDropOffAxis}
              series={labels}
              rows={perStep((f) => [f.dropOff, `${f.dropOff} (${formatPercent(dropOffRate(f), lang)})`])}
              direction="bars"
              testid="compare-chart-dropoff"
            />
          </>
        )}
      </div>
      {table(t.compareCaption(a.label, b.label), t.compareWhat, rows.process, 'compare-process')}
      {rows.steps.length > 0 &&
        table(t.compareStepsCaption(a.label, b.label), t.compareStep, rows.steps, 'compare-steps')}
    </div>
  );
}
