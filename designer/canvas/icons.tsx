import type { StepKindName } from '../../runtime/model/index.js';
import { designerKinds } from '../kinds.js';

/** One small line icon per step kind (the path is registered with the kind in designer/kinds.ts). */
export function KindIcon({ kind, size = 18 }: { kind: StepKindName; size?: number }) {
  return (
    <svg
      className="ontwerp-icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={designerKinds[kind]?.icon ?? designerKinds.form.icon} />
    </svg>
  );
}

/**
 * Folds a panel away or back (a chevron pointing where the panel goes).
 * `side`: the edge of the window the panel sits at; 'end' for one below.
 */
export function FoldButton({
  folded,
  onToggle,
  fold,
  unfold,
  side,
}: {
  folded: boolean;
  onToggle(): void;
  fold: string;
  unfold: string;
  side: 'start' | 'end' | 'bottom';
}) {
  // Points towards where the panel goes when pressed.
  const towards = {
    start: folded ? 'M9 6l6 6-6 6' : 'M15 6l-6 6 6 6',
    end: folded ? 'M15 6l-6 6 6 6' : 'M9 6l6 6-6 6',
    bottom: folded ? 'M6 15l6-6 6 6' : 'M6 9l6 6 6-6',
  }[side];
  return (
    <button
      type="button"
      className="ontwerp-fold"
      aria-expanded={!folded}
      aria-label={folded ? unfold : fold}
      title={folded ? unfold : fold}
      onClick={onToggle}
    >
      <svg
        className="ontwerp-icon"
        width={18}
        height={18}
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth={2.5}
        strokeLinecap="round"
        strokeLinejoin="round"
        aria-hidden="true"
        focusable="false"
      >
        <path d={towards} />
      </svg>
    </button>
  );
}
