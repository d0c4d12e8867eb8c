import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { installErrorHandling } from './error-handler';
import { answerFrameworkError } from './framework-errors';
import { isOpen311Url, open311ErrorPayload, open311StatusOf } from './open311-errors';
import { escapeXmlText, xmlDocument } from './xml-writer';

describe('XML writer', () => {
  it('escapes markup and quotes, and keeps Vietnamese as it is', () => {
    expect(escapeXmlText(`<a href="x">Tom & Jerry's</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;',
    );
    expect(escapeXmlText('Đèn đường không sáng 🚦')).toBe('Đèn đường không sáng 🚦');
  });

  it('drops what XML 1.0 cannot carry and writes CR and C1 controls as references', () => {
    expect(escapeXmlText('a\u0000b\u0007c\u001Fd\uFFFEe')).toBe('a\uFFFDb\uFFFDc\uFFFDd\uFFFDe');
    expect(escapeXmlText('x\uD800y\uDC00z')).toBe('x\uFFFDy\uFFFDz');
    expect(escapeXmlText('line\r\nnext\ttab\u0085')).toBe('line&#xD;\nnext\ttab&#x85;');
  });

  it('nests lists under their plural element, writes empty values as empty elements', () => {
    const xml = xmlDocument('services', [{ service_code: 'a', metadata: true, group: null, values: [] }], {
      services: 'service',
      values: 'value',
    });
    expect(xml).toBe(
      '<?xml version="1.0" encoding="utf-8"?>\n<services><service><service_code>a</service_code><metadata>true</metadata><group/><values/></service></services>',
    );
    expect(() => xmlDocument('x', [{ a: 1 }])).toThrow(/item element/);
    expect(() => xmlDocument('x', { 'bad name': 1 })).toThrow(/element name/);
  });
});

describe('Open311 error shape', () => {
  it('maps codes to GeoReport statuses: 404, 403, 400 for the rest; limits and our failures keep theirs', () => {
    expect(open311StatusOf(new AppError('NOT_FOUND'))).toBe(404);
    expect(open311StatusOf(new AppError('UNAUTHENTICATED'))).toBe(403);
    expect(open311StatusOf(new AppError('FORBIDDEN'))).toBe(403);
    expect(open311StatusOf(new AppError('VALIDATION'))).toBe(400);
    expect(open311StatusOf(new AppError('CONFLICT'))).toBe(400);
    expect(open311StatusOf(new AppError('UNSUPPORTED_MEDIA_TYPE'))).toBe(400);
    expect(open311StatusOf(new AppError('RATE_LIMITED'))).toBe(429);
    expect(open311StatusOf(new AppError('UNAVAILABLE'))).toBe(503);
    expect(isOpen311Url('/open311/v2/services.xml')).toBe(true);
    expect(isOpen311Url('/api/v1/open311')).toBe(false);
  });

  it('answers in the format of the address, with the fields of each problem', () => {
    const error = new AppError('VALIDATION', 'Some fields are not valid.', {
      details: [{ path: 'lat', message: 'Must be a number.', messageVi: 'Phải là số.' }],
    });
    const json = open311ErrorPayload('/open311/v2/requests.json?x=1', error);
    expect(json).toEqual({
      status: 400,
      contentType: 'application/json; charset=utf-8',
      body: '[{"code":400,"description":"Some fields are not valid. lat: Must be a number."}]',
    });
    const xml = open311ErrorPayload(
      '/open311/v2/requests.xml',
      new AppError('FORBIDDEN', 'No <key> & no entry.'),
    );
    expect(xml.contentType).toBe('text/xml; charset=utf-8');
    expect(xml.body).toBe(
      '<?xml version="1.0" encoding="utf-8"?>\n<errors><error><code>403</code><description>No &lt;key&gt; &amp; no entry.</description></error></errors>',
    );
    expect(open311ErrorPayload('/open311/v2/anything', error).contentType).toBe('text/xml; charset=utf-8');
  });

  it('is what the platform answers under /open311/ only: thrown errors, validation and router refusals alike', async () => {
    const app = Fastify({ frameworkErrors: answerFrameworkError });
    installErrorHandling(app);
    app.get('/open311/v2/boom.:format', async () => {
      throw new AppError('NOT_FOUND', 'No such service.');
    });
    app.get('/api/v1/boom', async () => {
      throw new AppError('NOT_FOUND', 'No such thing.');
    });
    app.get(
      '/open311/v2/limited/:id',
      { schema: { querystring: { type: 'object', properties: { n: { type: 'integer' } } } } },
      async () => 'ok',
    );
    const json = await app.inject('/open311/v2/boom.json');
    expect(json.statusCode).toBe(404);
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(json.json()).toEqual([{ code: 404, description: 'No such service.' }]);
    const xml = await app.inject('/open311/v2/boom.xml');
    expect(xml.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(xml.body).toContain(
      '<errors><error><code>404</code><description>No such service.</description></error></errors>',
    );
    const api = await app.inject('/api/v1/boom');
    expect(api.json()).toMatchObject({ error: { code: 'NOT_FOUND', message: 'No such thing.' } });
    const invalid = await app.inject('/open311/v2/limited/x?n=abc');
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).toContain('<code>400</code>');
    const badEncoding = await app.inject('/open311/v2/limited/%E0%A4%A.json');
    expect(badEncoding.statusCode).toBe(400);
    expect(badEncoding.json()).toEqual([{ code: 400, description: 'The address is not valid.' }]);
    expect(badEncoding.headers['cache-control']).toBe('no-store');
  });
});
