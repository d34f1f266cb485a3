// Structured logging: one pino root; every process and module takes a child named after itself.
import pino from 'pino';

export const rootLogger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
  base: { pid: process.pid },
  timestamp: pino.stdTimeFunctions.isoTime,
});

export type Logger = pino.Logger;

export function createLogger(name: string): Logger {
  return rootLogger.child({ name });
}
