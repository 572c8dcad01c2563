import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startI18n } from '../i18n/i18n.js';
import { DashboardApp } from './app.js';

// The dashboard is English; the parts it shares with the portal (fields, notices) speak through
// the portal's translations.
await startI18n('en');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <DashboardApp />
  </StrictMode>,
);
