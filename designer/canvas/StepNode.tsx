import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { NodeFigure } from '../model/figures.js';
import type { StepNodeData } from '../model/flow.js';
import { useDesigner } from '../context.js';
import { useEditor } from '../editor/editor-context.js';
import { KindIcon } from './icons.js';

/**
 * A step on the canvas: its kind (shape, colour and icon), title, key facts,
 * its problems, one target handle on the left and one source handle per slot
 * on the right (next, each route, rule, outcome, timeout — also empty ones, so
 * a designer connects by dragging from the slot to the step it leads to).
 */
export const StepNode = memo(function StepNode({
  data,
  selected,
}: NodeProps & { data: StepNodeData & { figure?: NodeFigure } }) {
  const { t } = useDesigner();
  const { def } = useEditor();
  const isStart = def.start === data.stepId;
  const classes = [
    'ontwerp-node',
    `ontwerp-node--${data.kind}`,
    selected && 'is-selected',
    data.active && 'is-active',
    data.highlighted && 'is-highlighted',
    data.problemCount > 0 && 'has-problems',
  ];
  return (
    <div className={classes.filter(Boolean).join(' ')} data-step={data.stepId} data-kind={data.kind}>
      <Handle
        type="target"
        position={Position.Left}
        id="in"
        className="ontwerp-handle ontwerp-handle--in"
        title={t.handleIn(data.title)}
      />
      <div className="ontwerp-node__head">
        <KindIcon kind={data.kind} />
        <span className="ontwerp-node__kind">{t.kinds[data.kind]}</span>
        {isStart && <span className="ontwerp-badge ontwerp-badge--start">{t.start}</span>}
        {data.problemCount > 0 && (
          <span className="ontwerp-badge ontwerp-badge--problem" title={t.problemCount(data.problemCount)}>
            {t.problemCount(data.problemCount)}
          </span>
        )}
        {data.active && <span className="ontwerp-badge ontwerp-badge--active">{t.here}</span>}
      </div>
      <div className="ontwerp-node__title">{data.title}</div>
      {data.facts.length > 0 && (
        <ul className="ontwerp-node__facts">
          {data.facts.map((f, i) => (
            <li key={i}>{f}</li>
          ))}
        </ul>
      )}
      {data.figure && (
        // Live figures: the colour of the class and the figure itself as text (colour is never the only carrier).
        <div
          className={`ontwerp-node__figure${data.figure.level === null ? ' is-empty' : ''}`}
          style={{ background: data.figure.color, color: data.figure.ink }}
          title={data.figure.detail}
          data-testid="step-figure"
          data-level={data.figure.level ?? 'none'}
        >
          {data.figure.text}
        </div>
      )}
      {data.handles.length > 0 && (
        <ul className="ontwerp-node__slots">
          {data.handles.map((h) => (
            <li
              key={h.id}
              className={`ontwerp-slot${h.id.endsWith(':new') ? ' ontwerp-slot--new' : ''}`}
              data-slot={h.id}
            >
              <span className="ontwerp-slot__label" title={h.label}>
                {short(h.label)}
              </span>
              <Handle
                type="source"
                position={Position.Right}
                id={h.id}
                className="ontwerp-handle ontwerp-handle--out"
                title={t.handleOut(h.label)}
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
});

export const short = (s: string, max = 34) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
