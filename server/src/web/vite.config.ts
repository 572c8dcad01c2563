import { fileURLToPath } from 'node:url';
import type { UserConfig } from 'vite';

// Builds the attendee portal and the organizer dashboard (dashboard/index.html) into
// server/dist/web, where the server's portal and dashboard routes serve them.
// React's JSX goes through esbuild's automatic runtime: no Vite React plugin is needed.
const here = fileURLToPath(new URL('.', import.meta.url));

const config: UserConfig = {
  root: here,
  base: '/',
  publicDir: false,
  logLevel: 'warn',
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    // The server recognizes a build by its manifest.
    manifest: true,
    rollupOptions: {
      input: {
        portal: fileURLToPath(new URL('index.html', import.meta.url)),
        dashboard: fileURLToPath(new URL('dashboard/index.html', import.meta.url)),
      },
    },
    target: 'es2022',
    // The polyfill is an inline script, which the portal's Content-Security-Policy forbids.
    modulePreload: { polyfill: false },
    sourcemap: false,
    reportCompressedSize: false,
  },
};

export default config;
