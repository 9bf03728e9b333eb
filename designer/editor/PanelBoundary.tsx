import { Component, type ContextType, type ReactNode } from 'react';
import { DesignerContext } from '../context.js';

/**
 * Keeps a broken panel from taking the canvas down: a definition edited by
 * hand can be in any shape, and a panel that cannot show it says so (the
 * problems list says what is wrong).
 */
export class PanelBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  static override contextType = DesignerContext;
  declare context: ContextType<typeof DesignerContext>;
  override state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override render() {
    if (!this.state.error) return this.props.children;
    const t = this.context?.t;
    return (
      <div className="utrecht-alert utrecht-alert--error ontwerp-alert" role="alert">
        <p>{t ? t.panelFailed(this.state.error.message) : this.state.error.message}</p>
        <button
          type="button"
          className="utrecht-button utrecht-button--secondary-action"
          onClick={() => this.setState({ error: null })}
        >
          {t?.retry ?? 'Retry'}
        </button>
      </div>
    );
  }
}
