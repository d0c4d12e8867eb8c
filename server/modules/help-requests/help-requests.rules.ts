import { createHash, timingSafeEqual } from 'node:crypto';
import { AppError, validation } from '../../platform/errors';

/** Errors and small pure helpers of the help-requests module, each message in Vietnamese and English. */

export const invalid = (path: string, message: string, messageVi: string) =>
  validation([{ path, message, messageVi }]);

export const sha256Hex = (value: string) => createHash('sha256').update(value).digest('hex');

/** Compares a presented token with its stored SHA-256 in constant time. */
export function tokenMatches(token: string, storedHash: string): boolean {
  const given = Buffer.from(sha256Hex(token), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return stored.length === given.length && timingSafeEqual(stored, given);
}

export const NO_CONSENT = () =>
  invalid(
    'body.consent',
    'Agree to be contacted: without it the team cannot call you, so the request was not sent.',
    'Hãy đồng ý để tổ liên lạc với bạn: nếu không đồng ý, tổ không thể gọi cho bạn nên yêu cầu chưa được gửi.',
  );

export const STALE_CONSENT = () =>
  invalid(
    'body.consentVersion',
    'The consent text has changed: reload the page, read it again and agree.',
    'Nội dung lời đồng ý đã thay đổi: hãy tải lại trang, đọc lại và đồng ý.',
  );

export const BAD_PHONE = () =>
  invalid(
    'body.phone',
    'Give a Vietnamese phone number the team can call (09…).',
    'Hãy nhập số điện thoại Việt Nam để tổ gọi lại (09…).',
  );

export const TOO_MANY_FOR_PHONE = () =>
  new AppError(
    'RATE_LIMITED',
    'This phone number has sent many help requests today. Please try again tomorrow.',
    {
      messageVi:
        'Số điện thoại này đã gửi nhiều yêu cầu hỗ trợ trong hôm nay. Vui lòng gửi lại vào ngày mai.',
      headers: { 'retry-after': '3600' },
    },
  );

export const NOT_FOUND_REQUEST = () =>
  new AppError('NOT_FOUND', 'No help request has this code.', {
    messageVi: 'Không có yêu cầu hỗ trợ nào có mã này.',
  });

export const WRONG_TOKEN = () =>
  new AppError('FORBIDDEN', 'This link is not the one given when the request was sent.', {
    messageVi: 'Đường dẫn này không phải đường dẫn được cấp khi gửi yêu cầu.',
  });

export const wrongState = () =>
  new AppError(
    'CONFLICT',
    'The request is not at a step where this can be done (it may have just changed).',
    {
      messageVi: 'Yêu cầu không ở bước có thể làm việc này (có thể vừa được người khác cập nhật).',
    },
  );
