// Runs in every test worker before the test file: quiet logs unless LOG_LEVEL asks otherwise.
process.env.NODE_ENV ??= 'test';
process.env.LOG_LEVEL ??= 'silent';
