import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@utrecht/design-tokens/dist/theme.css';
import '@xyflow/react/dist/style.css';
import './designer.css';
import { App } from './App.js';

createRoot(document.getElementById('ontwerper')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
