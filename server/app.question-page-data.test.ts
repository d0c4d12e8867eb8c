import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createQuestionsWorld, type QuestionsWorld } from './modules/questions/questions.fixtures';

/**
 * The composition root gives a question's page and the FAQ their data (issue 11), as for a team's page: exactly what
 * an anonymous reader gets from the API. A question waiting for moderation gets the page's frame (no data), so
 * nothing unpublished reaches the HTML. A stand-in renderer prints what it was given.
 */
describe('the Q&A page data the server renders with', () => {
  let w: QuestionsWorld;
  let dist: string;
  beforeAll(async () => {
    dist = fs.mkdtempSync(path.join(os.tmpdir(), 'cds-web-'));
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>app</title><div id="root"></div>');
    fs.mkdirSync(path.join(dist, 'pages'));
    for (const name of ['question', 'faq'])
      fs.writeFileSync(
        path.join(dist, 'pages', `${name}.html`),
        `<!doctype html><title>${name}</title><div id="root"></div><!--/root-->`,
      );
    fs.writeFileSync(
      path.join(dist, 'pages', 'pages.json'),
      JSON.stringify({
        pages: [
          { path: '/questions/:id', file: 'pages/question.html', data: 'question' },
          { path: '/faq', file: 'pages/faq.html', data: 'faq' },
        ],
        staff: [],
        render: 'server/render.mjs',
      }),
    );
    fs.mkdirSync(path.join(dist, 'server'));
    fs.writeFileSync(
      path.join(dist, 'server', 'render.mjs'),
      'export async function renderPublicPage(pathname, data) { return `<h1>${pathname}:${Object.keys(data)}</h1>`; }',
    );
    w = await createQuestionsWorld({ WEB_DIST: dist });
  });
  afterAll(async () => {
    await w.close();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  const embedded = (html: string) =>
    JSON.parse(
      /<script type="application\/json" id="cds-page-data">(.*?)<\/script>/.exec(html)?.[1] ?? 'null',
    );

  it('embeds the anonymous API answer of a published question, "<" escaped; a waiting one gets the frame', async () => {
    const { id } = await w.askPublished({
      title: 'Đăng ký khai sinh </script><script>alert(1)</script>',
      body: 'Cần giấy tờ gì để đăng ký khai sinh trực tuyến?',
    });
    await w.answer('commune_officer:in', id);
    const page = await w.t.app.inject({ url: `/questions/${id}`, headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`<h1>/questions/${id}:question</h1>`);
    expect(page.body).not.toContain('<script>alert(1)');
    const api = await w.t.app.inject({ url: `/api/v1/questions/${id}` });
    expect(embedded(page.body)).toEqual({ question: api.json() });
    expect(api.json().actions).toEqual([]);

    const waiting = await w.ask({
      title: 'Một câu hỏi chờ duyệt',
      body: 'Nội dung chưa được đăng công khai.',
    });
    expect(waiting.status).toBe('pending');
    const frame = await w.t.app.inject({ url: `/questions/${waiting.id}` });
    expect(frame.statusCode).toBe(200);
    expect(frame.body).not.toContain('cds-page-data');
    expect(frame.body).not.toContain('chưa được đăng');
    const notUuid = await w.t.app.inject({ url: '/questions/not-a-question' });
    expect(notUuid.body).not.toContain('cds-page-data');
  });

  it('renders the FAQ with its data', async () => {
    const page = await w.t.app.inject({ url: '/faq' });
    expect(page.body).toContain('<h1>/faq:faq</h1>');
    const api = await w.t.app.inject({ url: '/api/v1/faq' });
    expect(embedded(page.body)).toEqual({ faq: api.json() });
  });
});
