import { afterAll, expect } from 'vitest';
import { testLogCapture } from './log-capture';

/**
 * Setup file of the server projects (vitest.config.ts): after each test file, no log line any test app wrote may
 * carry an e-mail address, a phone number or a secret (server/test/log-capture.ts).
 */
afterAll(() => {
  const violations = testLogCapture.violations().map((v) => `${v.kinds.join(',')}: ${v.line}`);
  expect(violations, 'log lines with personal data or secrets').toEqual([]);
});
