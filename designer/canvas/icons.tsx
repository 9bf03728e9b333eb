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
