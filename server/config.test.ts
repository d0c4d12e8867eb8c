import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config';

describe('parseConfig', () => {
  it('applies the documented defaults', () => {
    const c = parseConfig({});
    expect(c.port).toBe(3000);
    expect(c.host).toBe('127.0.0.1');
    expect(c.dataDir).toBe('./data');
    expect(c.databaseUrl).toBeUndefined();
    expect(c.provinceCode).toBe('80');
    expect(c.seed).toBe('demo');
    expect(c.publicUrl).toBe('http://127.0.0.1:3000');
    expect(c.rateLimitPerMinute).toBe(600);
    expect(c.rateLimitAnonymousPerMinute).toBe(1200);
    expect(c.metricsToken).toBeUndefined();
    expect(c.retentionDaysOperational).toBe(30);
  });

  it('keeps request logs off the demo console unless LOG_LEVEL asks for them; production logs every request', () => {
    expect(parseConfig({})).toMatchObject({ seed: 'demo', logLevel: 'info', requestLogs: false });
    expect(parseConfig({ LOG_LEVEL: 'info' })).toMatchObject({ logLevel: 'info', requestLogs: true });
    expect(parseConfig({ LOG_LEVEL: 'debug' })).toMatchObject({ logLevel: 'debug', requestLogs: true });
    expect(parseConfig({ SEED: 'none' })).toMatchObject({ logLevel: 'info', requestLogs: true });
    const production = parseConfig({ NODE_ENV: 'production', DATA_KEY: Buffer.alloc(32, 7).toString('base64') });
    expect(production).toMatchObject({ seed: 'none', logLevel: 'info', requestLogs: true });
  });

  it('refuses a short METRICS_TOKEN', () => {
    expect(() => parseConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
    expect(parseConfig({ METRICS_TOKEN: 'a-long-enough-token-1234' }).metricsToken).toBe('a-long-enough-token-1234');
  });

  it('reports every problem at once', () => {
    try {
      parseConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', PROVINCE_CODE: '8', ADMIN_EMAIL: 'a@b.vn' });
      expect.unreachable('should throw');
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const problems = (err as ConfigError).problems.join('\n');
      expect(problems).toMatch(/PORT/);
      expect(problems).toMatch(/DATABASE_URL/);
      expect(problems).toMatch(/PROVINCE_CODE/);
      expect(problems).toMatch(/ADMIN_PASSWORD/);
    }
  });

  it('defaults to no seed in production and refuses the demo seed there', () => {
    const production = { NODE_ENV: 'production', DATA_KEY: Buffer.alloc(32, 7).toString('base64') };
    expect(parseConfig(production).seed).toBe('none');
    expect(parseConfig({ NODE_ENV: 'development' }).seed).toBe('demo');
    expect(parseConfig({ ...production, SEED: 'none' }).seed).toBe('none');
    try {
      parseConfig({ ...production, SEED: 'demo' });
      expect.unreachable('should throw');
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).problems.join('\n')).toMatch(/SEED: "demo" is refused with NODE_ENV=production/);
    }
  });

  it('treats empty variables as unset', () => {
    expect(parseConfig({ DATABASE_URL: '', PORT: '' }).databaseUrl).toBeUndefined();
  });
});

describe('parseConfig: file storage and upload limits', () => {
  it('stores files in DATA_DIR/files with 10 MB and 40 megapixel limits by default', () => {
    const c = parseConfig({ DATA_DIR: '/var/lib/cds/' });
    expect(c.storage).toEqual({ kind: 'local', dir: '/var/lib/cds/files' });
    expect(c.uploads).toEqual({ maxBytes: 10 * 1024 * 1024, maxPixels: 40_000_000 });
    expect(parseConfig({ UPLOAD_MAX_BYTES: '5242880', UPLOAD_MAX_PIXELS: '24000000' }).uploads).toEqual({
      maxBytes: 5242880,
      maxPixels: 24_000_000,
    });
  });

  it('reads an S3-compatible STORAGE_URL with path-style endpoint, region and optional credentials', () => {
    expect(parseConfig({ STORAGE_URL: 's3://cds-files?endpoint=http://minio.local:9000&region=ap-southeast-1' }).storage).toEqual({
      kind: 's3',
      bucket: 'cds-files',
      endpoint: 'http://minio.local:9000',
      region: 'ap-southeast-1',
      credentials: undefined,
    });
    const withKeys = parseConfig({ STORAGE_URL: 's3://AKIA1:s%2Fecret@cds-files' }).storage;
    expect(withKeys).toMatchObject({ region: 'us-east-1', endpoint: undefined, credentials: { accessKeyId: 'AKIA1', secretAccessKey: 's/ecret' } });
    expect(parseConfig({ STORAGE_URL: 'file:///srv/cds-files' }).storage).toEqual({ kind: 'local', dir: '/srv/cds-files' });
  });

  it('refuses a bad STORAGE_URL and limits out of range, naming the variable', () => {
    for (const [env, pattern] of [
      [{ STORAGE_URL: 'ftp://x' }, /STORAGE_URL: must start with s3:\/\/ or file:\/\//],
      [{ STORAGE_URL: 's3://Bad_Bucket' }, /STORAGE_URL: the bucket name/],
      [{ STORAGE_URL: 's3://cds-files/some/path' }, /STORAGE_URL: s3:\/\/bucket takes no path/],
      [{ STORAGE_URL: 's3://cds-files?endpont=http://x' }, /STORAGE_URL: unknown parameter endpont/],
      [{ STORAGE_URL: 's3://cds-files?endpoint=minio:9000' }, /STORAGE_URL: endpoint must be an http\(s\) URL/],
      [{ UPLOAD_MAX_PIXELS: '10' }, /UPLOAD_MAX_PIXELS/],
      [{ UPLOAD_MAX_BYTES: 'lots' }, /UPLOAD_MAX_BYTES/],
    ] as const) {
      expect(() => parseConfig(env), JSON.stringify(env)).toThrow(pattern);
    }
  });
});
