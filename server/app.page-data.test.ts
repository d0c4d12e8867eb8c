import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHamlet, buildTeam, COMMUNE_A, loadTestUnits } from './modules/teams/teams.fixtures';
import { createTestApp, type TestApp } from './test/app';

/**
 * The composition root gives the team page its data (issue 8): what an anonymous visitor reads from
 * GET /api/v1/teams/:id, no more. A stand-in renderer prints the team's name; the embedded data is compared with the
 * API's anonymous answer.
 */
describe('the team page data the server renders with', () => {
  let t: TestApp;
  let dist: string;
  let teamId: string;
  beforeAll(async () => {
    dist = fs.mkdtempSync(path.join(os.tmpdir(), 'cds-web-'));
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>app</title><div id="root"></div>');
    fs.mkdirSync(path.join(dist, 'pages'));
    fs.writeFileSync(
      path.join(dist, 'pages', 'team.html'),
      '<!doctype html><title>team</title><div id="root"></div><!--/root-->',
    );
    fs.writeFileSync(
      path.join(dist, 'pages', 'pages.json'),
      JSON.stringify({
        pages: [{ path: '/teams/:id', file: 'pages/team.html', data: 'team' }],
        staff: [],
        render: 'server/render.mjs',
      }),
    );
    fs.mkdirSync(path.join(dist, 'server'));
    fs.writeFileSync(
      path.join(dist, 'server', 'render.mjs'),
      'export async function renderPublicPage(_pathname, data) { return `<h1>${data.team.id}</h1>`; }',
    );
    t = await createTestApp({ WEB_DIST: dist });
    await loadTestUnits(t.database.db);
    const hamlet = await buildHamlet(t.database.db, COMMUNE_A, 'Ấp Bình Phú');
    teamId = (await buildTeam(t.database.db, { communeCode: COMMUNE_A, hamletId: hamlet.id })).id;
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  it('embeds exactly the anonymous API answer, and nothing for an unknown team', async () => {
    const page = await t.app.inject({ url: `/teams/${teamId}`, headers: { accept: 'text/html' } });
    expect(page.body).toContain(`<h1>${teamId}</h1>`);
    const embedded = /<script type="application\/json" id="cds-page-data">(.*?)<\/script>/.exec(
      page.body,
    )?.[1];
    const api = await t.app.inject({ url: `/api/v1/teams/${teamId}` });
    expect(api.statusCode).toBe(200);
    expect(JSON.parse(embedded ?? 'null')).toEqual({ team: api.json() });
    expect(api.json().actions).toEqual([]);

    const unknown = await t.app.inject({ url: '/teams/0197c348-0000-7000-8000-000000000000' });
    expect(unknown.statusCode).toBe(200);
    expect(unknown.body).not.toContain('cds-page-data');
  });
});
