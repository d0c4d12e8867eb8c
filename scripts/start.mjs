// `npm start`: builds the PWA when the build is missing or older than its sources, then runs the server.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

function newestMtime(dir) {
  let newest = 0;
  if (!fs.existsSync(dir)) return newest;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const t = entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs;
    if (t > newest) newest = t;
  }
  return newest;
}

const index = path.resolve('dist/web/index.html');
const built = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
const sources = Math.max(newestMtime('web'), newestMtime('shared'), fs.existsSync('index.html') ? fs.statSync('index.html').mtimeMs : 0);
if (built < sources) {
  console.log('Building the web app (first start or changed sources)…');
  const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
// Run the server in this very process, so SIGTERM/SIGINT reach its graceful shutdown directly.
const { register } = await import('tsx/esm/api');
register();
await import('../server/main.ts');
