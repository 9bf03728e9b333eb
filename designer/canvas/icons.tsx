import type { Step } from '../../runtime/model/index.js';

// One small line icon per step kind (24×24, stroke in currentColor), so the
// kind is seen without reading: a form, a fork, a person, a clock, an
// envelope, a flag.
const paths: Record<Step['kind'], string> = {
  form: 'M6 3h9l3 3v15H6z M9 9h6 M9 13h6 M9 17h4',
  decision: 'M12 3l9 9-9 9-9-9z M12 8v5 M12 16v.5',
  handoff: 'M12 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8z M4 21c0-4 3.6-7 8-7s8 3 8 7',
  wait: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z M12 7v5l3 2',
  message: 'M3 6h18v12H3z M3 6l9 7 9-7',
  end: 'M5 21V4 M5 4h12l-2 4 2 4H5',
};

export function KindIcon({ kind, size = 18 }: { kind: Step['kind']; size?: number }) {
  return (
    <svg className="ontwerp-icon" width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d={paths[kind] ?? paths.form} />
    </svg>
  );
}

export const stepKindsInOrder: Step['kind'][] = ['form', 'decision', 'handoff', 'wait', 'message', 'end'];
