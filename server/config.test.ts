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
