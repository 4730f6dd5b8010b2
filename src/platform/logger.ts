/**
 * @module logger
 * JSON logs through pino. Anything that looks like a credential is redacted by key, wherever it sits,
 * so a secret that slips into a log call is still never written.
 */
import { pino, type Logger } from 'pino';

export type { Logger };

/** Field names whose values are never logged, at the top level and up to two levels deep. */
export const SECRET_KEYS = [
  'password',
  'clientSecret',
  'client_secret',
  'accessKey',
  'accessToken',
  'access_token',
  'refreshToken',
  'refresh_token',
  'token',
  'authorization',
  'cookie',
  'masterKey',
  'secret',
  'sessionId',
  'sessionID',
] as const;

const redactPaths = SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { pid: process.pid },
      redact: { paths: redactPaths, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}
