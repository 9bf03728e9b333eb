/** A message about what just happened, shown once (a flash after a navigation, a failure, a hint). */
export type Flash = { kind: 'success' | 'info' | 'error'; text: string };

type Props = { flash: Flash; action?: { label: string; onClick(): void }; id?: string };

const alertKind = { success: 'ok', info: 'info', error: 'error' } as const;

/**
 * The NL Design System alert. Errors are alerts (read at once); other notices
 * are polite status messages.
 */
export function Notice({ flash, action, id }: Props) {
  return (
    <div
      id={id}
      className={`utrecht-alert utrecht-alert--${alertKind[flash.kind]} omslag-notice`}
      role={flash.kind === 'error' ? 'alert' : 'status'}
    >
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">
          <p className="utrecht-paragraph">{flash.text}</p>
          {action && (
            <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={action.onClick}>
              {action.label}
            </button>
          )}
        </div>
      </div>
    </div>
  );
}
