import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';
import type { Plugin, UserConfig } from 'vite';

// Builds the staff phone app into server/dist/staff, served at /staff/ (features/staff-app).
// The service worker is written last, holding the list of every file the build produced, so a
// phone that opened the app once has all of it offline; a new build is a new list and version.
const here = fileURLToPath(new URL('.', import.meta.url));
const BASE = '/staff/';

function serviceWorker(): Plugin {
  return {
    name: 'lanyard-staff-service-worker',
    generateBundle(_options, bundle) {
      const publicFiles = readdirSync(`${here}public`);
      // index.html is emitted after this hook runs; the page is cached as BASE anyway.
      const files = [
        BASE,
        ...[...Object.keys(bundle), ...publicFiles]
          .filter((name) => name !== 'index.html')
          .map((name) => `${BASE}${name}`),
      ].sort();
      const version = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 12);
      const { code } = transformSync(readFileSync(`${here}sw.ts`, 'utf8'), {
        loader: 'ts',
        // A classic worker script: no module syntax.
        format: 'iife',
        target: 'es2022',
        minify: true,
        define: { __SHELL__: JSON.stringify(files), __VERSION__: JSON.stringify(version) },
      });
      this.emitFile({ type: 'asset', fileName: 'sw.js', source: code });
    },
  };
}

const config: UserConfig = {
  root: here,
  base: BASE,
  publicDir: 'public',
  logLevel: 'warn',
  esbuild: { jsx: 'automatic' },
  plugins: [serviceWorker()],
  build: {
    outDir: fileURLToPath(new URL('../../../dist/staff', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // The polyfill is an inline script, which the app's Content-Security-Policy forbids.
    modulePreload: { polyfill: false },
    sourcemap: false,
    reportCompressedSize: false,
  },
};

export default config;
