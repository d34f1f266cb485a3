// One jest run for the whole repository: TypeScript through @swc/jest (decorators and their metadata),
// one PostgreSQL per run (DATABASE_URL, or an embedded one started by the global setup).
/** @type {import('jest').Config} */
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2023',
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

module.exports = {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/{packages,subgraphs,gateway,test}/**/test/**/*.test.ts', '<rootDir>/test/**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  globalSetup: '<rootDir>/packages/testkit/src/global-setup.ts',
  globalTeardown: '<rootDir>/packages/testkit/src/global-teardown.ts',
  setupFiles: ['<rootDir>/packages/testkit/src/setup-env.ts'],
  testTimeout: 60_000,
  maxWorkers: 2,
};
