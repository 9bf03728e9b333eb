import { StrictMode, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import '@utrecht/design-tokens/dist/theme.css';
import '@utrecht/component-library-css/dist/index.css';
import './shell.css';

/** Renders an app into the page's `#app` (see the shared index.html). */
export function mount(App: ComponentType): void {
  createRoot(document.getElementById('app')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
