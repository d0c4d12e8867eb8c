import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConfigError } from '../../config';
import { parseConfig } from '../../config';
import { createTestApp, type TestApp } from '../../test/app';
import { testDialect } from '../../test/database';

const TILES = 'https://{s}.tiles.example.vn/osm/{z}/{x}/{y}.png';

/** The parse error of one MAP_TILE_URL value, or null when it is accepted. */
function problemOf(value: string): string | null {
  try {
    parseConfig({ MAP_TILE_URL: value });
    return null;
  } catch (error) {
    return (error as ConfigError).problems.join('\n');
  }
}

describe('MAP_TILE_URL configuration', () => {
  it('is optional: without it there is no tile source', () => {
    expect(parseConfig({}).mapTiles).toBeUndefined();
  });

  it('accepts an https template and derives the CSP source of its host ({s} as a wildcard label)', () => {
    expect(parseConfig({ MAP_TILE_URL: TILES }).mapTiles).toEqual({
      url: TILES,
      cspSource: 'https://*.tiles.example.vn',
    });
    expect(parseConfig({ MAP_TILE_URL: 'https://Map.Example.vn:8443/{z}/{x}/{y}.png' }).mapTiles).toEqual({
      url: 'https://Map.Example.vn:8443/{z}/{x}/{y}.png',
      cspSource: 'https://map.example.vn:8443',
    });
  });

  it('refuses a non-https address, a template without {z}/{x}/{y} and a placeholder inside the host', () => {
    expect(problemOf('http://tile.example.vn/{z}/{x}/{y}.png')).toMatch(
      /MAP_TILE_URL: must start with https:\/\//,
    );
    expect(problemOf('tile.example.vn/{z}/{x}/{y}.png')).toMatch(/MAP_TILE_URL: must start with https:\/\//);
    expect(problemOf('https://tile.example.vn/{z}/{x}.png')).toMatch(/MAP_TILE_URL: must contain \{y\}/);
    expect(problemOf('https://tile.{s}.example.vn/{z}/{x}/{y}.png')).toMatch(
      /MAP_TILE_URL: must name a plain host/,
    );
    expect(problemOf('https://evil.vn"; script-src *;/{z}/{x}/{y}')).toMatch(
      /MAP_TILE_URL: must name a plain host/,
    );
  });
});

describe(`map tiles through HTTP on ${testDialect()}`, () => {
  let plain: TestApp;
  let tiled: TestApp;
  beforeAll(async () => {
    plain = await createTestApp();
    tiled = await createTestApp({ MAP_TILE_URL: TILES });
  });
  afterAll(async () => {
    await plain.close();
    await tiled.close();
  });

  const imgSrc = (csp: string) =>
    csp
      .split(';')
      .find((d) => d.trim().startsWith('img-src'))
      ?.trim();

  it('returns no tile URL and lets images come from the site only when none is configured', async () => {
    const res = await plain.app.inject({ method: 'GET', url: '/api/v1/case-categories' });
    expect(res.statusCode).toBe(200);
    expect((res.json() as { tileUrl: string | null }).tileUrl).toBeNull();
    expect(imgSrc(String(res.headers['content-security-policy']))).toBe("img-src 'self' data: blob:");
  });

  it('returns the configured template and allows its host, and only it, in img-src', async () => {
    const res = await tiled.app.inject({ method: 'GET', url: '/api/v1/case-categories' });
    expect(res.statusCode).toBe(200);
    expect((res.json() as { tileUrl: string | null }).tileUrl).toBe(TILES);
    expect(imgSrc(String(res.headers['content-security-policy']))).toBe(
      "img-src 'self' data: blob: https://*.tiles.example.vn",
    );
    // Every answer carries the same policy, the pages' documents included.
    const health = await tiled.app.inject({ method: 'GET', url: '/healthz' });
    expect(String(health.headers['content-security-policy'])).toContain('https://*.tiles.example.vn');
  });
});
