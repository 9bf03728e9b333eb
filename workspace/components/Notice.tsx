import type { Flash } from '../context.js';

type Props = { flash: Flash; action?: { label: string; onClick(): void }; id?: string };

/**
 * A message about what just happened. Errors are alerts (read at once);
 * other notices are polite status messages.
 */
export function Notice({ flash, action, id }: Props) {
  return (
    <div id={id} className={`werkplek-notice werkplek-notice--${flash.kind}`} role={flash.kind === 'error' ? 'alert' : 'status'}>
      <p className="utrecht-paragraph">{flash.text}</p>
      {action && <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={action.onClick}>{action.label}</button>}
    </div>
  );
}
