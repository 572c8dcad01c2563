import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.js';
import { startI18n, startingLanguage } from './i18n/i18n.js';

// The first paint is already in the reader's language: its catalog loads before it.
await startI18n(startingLanguage());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
