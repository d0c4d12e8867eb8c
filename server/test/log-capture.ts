import type { DestinationStream } from 'pino';

/**
 * Test apps log at 'trace' into this capture instead of stdout (server/test/app.ts), and every line is checked
 * for personal data and secrets as it is written; server/test/log-check.setup.ts fails the test file when any line
 * carried one. So the route tests double as a test of the logs.
 */

/** An e-mail address anywhere in a line. */
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;
/** A Vietnamese mobile number: 0 / 84 / +84, then 3|5|7|8|9 and 8 digits, spaces, dots or dashes allowed between. */
const VN_PHONE = /(?<![\d.])(?:\+?84|0)[35789](?:[ .-]?\d){8}(?!\d)/;
/**
 * The shape of a secret from createSecret() (base64url, 24 or 32 random bytes → 32 or 43 characters): upper- and
 * lower-case letters and digits mixed. UUIDs and SHA-256 hex are lower-case only, so they never match.
 */
const SECRET_RUN = /[A-Za-z0-9_-]{32,}/g;

/** Request ids and record ids (UUIDs) are removed first: their digit groups can look like a dashed phone number. */
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

export type PersonalDataKind = 'email' | 'phone' | 'secret';

export function findPersonalData(line: string): PersonalDataKind[] {
  const found: PersonalDataKind[] = [];
  if (EMAIL.test(line)) found.push('email');
  if (VN_PHONE.test(line.replace(UUID, '<id>'))) found.push('phone');
  for (const run of line.match(SECRET_RUN) ?? []) {
    if (/[A-Z]/.test(run) && /[a-z]/.test(run) && /\d/.test(run)) {
      found.push('secret');
      break;
    }
  }
  return found;
}

export interface LogViolation {
  kinds: PersonalDataKind[];
  line: string;
}

export interface LogCapture {
  stream: DestinationStream;
  lineCount(): number;
  violations(): LogViolation[];
  /** The last lines written (for tests of the logging itself). */
  recentLines(): string[];
}

export function createLogCapture(keepRecent = 200): LogCapture {
  let count = 0;
  const violations: LogViolation[] = [];
  const recent: string[] = [];
  return {
    stream: {
      write(line: string) {
        count += 1;
        recent.push(line);
        if (recent.length > keepRecent) recent.shift();
        const kinds = findPersonalData(line);
        if (kinds.length > 0 && violations.length < 50) violations.push({ kinds, line: line.slice(0, 2000) });
      },
    },
    lineCount: () => count,
    violations: () => [...violations],
    recentLines: () => [...recent],
  };
}

/** The capture every test app of this test file writes to (one module instance per test file). */
export const testLogCapture = createLogCapture();
