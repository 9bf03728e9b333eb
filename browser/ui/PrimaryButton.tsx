import type { ReactNode } from 'react';

type Props = {
  type?: 'button' | 'submit';
  /** While busy the button stays focusable and announced, but does nothing (aria-disabled, not disabled). */
  busy?: boolean;
  onClick?(): void;
  children: ReactNode;
};

/** The page's main action, as an NL Design System primary button. */
export function PrimaryButton({ type = 'button', busy, onClick, children }: Props) {
  return (
    <button
      type={type}
      className="utrecht-button utrecht-button--primary-action"
      aria-disabled={busy || undefined}
      onClick={onClick && (() => !busy && onClick())}
    >
      {children}
    </button>
  );
}
