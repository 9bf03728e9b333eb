import { useId, useState, type ReactNode } from 'react';
import { useDesigner } from '../context.js';
import { barLength, niceMax } from '../model/charts.js';

/** One category of a chart (a week, a step, a figure) with a value per series and each value as text. */
export type ChartRow = { id: string; label: string; values: (number | null)[]; texts: string[] };

type Props = {
  title: string;
  /** The axis of the categories, in words ("Stap", "Week (begint op maandag)"). */
  categoryAxis: string;
  /** The axis of the values, in words ("Aantal zaken", "Mediane tijd"). */
  valueAxis: string;
  /** One name per series: the first is drawn solid, the second hatched (never colour alone). */
  series: string[];
  rows: ChartRow[];
  /** Columns (weeks) or bars across (steps, whose names are long). */
  direction: 'columns' | 'bars';
  testid: string;
  /** Under each column, instead of its label: something to act on (the week buttons). */
  columnControl?(row: ChartRow, index: number): ReactNode;
  /** Columns drawn as chosen (the chosen period). */
  chosen?(row: ChartRow): boolean;
  /** Text under the chart (how to act on it). */
  hint?: ReactNode;
};

const COLUMN = 58;
const PLOT = 90;
const BAR = 12;
const LABEL = 170;
const ACROSS = 260;

/**
 * A small bar chart in inline SVG (no chart library): a visible title, both
 * axes named in words, every value as text on its bar, series told apart by
 * fill pattern as well as colour (with a legend), and the same figures as a
 * table — always there for screen readers (the drawing is hidden from them),
 * shown on screen with *Toon als tabel*.
 */
export function BarChart(props: Props) {
  const { t } = useDesigner();
  const { title, categoryAxis, valueAxis, series, rows, direction, testid } = props;
  const [table, setTable] = useState(false);
  const ids = { title: useId(), table: useId(), hatch: `hatch-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}` };
  const top = niceMax(Math.max(0, ...rows.flatMap((r) => r.values.map((v) => v ?? 0))));
  const fill = (s: number) => (s === 0 ? 'var(--ontwerp-chart-a, #1f4e79)' : `url(#${ids.hatch})`);
  const hatch = (
    <defs>
      <pattern id={ids.hatch} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="6" height="6" fill="#f3d9a4" />
        <line x1="0" y1="0" x2="0" y2="6" stroke="#8a4b00" strokeWidth="3" />
      </pattern>
    </defs>
  );
  let drawing: ReactNode;
  if (direction === 'columns') {
    const width = Math.max(1, rows.length) * COLUMN;
    const slot = (COLUMN - 10) / series.length;
    drawing = (
      <div className="ontwerp-chart__scroll">
        <svg width={width} height={PLOT + 18} aria-hidden="true" className="ontwerp-chart__svg">
          {hatch}
          <line x1="0" y1={PLOT + 16} x2={width} y2={PLOT + 16} stroke="#6b6b6b" />
          {rows.map((r, i) => (
            <g key={r.id} transform={`translate(${i * COLUMN + 5},0)`}>
              {props.chosen?.(r) && (
                <rect x={-5} y={0} width={COLUMN} height={PLOT + 16} className="ontwerp-chart__chosen" />
              )}
              {series.map((_, s) => {
                const h = barLength(r.values[s], top, PLOT - 14);
                return (
                  <g key={s}>
                    <rect
                      x={s * slot}
                      y={PLOT + 16 - h}
                      width={slot - 2}
                      height={h}
                      fill={fill(s)}
                      stroke="#333"
                      strokeWidth={h ? 0.5 : 0}
                    />
                    <text
                      x={s * slot + (slot - 2) / 2}
                      y={PLOT + 12 - h}
                      textAnchor="middle"
                      className="ontwerp-chart__value"
                    >
                      {r.texts[s]}
                    </text>
                  </g>
                );
              })}
            </g>
          ))}
        </svg>
        <div className="ontwerp-chart__columns" style={{ gridTemplateColumns: `repeat(${rows.length}, ${COLUMN}px)` }}>
          {rows.map((r, i) => (
            <div key={r.id} className="ontwerp-chart__column-label">
              {props.columnControl ? props.columnControl(r, i) : r.label}
            </div>
          ))}
        </div>
      </div>
    );
  } else {
    const rowHeight = series.length * (BAR + 2) + 8;
    const height = rows.length * rowHeight + 4;
    drawing = (
      <div className="ontwerp-chart__scroll">
        <svg width={LABEL + ACROSS + 90} height={height} aria-hidden="true" className="ontwerp-chart__svg">
          {hatch}
          <line x1={LABEL} y1="0" x2={LABEL} y2={height} stroke="#6b6b6b" />
          {rows.map((r, i) => (
            <g key={r.id} transform={`translate(0,${i * rowHeight + 4})`}>
              <text x={LABEL - 6} y={rowHeight / 2} textAnchor="end" className="ontwerp-chart__label">
                {r.label.length > 26 ? `${r.label.slice(0, 25)}…` : r.label}
              </text>
              {series.map((_, s) => {
                const w = barLength(r.values[s], top, ACROSS);
                return (
                  <g key={s} transform={`translate(${LABEL},${s * (BAR + 2)})`}>
                    <rect x={0} y={0} width={w} height={BAR} fill={fill(s)} stroke="#333" strokeWidth={w ? 0.5 : 0} />
                    <text x={w + 4} y={BAR - 2} className="ontwerp-chart__value">
                      {r.texts[s]}
                    </text>
                  </g>
                );
              })}
            </g>
          ))}
        </svg>
      </div>
    );
  }
  return (
    <figure className="ontwerp-chart" data-testid={testid} aria-labelledby={ids.title}>
      <figcaption id={ids.title} className="ontwerp-chart__title">
        {title}
      </figcaption>
      <p className="ontwerp-chart__axis">
        {direction === 'columns'
          ? t.chartAxesColumns(valueAxis, categoryAxis)
          : t.chartAxesBars(valueAxis, categoryAxis)}
      </p>
      {series.length > 1 && (
        <ul className="ontwerp-chart__legend">
          {series.map((name, s) => (
            <li key={name}>
              <svg width="16" height="12" aria-hidden="true">
                <rect width="16" height="12" fill={fill(s)} stroke="#333" strokeWidth="0.5" />
              </svg>
              {name}
            </li>
          ))}
        </ul>
      )}
      {drawing}
      {props.hint}
      <button
        type="button"
        className="utrecht-button utrecht-button--subtle ontwerp-chart__table-toggle"
        aria-expanded={table}
        aria-controls={ids.table}
        onClick={() => setTable((v) => !v)}
      >
        {table ? t.chartHideTable : t.chartShowTable}
      </button>
      <div id={ids.table} className={table ? undefined : 'omslag-visually-hidden'}>
        <table className="ontwerp-compare-table" data-testid={`${testid}-table`}>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{categoryAxis}</th>
              {series.map((name) => (
                <th scope="col" key={name}>
                  {name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-row={r.id}>
                <th scope="row">{r.label}</th>
                {r.texts.map((text, s) => (
                  <td key={s}>{text}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
