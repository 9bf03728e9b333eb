import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { GroupNodeData } from '../model/flow.js';
import { useDesigner } from '../context.js';

/** A group (phase): a frame around its steps, with the events that work from each of them. */
export const GroupNode = memo(function GroupNode({ data, selected }: NodeProps & { data: GroupNodeData }) {
  const { t } = useDesigner();
  return (
    <div className={`ontwerp-group${selected ? ' is-selected' : ''}`} data-group={data.groupId}>
      <div className="ontwerp-group__head">
        <span className="ontwerp-group__kind">{t.group}</span>
        <span className="ontwerp-group__title">{data.title}</span>
        {data.problemCount > 0 && (
          <span className="ontwerp-badge ontwerp-badge--problem">{t.problemCount(data.problemCount)}</span>
        )}
      </div>
      {data.handles.length > 0 && (
        <ul className="ontwerp-group__events" aria-label={t.groupEvents}>
          {data.handles.map((h) => (
            <li key={h.id} className="ontwerp-slot" data-slot={h.id}>
              <span className="ontwerp-slot__label">{t.eventFromEveryStep(h.label)}</span>
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
