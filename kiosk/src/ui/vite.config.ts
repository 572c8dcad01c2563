import type { UserConfig } from 'vite';

// Builds the kiosk UI into kiosk/dist/ui, which the station agent serves at `/`. Paths are
// relative to the kiosk package, where `npm run build -w kiosk` runs (no node: imports here:
// this folder is the page's). JSX goes through esbuild: no Vite React plugin is needed.
const config: UserConfig = {
  root: 'src/ui',
  base: '/',
  publicDir: false,
  logLevel: 'warn',
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: '../../dist/ui',
    emptyOutDir: true,
    target: 'es2022',
    // The polyfill is an inline script, which the agent's Content-Security-Policy forbids.
    modulePreload: { polyfill: false },
    sourcemap: false,
    reportCompressedSize: false,
    // zxing (camera scanning) is one ~450 kB chunk, loaded from this machine only when used.
    chunkSizeWarningLimit: 600,
  },
};

export default config;
