import pino, { type Logger } from 'pino';

/**
 * JSON logs. Secrets and personal data never reach them: auth headers, cookies, passwords, tokens,
 * e-mail addresses and phone numbers are redacted wherever they appear in a logged object.
 */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.token',
  '*.secret',
  '*.email',
  '*.phone',
  '*.csrfToken',
];

export function createLogger(level: string): Logger {
  return pino({ level, redact: { paths: REDACT_PATHS, censor: '[redacted]' }, base: { service: 'cong-dong-so' } });
}
export type { Logger };
