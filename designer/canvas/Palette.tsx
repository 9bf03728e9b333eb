import type { DragEvent } from 'react';
import { stepKindNames, type StepKindName } from '../../runtime/model/index.js';
import { useDesigner } from '../context.js';
import { DRAG_TYPE } from './Canvas.js';
import { useFolded } from '../hooks/use-folded.js';
import { FoldButton, KindIcon } from './icons.js';

type Props = { onAdd(kind: StepKindName): void; onAddGroup(): void };

/**
 * The step kinds to add: click (or Enter) places one beside the selected step
 * (else in view), or drag one onto the canvas. Folded, only the icons stay
 * (each button keeps its full name), so the canvas gets the room.
 */
export function Palette({ onAdd, onAddGroup }: Props) {
  const { t } = useDesigner();
  const [folded, toggle] = useFolded('palette');
  const start = (kind: StepKindName) => (e: DragEvent) => {
    e.dataTransfer.setData(DRAG_TYPE, kind);
    e.dataTransfer.effectAllowed = 'copy';
  };
  return (
    <nav className={`ontwerp-palette${folded ? ' is-folded' : ''}`} aria-label={t.palette}>
      <div className="ontwerp-palette__head">
        <h2 className="utrecht-heading-2 ontwerp-panel-title">{t.palette}</h2>
        <FoldButton folded={folded} onToggle={toggle} fold={t.foldPalette} unfold={t.unfoldPalette} side="start" />
      </div>
      <ul>
        {stepKindNames.map((kind) => (
          <li key={kind}>
            <button
              type="button"
              className={`ontwerp-palette__item ontwerp-palette__item--${kind}`}
              draggable
              onDragStart={start(kind)}
              onClick={() => onAdd(kind)}
              title={t.kindHelp[kind]}
              aria-label={t.addKind(t.kinds[kind])}
            >
              <KindIcon kind={kind} />
              <span>{t.kinds[kind]}</span>
            </button>
          </li>
        ))}
        <li>
          <button
            type="button"
            className="ontwerp-palette__item ontwerp-palette__item--group"
            onClick={onAddGroup}
            title={t.groupHelp}
            aria-label={t.addKind(t.group)}
          >
            <svg
              className="ontwerp-icon"
              width={18}
              height={18}
              viewBox="0 0 24 24"
              fill="none"
              stroke="currentColor"
              strokeWidth={2}
              strokeDasharray="3 2"
              aria-hidden="true"
            >
              <rect x="3" y="4" width="18" height="16" rx="2" />
            </svg>
            <span>{t.group}</span>
          </button>
        </li>
      </ul>
    </nav>
  );
}
