import { createRoot } from 'react-dom/client';
import { App } from './app.js';

// The service worker keeps the app's files, so the app opens with no network at all.
if ('serviceWorker' in navigator) {
  void navigator.serviceWorker.register('./sw.js', { scope: './' }).catch(() => undefined);
}
createRoot(document.getElementById('root')!).render(<App />);
