import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { ErrorDetail } from '../../../shared/contracts/errors';
import { MAX_CASE_DESCRIPTION } from '../../../shared/contracts/cases';
import { OPEN311_UPDATE_STATUSES, type Open311UpdateStatus } from '../../../shared/rules/case-workflow';
import { AppError, validation } from '../../platform/errors';
import { parseW3cDateTime } from './open311-format';

/**
 * Open311 parameters: GET filters from the query string, POST fields from a form body (application/x-www-form-urlencoded,
 * as FixMyStreet sends them). Clients add fields of their own (jurisdiction_id, title, email_alerts_requested…):
 * those are ignored, never refused. Errors name the field and the rule, never the value sent.
 */
export type FormParams = Record<string, string | string[]>;

/** A form body → fields; a repeated field (media_url with several photos, attribute[x][]) becomes a list. */
export function parseForm(body: string): FormParams {
  const out: FormParams = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const prev = out[key];
    if (prev === undefined) out[key] = value;
    else out[key] = Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}

const problem = (path: string, message: string, messageVi: string): ErrorDetail => ({
  path,
  message,
  messageVi,
});

function one(params: FormParams, key: string): string | undefined {
  const v = params[key];
  const s = Array.isArray(v) ? v[0] : v;
  const t = s?.trim();
  return t === undefined || t === '' ? undefined : t;
}

function all(params: FormParams, key: string): string[] {
  const v = params[key];
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).map((s) => s.trim()).filter((s) => s !== '');
}

/** `attribute[code]=v` (and `attribute[code][]=v` for lists) → { code: v | [v…] }. */
export function attributesOf(params: FormParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(params)) {
    const m = /^attribute\[([^\]]{1,64})\](\[\])?$/.exec(key);
    if (!m) continue;
    const values = (Array.isArray(value) ? value : [value]).map((v) => v.trim()).filter((v) => v !== '');
    if (values.length === 0) continue;
    out[m[1]!] = m[2] || values.length > 1 ? values : values[0]!;
  }
  return out;
}

const HTTP_URL = /^https?:\/\/[^\s]{1,2000}$/i;
const EMAIL = z.string().email().max(254);

export interface RequestParams {
  serviceCode: string;
  location: { lat: number; lng: number } | null;
  addressString: string | null;
  description: string;
  attributes: Record<string, string | string[]>;
  name: string | null;
  email: string | null;
  phone: string | null;
  accountId: string | null;
  deviceId: string | null;
  mediaUrl: string | null;
}

function coordinate(
  params: FormParams,
  key: string,
  min: number,
  max: number,
  problems: ErrorDetail[],
): number | null {
  const raw = one(params, key);
  if (raw === undefined) return null;
  const n = Number(raw);
  if (!/^-?\d+(\.\d+)?$/.test(raw) || n < min || n > max) {
    problems.push(
      problem(key, `Must be a number between ${min} and ${max}.`, `Phải là số từ ${min} đến ${max}.`),
    );
    return null;
  }
  return n;
}

function limited(params: FormParams, key: string, max: number, problems: ErrorDetail[]): string | null {
  const v = one(params, key);
  if (v === undefined) return null;
  if (v.length > max) {
    problems.push(problem(key, `At most ${max} characters.`, `Tối đa ${max} ký tự.`));
    return null;
  }
  return v;
}

/** POST requests: the fields of interfaces.md §3, checked; the case intake checks the rest (category, place). */
export function parseRequestParams(params: FormParams): RequestParams {
  const problems: ErrorDetail[] = [];
  const serviceCode = limited(params, 'service_code', 64, problems);
  if (serviceCode === null && !problems.length)
    problems.push(problem('service_code', 'Required.', 'Bắt buộc.'));
  const lat = coordinate(params, 'lat', -90, 90, problems);
  const lng = coordinate(params, 'long', -180, 180, problems);
  if ((lat === null) !== (lng === null) && problems.length === 0)
    problems.push(problem('lat', 'Give both lat and long.', 'Cần cả vĩ độ (lat) và kinh độ (long).'));
  const addressString = limited(params, 'address_string', 300, problems);
  if (
    lat === null &&
    lng === null &&
    addressString === null &&
    !problems.some((p) => p.path === 'lat' || p.path === 'long')
  )
    problems.push(
      problem(
        'lat',
        'A location is required: lat and long, or address_string.',
        'Cần vị trí: lat và long, hoặc address_string.',
      ),
    );
  const description = limited(params, 'description', MAX_CASE_DESCRIPTION, problems);
  if (description === null && !problems.some((p) => p.path === 'description'))
    problems.push(problem('description', 'Required.', 'Bắt buộc.'));
  const email = one(params, 'email');
  if (email !== undefined && !EMAIL.safeParse(email).success)
    problems.push(problem('email', 'Not an e-mail address.', 'Địa chỉ e-mail không hợp lệ.'));
  const phone = limited(params, 'phone', 20, problems);
  const first = limited(params, 'first_name', 60, problems);
  const last = limited(params, 'last_name', 60, problems);
  const accountId = limited(params, 'account_id', 100, problems);
  const deviceId = limited(params, 'device_id', 100, problems);
  const media = all(params, 'media_url');
  if (media.some((u) => !HTTP_URL.test(u)))
    problems.push(problem('media_url', 'Must be an http(s) address.', 'Phải là địa chỉ http(s).'));
  const attributes = attributesOf(params);
  if (Object.keys(attributes).length > 50)
    problems.push(problem('attribute', 'Too many attributes.', 'Quá nhiều thuộc tính.'));
  if (problems.length > 0) throw validation(problems);
  const name = [first, last]
    .filter((s) => s !== null && s !== '-')
    .join(' ')
    .trim();
  return {
    serviceCode: serviceCode!,
    location: lat !== null && lng !== null ? { lat, lng } : null,
    addressString,
    description: description!,
    attributes,
    name: name === '' ? null : name,
    email: email?.toLowerCase() ?? null,
    phone,
    accountId,
    deviceId,
    mediaUrl: media[0] ?? null,
  };
}

/**
 * The digest behind Open311 idempotency: every field but the key itself, trimmed, in key order, so a client's retry
 * of the same submission maps to the same case whatever order it sends the fields in.
 */
export function normalisedParamsDigest(params: FormParams): string {
  const entries = Object.entries(params)
    .filter(([k]) => k !== 'api_key')
    .map(([k, v]) => [k, (Array.isArray(v) ? v : [v]).map((s) => s.trim())] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash('sha256').update(JSON.stringify(entries)).digest('hex');
}

export interface UpdateParams {
  serviceRequestId: string;
  clientUpdateId: string | null;
  status: Open311UpdateStatus;
  description: string;
  updatedAt: string | null;
  mediaUrl: string | null;
  email: string | null;
}

/** POST servicerequestupdates (mySociety): a comment, optionally re-opening or closing the request. */
export function parseUpdateParams(params: FormParams): UpdateParams {
  const problems: ErrorDetail[] = [];
  const serviceRequestId = limited(params, 'service_request_id', 64, problems);
  if (serviceRequestId === null && !problems.length)
    problems.push(problem('service_request_id', 'Required.', 'Bắt buộc.'));
  const clientUpdateId = limited(params, 'update_id', 100, problems);
  const statusRaw = one(params, 'status')?.toUpperCase();
  const status = OPEN311_UPDATE_STATUSES.find((s) => s === statusRaw);
  if (!status)
    problems.push(
      problem(
        'status',
        `One of ${OPEN311_UPDATE_STATUSES.join(', ')}.`,
        `Một trong ${OPEN311_UPDATE_STATUSES.join(', ')}.`,
      ),
    );
  const description = limited(params, 'description', MAX_CASE_DESCRIPTION, problems) ?? '';
  const updatedRaw = one(params, 'updated_datetime');
  const updatedAt = updatedRaw === undefined ? null : parseW3cDateTime(updatedRaw);
  if (updatedRaw !== undefined && updatedAt === null)
    problems.push(problem('updated_datetime', 'A W3C date-time with a zone.', 'Ngày giờ W3C có múi giờ.'));
  const media = all(params, 'media_url');
  if (media.some((u) => !HTTP_URL.test(u)))
    problems.push(problem('media_url', 'Must be an http(s) address.', 'Phải là địa chỉ http(s).'));
  const email = one(params, 'email');
  if (email !== undefined && !EMAIL.safeParse(email).success)
    problems.push(problem('email', 'Not an e-mail address.', 'Địa chỉ e-mail không hợp lệ.'));
  if (
    description === '' &&
    media.length === 0 &&
    status !== 'REOPEN' &&
    status !== 'CLOSED' &&
    status !== 'FIXED'
  )
    problems.push(problem('description', 'Required.', 'Bắt buộc.'));
  if (problems.length > 0) throw validation(problems);
  return {
    serviceRequestId: serviceRequestId!,
    clientUpdateId,
    status: status!,
    description,
    updatedAt,
    mediaUrl: media[0] ?? null,
    email: email?.toLowerCase() ?? null,
  };
}

/** GET requests' and servicerequestupdates' filters (query string). */
const dateParam = z.string().max(40).optional();
export const RequestsQuerySchema = z.looseObject({
  service_request_id: z.string().max(40_000).optional(),
  service_code: z.string().max(64).optional(),
  start_date: dateParam,
  end_date: dateParam,
  status: z.string().max(20).optional(),
  page: z.string().max(10).optional(),
  page_size: z.string().max(10).optional(),
});
export type RequestsQuery = z.infer<typeof RequestsQuerySchema>;

export const MAX_PAGE_SIZE = 1000;
export const DEFAULT_WINDOW_DAYS = 90;

export interface ParsedWindow {
  start: string;
  end: string;
  status?: 'open' | 'closed';
  page: number;
  pageSize: number;
}

/** Dates (W3C), status and paging; the default window is the last 90 days before `end` (or now). */
export function parseWindow(q: RequestsQuery, now: Date): ParsedWindow {
  const problems: ErrorDetail[] = [];
  const date = (key: 'start_date' | 'end_date') => {
    const raw = q[key]?.trim();
    if (!raw) return undefined;
    const iso = parseW3cDateTime(raw);
    if (iso === null)
      problems.push(
        problem(
          key,
          'A W3C date-time, e.g. 2026-12-01T00:00:00+07:00.',
          'Ngày giờ W3C, ví dụ 2026-12-01T00:00:00+07:00.',
        ),
      );
    return iso ?? undefined;
  };
  const int = (key: 'page' | 'page_size', max: number) => {
    const raw = q[key]?.trim();
    if (!raw) return undefined;
    const n = Number(raw);
    if (!/^\d+$/.test(raw) || n < 1 || n > max)
      problems.push(problem(key, `A whole number from 1 to ${max}.`, `Số nguyên từ 1 đến ${max}.`));
    return n;
  };
  const endIso = date('end_date');
  const startIso = date('start_date');
  const statusRaw = q.status?.trim().toLowerCase();
  if (statusRaw && statusRaw !== 'open' && statusRaw !== 'closed')
    problems.push(problem('status', 'open or closed.', 'open hoặc closed.'));
  const page = int('page', 1_000_000) ?? 1;
  const pageSize = int('page_size', MAX_PAGE_SIZE) ?? MAX_PAGE_SIZE;
  if (problems.length > 0) throw validation(problems);
  const end = endIso ?? now.toISOString();
  const start = startIso ?? new Date(Date.parse(end) - DEFAULT_WINDOW_DAYS * 86_400_000).toISOString();
  if (startIso !== undefined && endIso !== undefined && start > end)
    throw new AppError('BAD_REQUEST', 'start_date is after end_date.', {
      messageVi: 'start_date sau end_date.',
    });
  return { start, end, page, pageSize, ...(statusRaw ? { status: statusRaw as 'open' | 'closed' } : {}) };
}

/** A comma list of tracking codes (or ids), at most a page's worth. */
export function parseRefs(list: string): string[] {
  const refs = [
    ...new Set(
      list
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    ),
  ];
  if (refs.length > MAX_PAGE_SIZE)
    throw validation([
      problem('service_request_id', `At most ${MAX_PAGE_SIZE} ids.`, `Tối đa ${MAX_PAGE_SIZE} mã.`),
    ]);
  if (refs.some((r) => r.length > 64))
    throw validation([problem('service_request_id', 'Not an id.', 'Mã không hợp lệ.')]);
  return refs;
}
