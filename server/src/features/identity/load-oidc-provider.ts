import type * as OidcProvider from 'oidc-provider';

// oidc-provider 9 prints "Unsupported runtime" while loading on any Node.js LTS before 22 (it
// compares process.release.lts with "Jod"). Lanyard supports Node.js >= 20.19 (package.json
// engines), where the issuer's whole test suite runs, so that one line is only noise on every
// start. It is dropped while the module loads, and nothing else: any other warning passes.
const UNSUPPORTED_RUNTIME = 'oidc-provider WARNING: Unsupported runtime.';

async function loadQuietly(): Promise<typeof OidcProvider> {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].includes(UNSUPPORTED_RUNTIME)) return;
    warn.apply(console, args);
  };
  try {
    return await import('oidc-provider');
  } finally {
    console.warn = warn;
  }
}

const oidc = await loadQuietly();
export const Provider = oidc.Provider;
export type Provider = OidcProvider.Provider;
export const errors = oidc.errors;
