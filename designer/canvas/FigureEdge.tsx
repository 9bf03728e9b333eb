import { BaseEdge, EdgeLabelRenderer, getSmoothStepPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import type { EdgeFigure } from '../model/figures.js';

/** What an edge with figures carries (set by the canvas from `edgeFigures`). */
export type FigureEdgeData = {
  via: string;
  figure: EdgeFigure;
  countText: string;
  slotLabel: string;
  title: string;
  /** The first of parallel lines (between the same two steps): the one that carries their shared count. */
  lead: boolean;
  /** Where the line bends (parallel lines bend apart: Canvas's parallelBends). */
  stepPosition: number;
};

/**
 * An edge while the live figures are on: the same smooth-step line, as thick
 * as it is busy, with the number of cases that took it as text (so the
 * number is read, not guessed from the thickness). The slot's label is on
 * the node already; it is in the label's title, with the count in words.
 * Parallel lines share one count, drawn once (on the first).
 */
export const FigureEdge = memo(function FigureEdge(props: EdgeProps) {
  const {
    id,
    source,
    target,
    sourceX,
    sourceY,
    targetX,
    targetY,
    sourcePosition,
    targetPosition,
    markerEnd,
    style,
    interactionWidth,
  } = props;
  const data = props.data as FigureEdgeData;
  const [path, labelX, labelY] = getSmoothStepPath({
    sourceX,
    sourceY,
    sourcePosition,
    targetX,
    targetY,
    targetPosition,
    stepPosition: data.stepPosition,
  });
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        style={{ ...style, strokeWidth: data.figure.width }}
        interactionWidth={interactionWidth}
      />
      {data.lead && (
        <EdgeLabelRenderer>
          <div
            className={`ontwerp-edge-count nodrag nopan${data.figure.count === 0 ? ' is-zero' : ''}`}
            title={data.slotLabel ? `${data.slotLabel}: ${data.title}` : data.title}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            data-testid="edge-count"
            data-source={source}
            data-target={target}
            data-count={data.figure.count}
            data-parallel={data.figure.parallel}
          >
            <strong className="ontwerp-edge-count__n">{data.countText}</strong>
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
});
