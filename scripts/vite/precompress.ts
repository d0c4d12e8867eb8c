import fs from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin, ResolvedConfig } from 'vite';
import { SERVER_RENDERER_DIR } from './prerender-public.ts';

/** The text assets a browser downloads: each gets .br and .gz siblings. */
export const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|webmanifest|txt|xml|map)$/;

function* filesUnder(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(full);
    else yield full;
  }
}

/**
 * Writes `<file>.br` (brotli, best) and `<file>.gz` (gzip -9) beside every text asset under `dir`, except in the
 * folders named in `skip` (the server renderer: never sent to a browser).
 */
export function precompressDirectory(dir: string, skip: readonly string[] = []): number {
  let count = 0;
  const skipped = skip.map((folder) => path.join(dir, folder) + path.sep);
  for (const file of filesUnder(dir)) {
    if (!COMPRESSIBLE.test(file) || skipped.some((prefix) => file.startsWith(prefix))) continue;
    const body = fs.readFileSync(file);
    fs.writeFileSync(
      `${file}.br`,
      brotliCompressSync(body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      }),
    );
    fs.writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
    count += 1;
  }
  return count;
}

/**
 * Compresses the build once at build time, so the server sends the smallest copy the browser accepts without
 * compressing per request (@fastify/static `preCompressed`). It runs last (closeBundle, order post), after
 * vite-plugin-pwa has written the service worker, so sw.js and workbox-*.js are compressed too; the service worker's
 * precache lists only the originals (workbox globPatterns name the extensions).
 */
export function precompress(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'cds:precompress',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      handler() {
        precompressDirectory(path.resolve(config.root, config.build.outDir), [SERVER_RENDERER_DIR]);
      },
    },
  };
}
