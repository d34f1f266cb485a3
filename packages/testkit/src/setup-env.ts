// Runs in every test worker before the test file: quiet logs unless LOG_LEVEL asks otherwise, and the
// secrets the gateway and the subgraphs share, random per process (in-process servers and the
// processes a test spawns inherit them). Tokens are minted with JWT_SECRET (auth.ts).
import { randomBytes } from 'node:crypto';

process.env.NODE_ENV ??= 'test';
process.env.LOG_LEVEL ??= 'silent';
process.env.IDENTITY_SECRET ??= randomBytes(32).toString('base64url');
process.env.JWT_SECRET ??= randomBytes(32).toString('base64url');
