import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { featureNavItems } from './scripts/vite/nav-items.ts';
import { precompress } from './scripts/vite/precompress.ts';
import { precacheUrlOf, prerenderPublicPages, SERVER_RENDERER_DIR } from './scripts/vite/prerender-public.ts';

/** Paths the server answers itself: the service worker must never answer them from the app shell or a cache. */
const SERVER_PATHS = [
  /^\/api\//,
  /^\/open311\//,
  /^\/dhis2\//,
  /^\/catalog/,
  /^\/dataset\//,
  /^\/healthz/,
  /^\/readyz/,
  /^\/metrics/,
];

const THEME_COLOUR = '#0b4a8f';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const STAFF_HTML = here('./index.html');
const CAPTURE_HTML = here('./capture.html');
const PUBLIC_HTML = here('./public.html');
/** The public pages' app: public.html's boot script imports it after the first paint. */
const PUBLIC_APP = here('./web/public-site/main.tsx');
/** The one react-router build a bundle should carry (see reactRouterTrimmed). */
const REACT_ROUTER_PRODUCTION = here('./node_modules/react-router/dist/production/');

type ChunkingContext = { getModuleInfo: (id: string) => { importedIds: readonly string[] } | null };
type ChunkNameFn = (id: string, ctx: ChunkingContext) => string | null;

/**
 * What each document loads before it runs is measured against a byte budget (scripts/measure-bundle.mjs), one
 * gzipped file at a time, so shared code is grouped by the documents that load it at once rather than by whichever
 * lazy chunk happened to reach it: `core` is what the capture page, the staff app and the public pages all load
 * (React, i18next, the API client), `app` what the staff app and the public pages share (React Router, TanStack
 * Query, the session, message loading). Everything else is split by Rolldown as before, so a lazy page still brings
 * only what it needs. Static closures over the import graph: a barrel counts every module it re-exports.
 */
function documentChunks(): {
  plugin: Plugin;
  groups: { name: ChunkNameFn; debugName: string; priority: number }[];
} {
  let loadedBy: { capture: Set<string>; staff: Set<string>; public: Set<string> } | null = null;
  const closure = (ctx: ChunkingContext, start: string): Set<string> => {
    const seen = new Set<string>();
    const stack = [start];
    for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
      const info = seen.has(id) ? null : ctx.getModuleInfo(id);
      if (!info) continue;
      seen.add(id);
      stack.push(...info.importedIds);
    }
    return seen;
  };
  const groupOf: ChunkNameFn = (id, ctx) => {
    loadedBy ??= {
      capture: closure(ctx, CAPTURE_HTML),
      staff: closure(ctx, STAFF_HTML),
      public: new Set([...closure(ctx, PUBLIC_HTML), ...closure(ctx, PUBLIC_APP)]),
    };
    if (!loadedBy.staff.has(id) || !loadedBy.public.has(id)) return null;
    return loadedBy.capture.has(id) ? 'core' : 'app';
  };
  return {
    // One build, one graph: a second build in the same process starts afresh.
    plugin: { name: 'document-chunks', buildStart: () => void (loadedBy = null) },
    groups: [
      // `core` first, so `app` (which takes its modules' dependencies along) leaves it what all documents load.
      { name: (id, ctx) => (groupOf(id, ctx) === 'core' ? 'core' : null), debugName: 'core', priority: 2 },
      { name: (id, ctx) => (groupOf(id, ctx) === 'app' ? 'app' : null), debugName: 'app', priority: 1 },
    ],
  };
}

/**
 * React Router ships its production build (dev warnings off) beside the development one its package.json points
 * at; the alias below picks it. Its module-level `forwardRef`/`createContext`/`memo` calls and `displayName`
 * assignments carry no pure annotation, so every component it declares (Form, useSubmit and their helpers) stayed
 * in the bundle whether used or not; marking them pure lets tree-shaking drop the unused ones (~1.3 KB gzipped).
 * Names in React DevTools are the only loss. If a new version changes these lines, nothing matches and nothing breaks.
 */
function reactRouterTrimmed(): Plugin {
  return {
    name: 'react-router-trimmed',
    enforce: 'pre',
    apply: 'build',
    transform: {
      filter: { id: /react-router[\\/]dist[\\/]production[\\/][^\\/]+\.mjs$/ },
      handler(code) {
        const trimmed = code
          .replace(/= (React\d*)\.(forwardRef|createContext|memo)\(/g, '= /* @__PURE__ */ $1.$2(')
          .replace(/^\w+\.displayName = "[^"]*";$/gm, '');
        return trimmed === code ? null : { code: trimmed, map: null };
      },
    },
  };
}

/**
 * A lazy import preloads the chunks its module needs, listed in the importing chunk (`__vite__mapDeps`). The chunks
 * the importer itself imports statically are loaded before it runs, so listing them again costs bytes in every
 * entry and buys nothing; they are left out, and every other dependency is still preloaded in parallel.
 */
function preloadsNotYetLoaded(): {
  plugin: Plugin;
  resolveDependencies: (
    file: string,
    deps: string[],
    context: { hostId: string; hostType: string },
  ) => string[];
} {
  let bundle: Record<string, { type: string; imports?: string[] }> | null = null;
  return {
    plugin: {
      name: 'preloads-not-yet-loaded',
      apply: 'build',
      buildStart: () => void (bundle = null),
      // Before Vite's import analysis, which calls resolveDependencies while it writes the lists.
      generateBundle: { order: 'pre', handler: (_options, output) => void (bundle = output) },
    },
    resolveDependencies(_file, deps, { hostId, hostType }) {
      if (hostType !== 'js' || !bundle) return deps;
      const loaded = new Set<string>();
      const visit = (file: string): void => {
        const chunk = bundle?.[file];
        if (!chunk || chunk.type !== 'chunk' || loaded.has(file)) return;
        loaded.add(file);
        chunk.imports?.forEach(visit);
      };
      visit(hostId);
      return deps.filter((dep) => !loaded.has(dep));
    },
  };
}

const chunking = documentChunks();
const preloads = preloadsNotYetLoaded();

/**
 * The PWA build: output in dist/web (served by the server with an SPA fallback). The service worker precaches the
 * app shell (JS, CSS, HTML, fonts, icons) so the app opens offline after one online visit; it has no runtime
 * caching at all, so API answers always come from the network. Registration is ours (web/offline/register-sw.ts)
 * because the CSP forbids the inline script the plugin would inject.
 */
export default defineConfig({
  publicDir: 'public',
  resolve: {
    alias: [
      { find: /^react-router$/, replacement: `${REACT_ROUTER_PRODUCTION}index.mjs` },
      { find: /^react-router\/dom$/, replacement: `${REACT_ROUTER_PRODUCTION}dom-export.mjs` },
    ],
  },
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    modulePreload: { resolveDependencies: preloads.resolveDependencies },
    // Three documents: the staff app; the capture page on its own so its first download stays small (issue 3); and
    // the public pages (issue 8), prerendered from public.html into dist/web/pages/ by prerenderPublicPages. They
    // share one service worker; its precache maps /capture to capture.html (workbox cleanURLs) and the public
    // addresses to their prerendered pages (precacheUrlOf).
    rolldownOptions: {
      input: { main: STAFF_HTML, capture: CAPTURE_HTML, public: PUBLIC_HTML },
      output: { codeSplitting: { groups: chunking.groups } },
      // The design system's modules only declare components, so a page that imports the web/ui barrel brings only
      // the components it uses, not all of them.
      treeshake: { moduleSideEffects: (id: string) => !/[\\/]web[\\/]ui[\\/][^\\/]+\.tsx?$/.test(id) },
    },
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3000',
      '/open311': 'http://127.0.0.1:3000',
      '/dhis2': 'http://127.0.0.1:3000',
    },
  },
  plugins: [
    react(),
    reactRouterTrimmed(),
    chunking.plugin,
    preloads.plugin,
    featureNavItems(),
    prerenderPublicPages(),
    VitePWA({
      strategies: 'generateSW',
      registerType: 'prompt',
      injectRegister: null,
      includeAssets: ['favicon.svg', 'icons/apple-touch-icon.png', 'robots.txt'],
      manifestFilename: 'manifest.webmanifest',
      manifest: {
        id: '/',
        name: 'Cộng Đồng Số',
        short_name: 'Cộng Đồng Số',
        description:
          'Tổ công nghệ số cộng đồng: hỗ trợ người dân dùng dịch vụ số, ghi nhận lượt hỗ trợ, hỏi đáp và phản ánh.',
        lang: 'vi',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        background_color: '#ffffff',
        theme_color: THEME_COLOUR,
        categories: ['government', 'education', 'utilities'],
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/maskable-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
          { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // woff files are only the fallback for browsers without woff2; every browser with a service worker reads woff2.
        globPatterns: ['**/*.{js,css,html,woff2,png,svg,webmanifest,txt}'],
        // The precompressed copies are for the server to send; the cache keeps the originals once. The server
        // renderer (dist/web/server/) is the server's own.
        globIgnores: ['**/*.br', '**/*.gz', `${SERVER_RENDERER_DIR}/**`],
        manifestTransforms: [
          (entries) => ({
            manifest: entries.map((entry) => ({ ...entry, url: precacheUrlOf(entry.url) })),
            warnings: [],
          }),
        ],
        navigateFallback: 'index.html',
        navigateFallbackDenylist: SERVER_PATHS,
        cleanupOutdatedCaches: true,
        runtimeCaching: [],
        maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
      },
      devOptions: { enabled: false },
    }),
    precompress(),
  ],
});
