import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin, type ResolvedConfig, type Rollup } from 'vite';
import {
  PAGES_MANIFEST,
  PUBLIC_PAGES,
  ROOT_END_MARK,
  STAFF_PATHS_UNDER_PUBLIC,
  type PagesManifest,
} from '../../web/public-site/pages.ts';
import { featureNavItems } from './nav-items.ts';

const ROOT_ELEMENT = '<div id="root"></div>';
/** The server renderer's folder in the web root (SERVER_RENDERER_DIR in server/platform/http/web-app.ts too). */
export const SERVER_RENDERER_DIR = 'server';

/**
 * The stylesheets and scripts of a chunk (a lazy page, or the chunk holding a document's entry module) and of
 * everything it imports statically. The CSS is linked from the prerendered page, so it is there at first paint (else
 * the page reflows when the chunk arrives); the JS list goes to pages.json for the byte budget.
 */
export function chunkFilesOf(bundle: Rollup.OutputBundle, module: string): { css: string[]; js: string[] } {
  const chunks = Object.values(bundle).filter((c): c is Rollup.OutputChunk => c.type === 'chunk');
  // A lazy page is its chunk's facade; a document's entry script is a module of the entry chunk (the HTML is its facade).
  const root =
    chunks.find((c) => c.facadeModuleId?.endsWith(module)) ??
    chunks.find((c) => c.isEntry && c.moduleIds.some((id) => id.endsWith(module)));
  if (!root) throw new Error(`no chunk for ${module} in the build`);
  const css = new Set<string>();
  const js = new Set<string>();
  const visit = (chunk: Rollup.OutputChunk) => {
    if (js.has(chunk.fileName)) return;
    js.add(chunk.fileName);
    for (const file of chunk.viteMetadata?.importedCss ?? []) css.add(file);
    for (const name of chunk.imports) {
      const next = bundle[name];
      if (next?.type === 'chunk') visit(next);
    }
  };
  visit(root);
  return { css: [...css], js: [...js] };
}

/** Every stylesheet the page needs at first paint, linked in its head (the entry loads the scripts after paint). */
function withStylesheets(html: string, css: string[]): string {
  const links = [...new Set(css)]
    .filter((file) => !html.includes(`/${file}"`))
    .map((file) => `<link rel="stylesheet" crossorigin href="/${file}">`);
  return html.replace('</head>', `${links.join('\n    ')}\n  </head>`);
}

type RenderPublicPage = (pathname: string, data?: Record<string, unknown>) => Promise<string>;

/**
 * web/public-site/render.tsx built for Node into `outDir` (render.js and its chunks, packages included; CSS imports
 * dropped): the prerender below and the server, which renders a team's page per request with its data
 * (server/platform/http/web-app.ts), run this same file. It lives in dist/web/server/, so whatever copies the web
 * root takes it along; the server never sends that folder, the service worker never caches it and it is not
 * precompressed.
 */
async function buildServerRenderer(root: string, renderModule: string, outDir: string): Promise<string> {
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    publicDir: false,
    plugins: [featureNavItems()],
    // Self-contained: the web root may be copied where node_modules is not above it (the e2e harness does).
    ssr: { noExternal: true },
    build: {
      ssr: renderModule,
      outDir,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      rolldownOptions: {
        output: { entryFileNames: 'render.js', chunkFileNames: 'chunks/[name]-[hash].js' },
        // "use client" marks a module for React Server Components, which this renderer does not use.
        onwarn(warning, warn) {
          if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
        },
      },
    },
  });
  return path.join(outDir, 'render.js');
}

/**
 * Prerenders the public pages at build (issue 8): once the client bundle is written, web/public-site/render.tsx is
 * built for Node (dist/web/server/) and each page of PUBLIC_PAGES is rendered into the built
 * public.html, with every stylesheet it needs, and written to its own file (dist/web/pages/…); the root element is
 * followed by ROOT_END_MARK so the server can put a page rendered with data in its place. The entry (boot.ts)
 * fetches the app only after the first paint, so Vite's template links none of the app's CSS: it is added here.
 * The template itself is then removed: every public address has its page. This runs in writeBundle, before
 * vite-plugin-pwa lists the files to precache in closeBundle, so the service worker precaches the prerendered
 * documents.
 */
export function prerenderPublicPages(
  template = 'public.html',
  app = 'web/public-site/main.tsx',
  entry = 'web/public-site/boot.ts',
  renderModule = 'web/public-site/render.tsx',
): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'cds:prerender-public-pages',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    async writeBundle(_options, bundle) {
      const outDir = path.resolve(config.root, config.build.outDir);
      const templateFile = path.join(outDir, template);
      const html = fs.readFileSync(templateFile, 'utf8');
      if (!html.includes(ROOT_ELEMENT)) throw new Error(`${template} has no empty ${ROOT_ELEMENT} to fill`);
      const rendererFile = await buildServerRenderer(
        config.root,
        renderModule,
        path.join(outDir, SERVER_RENDERER_DIR),
      );
      // Imported by its plain URL: the pages' chunks import the shared code from this same file, and a second copy
      // (a cache-busting query) would give them other React contexts than the page's providers.
      const { renderPublicPage } = (await import(pathToFileURL(rendererFile).href)) as {
        renderPublicPage: RenderPublicPage;
      };
      const scripts: Record<string, string[]> = {};
      for (const page of PUBLIC_PAGES) {
        const body = await renderPublicPage(page.prerenderAt ?? page.path);
        // React marks a boundary it could not render ("<!--$!-->") and leaves it to the browser: a page that
        // threw on the server would ship empty, so the build stops instead.
        if (body.includes('<!--$!-->'))
          throw new Error(`${page.path} failed to render (see the server renderer)`);
        const target = path.join(outDir, page.file);
        fs.mkdirSync(path.dirname(target), { recursive: true });
        const files = [entry, app, page.module].map((module) => chunkFilesOf(bundle, module));
        const pageHtml = withStylesheets(
          html,
          files.flatMap((f) => f.css),
        );
        fs.writeFileSync(
          target,
          pageHtml.replace(ROOT_ELEMENT, `<div id="root">${body}</div>${ROOT_END_MARK}`),
        );
        scripts[page.file] = [...new Set(files.flatMap((f) => f.js))].map((file) => `/${file}`);
      }
      const manifest: PagesManifest = {
        pages: PUBLIC_PAGES.map(({ path: pagePath, file, data }) => ({
          path: pagePath,
          file,
          scripts: scripts[file] ?? [],
          ...(data ? { data } : {}),
        })),
        staff: STAFF_PATHS_UNDER_PUBLIC,
        render: path.relative(outDir, rendererFile).split(path.sep).join('/'),
      };
      fs.writeFileSync(path.join(outDir, PAGES_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
      fs.rmSync(templateFile);
    },
  };
}

/**
 * The service worker's precache keys the prerendered pages by their address ("/", "/teams"…), so a navigation to
 * them is answered with that page, not with the staff app's index.html (the navigation fallback). A page with a
 * parameter keeps its file name: it is a fallback no address matches exactly.
 */
export function precacheUrlOf(url: string): string {
  const page = PUBLIC_PAGES.find((p) => p.file === url && !p.path.includes(':'));
  return page ? page.path : url;
}
