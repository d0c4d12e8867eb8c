import type { FastifyReply } from 'fastify';
import { AppError } from '../../platform/errors';
import { OPEN311_CONTENT_TYPES } from '../../platform/http/open311-errors';
import { xmlDocument, type XmlObject } from '../../platform/http/xml-writer';
import { VIETNAM_OFFSET_MS } from '../../../shared/time/vietnam-time';

/**
 * GeoReport v2 answers in XML and JSON from one value: the JSON is the value itself, the XML nests each list under
 * its plural element with one singular element per item (the names FixMyStreet's XML::Simple `ForceArray` expects).
 */
export type Open311Format = 'xml' | 'json';

/** Plural → singular element names of every list the resources carry. */
export const OPEN311_LIST_ITEMS: Readonly<Record<string, string>> = {
  services: 'service',
  attributes: 'attribute',
  values: 'value',
  service_requests: 'request',
  service_request_updates: 'request_update',
  endpoints: 'endpoint',
  formats: 'format',
  errors: 'error',
};

export function parseFormat(format: string): Open311Format {
  if (format === 'xml' || format === 'json') return format;
  throw new AppError('BAD_REQUEST', 'Unknown format: use .xml or .json.', {
    messageVi: 'Chỉ hỗ trợ .xml hoặc .json.',
  });
}

/** `PAKN.20261128.0012.xml` → the id and the format (ids carry dots, so the format is after the last one). */
export function splitIdAndFormat(file: string): { id: string; format: Open311Format } {
  const dot = file.lastIndexOf('.');
  if (dot <= 0)
    throw new AppError('BAD_REQUEST', 'Unknown format: use .xml or .json.', {
      messageVi: 'Chỉ hỗ trợ .xml hoặc .json.',
    });
  return { id: file.slice(0, dot), format: parseFormat(file.slice(dot + 1)) };
}

/** Sends a resource: `root` is the XML root element (the JSON is the bare value, as the spec's examples show). */
export function sendOpen311(
  reply: FastifyReply,
  format: Open311Format,
  root: string,
  value: XmlObject | XmlObject[],
  status = 200,
): FastifyReply {
  const body = format === 'json' ? JSON.stringify(value) : xmlDocument(root, value, OPEN311_LIST_ITEMS);
  return reply.status(status).header('content-type', OPEN311_CONTENT_TYPES[format]).send(body);
}

/**
 * A stored UTC instant as W3C date-time in Vietnam's offset, always `+07:00` (one zone everywhere in the answers; the
 * province has no daylight saving), to the second as W3CDTF parsers expect.
 */
export function w3cDateTime(isoUtc: string | null): string | null {
  if (isoUtc === null) return null;
  const ms = Date.parse(isoUtc);
  if (Number.isNaN(ms)) return null;
  return `${new Date(ms + VIETNAM_OFFSET_MS).toISOString().slice(0, 19)}+07:00`;
}

/** W3C date-times clients send: a date, or date and time with seconds (fractions allowed) and a zone. */
const W3C_INPUT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2}))?$/;

/**
 * A client's date-time → UTC ISO. A bare date is the start of that day in Vietnam (the deployment's zone), since the
 * spec leaves it to the server; a time without a zone is refused (it would be ambiguous).
 */
export function parseW3cDateTime(value: string): string | null {
  const v = value.trim();
  if (!W3C_INPUT.test(v)) return null;
  const withZone = v.length === 10 ? `${v}T00:00:00+07:00` : v.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const ms = Date.parse(withZone);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}
