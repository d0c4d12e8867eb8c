import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import { AppError } from '../errors';
import { sendAppError } from './error-handler';

/** Written by the build beside the prerendered public pages (web/public-site/pages.ts, PAGES_MANIFEST). */
const PAGES_MANIFEST = 'pages/pages.json';
/** The root element of a prerendered page and the mark the build puts after it (web/public-site/pages.ts). */
const ROOT_START = '<div id="root">';
const ROOT_END = '</div><!--/root-->';
/** The server renderer's folder in the web root (scripts/vite/prerender-public.ts): never sent to a browser. */
const SERVER_RENDERER_DIR = 'server';
/** Where the browser finds the data a page was rendered with (web/public-site/page-data.ts). */
const PAGE_DATA_ELEMENT_ID = 'cds-page-data';

interface PublicPage {
  path: string;
  file: string;
  /** The name of the data the page is rendered with per request (`team`). */
  data?: string;
}

interface PublicPages {
  pages: PublicPage[];
  staff: string[];
  /** The server renderer the build wrote, relative to the web root (server/render.js). */
  render?: string;
}

type RenderPublicPage = (pathname: string, data: Record<string, unknown>) => Promise<string>;

/**
 * Reads one piece of a public page's data from the address's parameters (`{ id }` of /teams/:id), as an anonymous
 * visitor would get it from the API; null when there is none (the page then gets its prerendered frame).
 */
export type PageDataLoader = (params: Record<string, string>) => Promise<unknown>;

const pageDataLoaders = new WeakMap<FastifyInstance, Map<string, PageDataLoader>>();

/**
 * Lets the composition root give a public page its data once the module that reads it exists (the HTTP server is
 * made before the modules): `providePageData(app, 'team', ({ id }) => …)`.
 */
export function providePageData(app: FastifyInstance, name: string, load: PageDataLoader): void {
  const loaders = pageDataLoaders.get(app) ?? new Map<string, PageDataLoader>();
  loaders.set(name, load);
  pageDataLoaders.set(app, loaders);
}

/** "/teams/:id" matches "/teams/abc" (one segment per parameter), nothing longer or shorter. */
export function matchesRoutePath(pattern: string, pathname: string): boolean {
  const want = pattern.split('/').filter(Boolean);
  const have = pathname.split('/').filter(Boolean);
  return (
    want.length === have.length && want.every((segment, i) => segment.startsWith(':') || segment === have[i])
  );
}

/** The parameters of a matching address: "/teams/:id" and "/teams/abc" → { id: "abc" } (decoded). */
export function routeParamsOf(pattern: string, pathname: string): Record<string, string> {
  const want = pattern.split('/').filter(Boolean);
  const have = pathname.split('/').filter(Boolean);
  const params: Record<string, string> = {};
  want.forEach((segment, i) => {
    if (!segment.startsWith(':')) return;
    try {
      params[segment.slice(1)] = decodeURIComponent(have[i] ?? '');
    } catch {
      params[segment.slice(1)] = have[i] ?? '';
    }
  });
  return params;
}

/** JSON safe inside an HTML element: no "</script>", no line separators a parser might trip on. */
export function jsonForHtml(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** A prerendered page with `body` in its root element and the data it was rendered with after it. */
export function fillPage(template: string, body: string, data: Record<string, unknown>): string | null {
  const start = template.indexOf(ROOT_START);
  const end = template.indexOf(ROOT_END, start);
  if (start < 0 || end < 0) return null;
  const script = `<script type="application/json" id="${PAGE_DATA_ELEMENT_ID}">${jsonForHtml(data)}</script>`;
  return `${template.slice(0, start + ROOT_START.length)}${body}${ROOT_END}${script}${template.slice(end + ROOT_END.length)}`;
}

/** An HTML answer made per request, compressed as the browser accepts (brotli at a fast level, else gzip). */
function sendHtml(request: FastifyRequest, reply: FastifyReply, html: string) {
  const accepted = String(request.headers['accept-encoding'] ?? '');
  void reply
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-cache')
    .header('vary', 'Accept-Encoding');
  if (/\bbr\b/.test(accepted)) {
    const body = brotliCompressSync(html, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } });
    return reply.header('content-encoding', 'br').send(body);
  }
  if (/\bgzip\b/.test(accepted)) return reply.header('content-encoding', 'gzip').send(gzipSync(html));
  return reply.send(html);
}

async function loadRenderer(
  root: string,
  pages: PublicPages,
  log: FastifyInstance['log'],
): Promise<RenderPublicPage | null> {
  if (!pages.render || !pages.pages.some((page) => page.data)) return null;
  const file = path.resolve(root, pages.render);
  if (!fs.existsSync(file)) return null;
  try {
    const module = (await import(pathToFileURL(file).href)) as { renderPublicPage?: unknown };
    return typeof module.renderPublicPage === 'function'
      ? (module.renderPublicPage as RenderPublicPage)
      : null;
  } catch (error) {
    // A renderer that cannot load costs the team page its content in the HTML, never the server its start.
    log.warn({ err: error }, 'the public pages renderer could not be loaded; team pages get their frame');
    return null;
  }
}

function readPublicPages(root: string): PublicPages {
  const file = path.join(root, PAGES_MANIFEST);
  if (!fs.existsSync(file)) return { pages: [], staff: [] };
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<PublicPages>;
  const pages = (parsed.pages ?? []).filter((page) => fs.existsSync(path.join(root, page.file)));
  return { pages, staff: parsed.staff ?? [], ...(parsed.render ? { render: parsed.render } : {}) };
}

/** The public page an address opens, unless the capture page or the staff app owns it. */
function publicPageFor(pathname: string, pages: PublicPages): PublicPage | null {
  if (/^\/capture(\/|$)/.test(pathname) || pages.staff.includes(pathname)) return null;
  return pages.pages.find((p) => matchesRoutePath(p.path, pathname)) ?? null;
}

/** The document for a page address: a prerendered public page, the capture page, or the staff app. */
function documentFor(pathname: string, pages: PublicPages, hasCapture: boolean): string {
  if (hasCapture && /^\/capture(\/|$)/.test(pathname)) return 'capture.html';
  return publicPageFor(pathname, pages)?.file ?? 'index.html';
}

/**
 * The built PWA (dist/web): three documents. The public pages (home, find a team, a team's page, the privacy pages)
 * get their prerendered HTML (dist/web/pages/, listed in pages.json); /capture and below the capture page; every
 * other page address the staff app (index.html). Each file is sent in the best precompressed copy the browser
 * accepts (.br, then .gz, both written by the build) with `Vary: Accept-Encoding`, the documents included. Hashed
 * assets are cached for a year; documents and the service worker never.
 *
 * A page listed with `data` (a team's page) is rendered per request with the build's server renderer and the data
 * the composition root provides (providePageData): its content is in the HTML, and the data is embedded for the
 * browser to hydrate with, so no request waits for the script. Without the data (no such team, a failure) or
 * without a renderer it gets its prerendered frame, as before.
 */
export async function registerWebApp(app: FastifyInstance, webDist: string | null): Promise<void> {
  const root = webDist ? path.resolve(webDist) : null;
  const hasWeb = root !== null && fs.existsSync(path.join(root, 'index.html'));
  // The capture page is its own lighter document (issue 3's size budget); /capture and below open it.
  const hasCapture = hasWeb && fs.existsSync(path.join(root, 'capture.html'));
  const pages: PublicPages = hasWeb ? readPublicPages(root) : { pages: [], staff: [] };
  const renderer = hasWeb ? await loadRenderer(root, pages, app.log) : null;
  const templates = new Map<string, string>();
  const templateOf = (file: string) => {
    if (!templates.has(file)) templates.set(file, fs.readFileSync(path.join(root as string, file), 'utf8'));
    return templates.get(file) as string;
  };
  /** The page rendered with its data, or null (then its prerendered frame is sent). */
  const renderWithData = async (pathname: string): Promise<string | null> => {
    const page = renderer ? publicPageFor(pathname, pages) : null;
    const load = page?.data ? pageDataLoaders.get(app)?.get(page.data) : undefined;
    if (!renderer || !page?.data || !load) return null;
    try {
      const value = await load(routeParamsOf(page.path, pathname));
      if (value === null || value === undefined) return null;
      const data = { [page.data]: value };
      return fillPage(templateOf(page.file), await renderer(pathname, data), data);
    } catch (error) {
      // The frame still works (it fetches the data after hydration): a failure here costs speed, not the page.
      app.log.warn({ err: error, page: page.path }, 'a public page could not be rendered with its data');
      return null;
    }
  };
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root,
      wildcard: false,
      index: false,
      preCompressed: true,
      allowedPath: (pathName) => !pathName.startsWith(`/${SERVER_RENDERER_DIR}/`),
      setHeaders(reply, filePath) {
        const hashed = filePath.includes(`${path.sep}assets${path.sep}`);
        void reply.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler(async (request, reply) => {
    const pathname = request.url.split('?')[0]!;
    const apiLike = /^\/(api|open311|dhis2|catalog|dataset)(\/|$)/.test(pathname);
    // A page address is any other path without a file extension: curl, health checkers and link previews get the
    // page whatever they Accept; a missing file (/assets/x.js, /favicon.ico) stays a 404. An extension starts with a
    // letter, so a case's tracking page (/reports/PAKN.20261128.0012) is a page.
    const fileLike = /\.[A-Za-z][A-Za-z0-9]{0,7}$/.test(pathname);
    if (hasWeb && !apiLike && !fileLike && (request.method === 'GET' || request.method === 'HEAD')) {
      const clean = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
      const rendered = await renderWithData(clean);
      if (rendered !== null) return sendHtml(request, reply, rendered);
      return reply.sendFile(documentFor(clean, pages, hasCapture));
    }
    // The URL is not echoed: it may carry a token or a contact.
    return sendAppError(
      request,
      reply,
      new AppError('NOT_FOUND', 'No such address.', { messageVi: 'Không có địa chỉ này.' }),
    );
  });
}
