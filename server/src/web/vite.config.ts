import { fileURLToPath } from 'node:url';
import type { UserConfig } from 'vite';

// Builds the attendee portal into server/dist/web, where the server's portal routes serve it.
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
    target: 'es2022',
    // The polyfill is an inline script, which the portal's Content-Security-Policy forbids.
    modulePreload: { polyfill: false },
    sourcemap: false,
    reportCompressedSize: false,
  },
};

export default config;
