import type { ErrorCode, ErrorDetail } from '../../shared/contracts/errors';

export const HTTP_STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  URI_TOO_LONG: 414,
  HEADERS_TOO_LARGE: 431,
  LOCKED: 423,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
};

/** Bilingual defaults: services may pass their own text; these keep every answer readable by a citizen. */
const DEFAULT_MESSAGES: Record<ErrorCode, [en: string, vi: string]> = {
  VALIDATION: ['Some fields are not valid.', 'Một số trường chưa hợp lệ.'],
  BAD_REQUEST: ['The request could not be understood.', 'Yêu cầu không hợp lệ.'],
  UNAUTHENTICATED: ['Please sign in.', 'Vui lòng đăng nhập.'],
  FORBIDDEN: ['You do not have permission to do this.', 'Bạn không có quyền thực hiện thao tác này.'],
  NOT_FOUND: ['Not found.', 'Không tìm thấy.'],
  CONFLICT: ['This conflicts with existing data.', 'Dữ liệu bị trùng hoặc xung đột.'],
  PAYLOAD_TOO_LARGE: ['The request is too large.', 'Dữ liệu gửi lên quá lớn.'],
  UNSUPPORTED_MEDIA_TYPE: ['Unsupported content type.', 'Định dạng dữ liệu không được hỗ trợ.'],
  URI_TOO_LONG: ['The address is too long.', 'Địa chỉ yêu cầu quá dài.'],
  HEADERS_TOO_LARGE: ['The request headers or address are too large.', 'Phần đầu yêu cầu hoặc địa chỉ quá lớn.'],
  LOCKED: ['The account is temporarily locked.', 'Tài khoản tạm thời bị khoá.'],
  RATE_LIMITED: ['Too many requests; please wait a moment.', 'Quá nhiều yêu cầu, vui lòng thử lại sau ít phút.'],
  INTERNAL: ['Something went wrong on our side.', 'Hệ thống gặp sự cố, vui lòng thử lại.'],
  UNAVAILABLE: [
    'The service is temporarily unavailable; please try again shortly.',
    'Hệ thống tạm thời gián đoạn, vui lòng thử lại sau ít phút.',
  ],
};

/**
 * The one error type services throw. It carries a code from the closed list, never an HTTP status:
 * the HTTP layer maps the code once (platform/http/error-handler.ts).
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly messageVi: string;
  readonly details: ErrorDetail[] | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(
    code: ErrorCode,
    message?: string,
    opts: { messageVi?: string; details?: ErrorDetail[]; headers?: Record<string, string> } = {},
  ) {
    const [en, vi] = DEFAULT_MESSAGES[code];
    super(message ?? en);
    this.code = code;
    this.messageVi = opts.messageVi ?? vi;
    this.details = opts.details;
    this.headers = opts.headers;
  }

  get status(): number {
    return HTTP_STATUS[this.code];
  }

  toBody() {
    return {
      error: {
        code: this.code,
        message: this.message,
        messageVi: this.messageVi,
        ...(this.details && this.details.length > 0 ? { details: this.details } : {}),
      },
    };
  }
}

export const notFound = (what = 'Not found.', vi = 'Không tìm thấy.') =>
  new AppError('NOT_FOUND', what, { messageVi: vi });
export const forbidden = () => new AppError('FORBIDDEN');
export const unauthenticated = () => new AppError('UNAUTHENTICATED');
export const conflict = (message: string, messageVi: string) => new AppError('CONFLICT', message, { messageVi });
export const validation = (details: ErrorDetail[], message?: string, messageVi?: string) =>
  new AppError('VALIDATION', message, { details, ...(messageVi ? { messageVi } : {}) });
