// ESM-only dependencies (oidc-provider, jose, openid-client) need jest's native ESM mode:
// scripts/run-tests.mjs starts node with --experimental-vm-modules; @swc/jest strips types.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      target: 'es2022',
      transform: { react: { runtime: 'automatic' } },
    },
    module: { type: 'es6' },
  },
];

export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: { '^.+\\.tsx?$': swc },
  moduleNameMapper: {
    '^@lanyard/(core|hardware|server|kiosk)$': '<rootDir>/$1/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testMatch: ['<rootDir>/*/src/**/*.test.ts?(x)', '<rootDir>/*/test/**/*.test.ts?(x)'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  testTimeout: 30000,
  // Native ESM mode keeps every test file's module graph alive in its worker: over the whole suite
  // a worker grew past 4 GB and once ran out of heap. A worker past this after a file is replaced.
  workerIdleMemoryLimit: '1536MB',
};
