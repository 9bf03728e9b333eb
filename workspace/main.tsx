import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@utrecht/design-tokens/dist/theme.css';
import '@utrecht/component-library-css/dist/index.css';
import './workspace.css';
import { App } from './App.js';

createRoot(document.getElementById('werkplek')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
