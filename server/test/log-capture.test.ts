import { describe, expect, it } from 'vitest';
import { createSecret } from '../platform/auth/tokens';
import { createLogger } from '../platform/logger';
import { createLogCapture, findPersonalData } from './log-capture';

/** The checker behind log-check.setup.ts must be able to fail, and must not fail on ordinary log lines. */
describe('the log checker', () => {
  it('finds e-mail addresses, Vietnamese phone numbers in every spelling, and secrets', () => {
    expect(findPersonalData('"q":"an.tran@example.vn"')).toEqual(['email']);
    for (const phone of ['0912345678', '+84912345678', '84912345678', '091 234 5678', '091.234.5678'])
      expect(findPersonalData(`"contact":"${phone}"`), phone).toEqual(['phone']);
    expect(findPersonalData(`/api/v1/invitations/${createSecret()}`)).toEqual(['secret']);
    expect(findPersonalData(`"csrf":"${createSecret(24)}"`)).toEqual(['secret']);
  });

  it('passes ordinary lines: ids, hashes, times, durations, error codes', () => {
    const line = JSON.stringify({
      level: 30,
      time: 1796414007811,
      reqId: '01a2429e-6a03-7002-9304-efbdce6316cf',
      hash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      responseTime: 3.0512345678,
      code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE',
      msg: 'request completed',
    });
    expect(findPersonalData(line)).toEqual([]);
  });

  it('records a violation for each offending line written through a logger', () => {
    const capture = createLogCapture();
    const logger = createLogger('info', capture.stream);
    logger.info({ route: '/api/v1/users' }, 'fine');
    logger.info(`mail to an.tran@example.vn`);
    expect(capture.lineCount()).toBe(2);
    expect(capture.violations().map((v) => v.kinds)).toEqual([['email']]);
  });
});
