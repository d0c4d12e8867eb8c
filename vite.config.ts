import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
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

/**
 * The PWA build: output in dist/web (served by the server with an SPA fallback). The service worker precaches the
 * app shell (JS, CSS, HTML, fonts, icons) so the app opens offline after one online visit; it has no runtime
 * caching at all, so API answers always come from the network. Registration is ours (web/offline/register-sw.ts)
 * because the CSP forbids the inline script the plugin would inject.
 */
export default defineConfig({
  publicDir: 'public',
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // Three documents: the staff app; the capture page on its own so its first download stays small (issue 3); and
    // the public pages (issue 8), prerendered from public.html into dist/web/pages/ by prerenderPublicPages. They
    // share one service worker; its precache maps /capture to capture.html (workbox cleanURLs) and the public
    // addresses to their prerendered pages (precacheUrlOf).
    rolldownOptions: {
      input: {
        main: fileURLToPath(new URL('./index.html', import.meta.url)),
        capture: fileURLToPath(new URL('./capture.html', import.meta.url)),
        public: fileURLToPath(new URL('./public.html', import.meta.url)),
      },
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
