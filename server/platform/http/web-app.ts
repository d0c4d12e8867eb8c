import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { AppError } from '../errors';

/** Written by the build beside the prerendered public pages (web/public-site/pages.ts, PAGES_MANIFEST). */
const PAGES_MANIFEST = 'pages/pages.json';

interface PublicPages {
  pages: { path: string; file: string }[];
  staff: string[];
}

/** "/teams/:id" matches "/teams/abc" (one segment per parameter), nothing longer or shorter. */
export function matchesRoutePath(pattern: string, pathname: string): boolean {
  const want = pattern.split('/').filter(Boolean);
  const have = pathname.split('/').filter(Boolean);
  return want.length === have.length && want.every((segment, i) => segment.startsWith(':') || segment === have[i]);
}

function readPublicPages(root: string): PublicPages {
  const file = path.join(root, PAGES_MANIFEST);
  if (!fs.existsSync(file)) return { pages: [], staff: [] };
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<PublicPages>;
  const pages = (parsed.pages ?? []).filter((page) => fs.existsSync(path.join(root, page.file)));
  return { pages, staff: parsed.staff ?? [] };
}

/** The document for a page address: a prerendered public page, the capture page, or the staff app. */
function documentFor(pathname: string, pages: PublicPages, hasCapture: boolean): string {
  if (hasCapture && /^\/capture(\/|$)/.test(pathname)) return 'capture.html';
  const clean = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  if (!pages.staff.includes(clean)) {
    const page = pages.pages.find((p) => matchesRoutePath(p.path, clean));
    if (page) return page.file;
  }
  return 'index.html';
}

/**
 * The built PWA (dist/web): three documents. The public pages (home, find a team, a team's page, the privacy pages)
 * get their prerendered HTML (dist/web/pages/, listed in pages.json); /capture and below the capture page; every
 * other page address the staff app (index.html). Each file is sent in the best precompressed copy the browser
 * accepts (.br, then .gz, both written by the build) with `Vary: Accept-Encoding`, the documents included. Hashed
 * assets are cached for a year; documents and the service worker never.
 */
export async function registerWebApp(app: FastifyInstance, webDist: string | null): Promise<void> {
  const root = webDist ? path.resolve(webDist) : null;
  const hasWeb = root !== null && fs.existsSync(path.join(root, 'index.html'));
  // The capture page is its own lighter document (issue 3's size budget); /capture and below open it.
  const hasCapture = hasWeb && fs.existsSync(path.join(root, 'capture.html'));
  const pages = hasWeb ? readPublicPages(root) : { pages: [], staff: [] };
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root,
      wildcard: false,
      index: false,
      preCompressed: true,
      setHeaders(reply, filePath) {
        const hashed = filePath.includes(`${path.sep}assets${path.sep}`);
        void reply.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const pathname = request.url.split('?')[0]!;
    const apiLike = /^\/(api|open311|dhis2|catalog|dataset)(\/|$)/.test(pathname);
    // A page address is any other path without a file extension: curl, health checkers and link previews get the
    // page whatever they Accept; a missing file (/assets/x.js, /favicon.ico) stays a 404.
    const fileLike = /\.[A-Za-z0-9]{1,8}$/.test(pathname);
    if (hasWeb && !apiLike && !fileLike && (request.method === 'GET' || request.method === 'HEAD')) {
      return reply.sendFile(documentFor(pathname, pages, hasCapture));
    }
    // The URL is not echoed: it may carry a token or a contact.
    return reply
      .status(404)
      .send(new AppError('NOT_FOUND', 'No such address.', { messageVi: 'Không có địa chỉ này.' }).toBody());
  });
}
