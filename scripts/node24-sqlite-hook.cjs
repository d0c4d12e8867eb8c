/**
 * Preloaded with `node --require` by scripts/test-node24.sh: sends every import of the project's better-sqlite3 to a
 * copy built for the running Node (a native addon is tied to one NODE_MODULE_VERSION), so the Node 20 build in
 * node_modules stays untouched and usable by everyone else while the Node 24 tier runs. CommonJS and --require, not
 * --import, because only --require preloads also run in worker threads, and some tests open SQLite in a worker.
 * CDS_BETTER_SQLITE3_FROM / _TO are file URLs of the two package folders, each ending with a slash.
 */
'use strict';
const { registerHooks } = process.getBuiltinModule('node:module');

const from = process.env.CDS_BETTER_SQLITE3_FROM;
const to = process.env.CDS_BETTER_SQLITE3_TO;
if (!from || !to) throw new Error('node24-sqlite-hook: CDS_BETTER_SQLITE3_FROM and CDS_BETTER_SQLITE3_TO must be set');

registerHooks({
  resolve(specifier, context, nextResolve) {
    const resolved = nextResolve(specifier, context);
    return resolved.url.startsWith(from) ? { ...resolved, url: to + resolved.url.slice(from.length) } : resolved;
  },
});
