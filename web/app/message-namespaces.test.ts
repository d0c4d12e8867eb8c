import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PUBLIC_FRAME_NAMESPACES } from '../public-site/i18n';
import { publicPageRoutes } from '../public-site/routes';
import type { FeatureRoutesModule } from './feature-collection';
import { SHELL_NAMESPACES } from './i18n';
import { ALL_NAMESPACES } from './message-loading';

/**
 * Messages load per route (message-loading.ts): a page finds only its feature's namespace, the ones its feature
 * declares in `messageNamespaces` and the shell's. This reads the sources — every module a feature's routes reach,
 * statically or lazily — for the namespaces they use (`useTranslation('x')`, a key written "x:…", `ns: 'x'`) and
 * fails on one that would not be loaded, naming the file, so a new feature learns what to declare.
 */
const WEB = path.resolve(__dirname, '..');
const known = new Set(ALL_NAMESPACES);

function resolveImport(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = path.resolve(path.dirname(from), specifier.replace(/\?.*$/, ''));
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    if (/\.tsx?$/.test(candidate) && fs.existsSync(candidate) && fs.statSync(candidate).isFile())
      return candidate;
  }
  return null;
}

interface Scanned {
  imports: string[];
  namespaces: string[];
}
const cache = new Map<string, Scanned>();

function scan(file: string): Scanned {
  const cached = cache.get(file);
  if (cached) return cached;
  // Comments and type-only imports bring no messages at run time.
  const source = fs
    .readFileSync(file, 'utf8')
    .replace(/(^|[\s{(;,])\/\*[\s\S]*?\*\//g, '$1')
    .replace(/^\s*\/\/.*$/gm, '')
    .replace(/\b(?:import|export)\s+type\s[^;]*;/g, '');
  const specifiers = [...source.matchAll(/\b(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map(
    (m) => m[1] ?? '',
  );
  const imports = specifiers.flatMap((s) => resolveImport(file, s) ?? []);
  const namespaces = new Set<string>();
  for (const m of source.matchAll(/useTranslation\(\s*(\[[^\]]*\]|['"][^'"]+['"])?/g)) {
    const argument = m[1];
    if (!argument) namespaces.add('app');
    else for (const ns of argument.matchAll(/['"]([^'"]+)['"]/g)) namespaces.add(ns[1] ?? '');
  }
  for (const m of source.matchAll(/['"`]([a-z-]+):[\w${}.]/g))
    if (known.has(m[1] ?? '')) namespaces.add(m[1] ?? '');
  for (const m of source.matchAll(/\bns:\s*['"]([^'"]+)['"]/g)) namespaces.add(m[1] ?? '');
  const scanned = { imports, namespaces: [...namespaces] };
  cache.set(file, scanned);
  return scanned;
}

/** Each namespace used by a module `start` reaches, with the first file using it. */
function namespacesReached(
  start: string,
  stopAt: (file: string) => boolean = () => false,
): Map<string, string> {
  const used = new Map<string, string>();
  const seen = new Set<string>();
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const scanned = scan(file);
    for (const ns of scanned.namespaces) if (!used.has(ns)) used.set(ns, path.relative(WEB, file));
    for (const next of scanned.imports) if (!stopAt(next)) queue.push(next);
  }
  return used;
}

function missing(used: Map<string, string>, allowed: Iterable<string>): string[] {
  const ok = new Set(allowed);
  return [...used].filter(([ns]) => !ok.has(ns)).map(([ns, file]) => `${ns} (read in ${file})`);
}

const featureRoutes = import.meta.glob<FeatureRoutesModule>('../features/*/routes.tsx', { eager: true });

describe('the messages each route loads', () => {
  it('finds namespaces in the sources the way pages use them', () => {
    const used = namespacesReached(path.join(WEB, 'features/teams/TeamPage.tsx'));
    expect([...used.keys()]).toEqual(expect.arrayContaining(['teams', 'ui', 'app']));
  });

  it.each(Object.keys(featureRoutes).map((file) => [/features\/([^/]+)\//.exec(file)?.[1] ?? file, file]))(
    'the %s feature declares every other namespace its pages read',
    (feature, file) => {
      const declared = featureRoutes[file]?.messageNamespaces ?? [];
      for (const ns of declared) expect(known, `${feature} declares unknown namespace ${ns}`).toContain(ns);
      const used = namespacesReached(path.resolve(__dirname, file));
      expect(missing(used, [feature, ...declared, ...SHELL_NAMESPACES])).toEqual([]);
    },
  );

  it('gives each public page the namespaces it reads, and the public frame only its own', () => {
    for (const page of publicPageRoutes) {
      const used = namespacesReached(path.join(WEB, page.module));
      expect(missing(used, [...page.messages, ...PUBLIC_FRAME_NAMESPACES]), page.module).toEqual([]);
    }
    // The frame: the layout and header every public page shows before its own chunk arrives.
    const frame = namespacesReached(path.join(WEB, 'public-site/PublicLayout.tsx'));
    expect(missing(frame, PUBLIC_FRAME_NAMESPACES)).toEqual([]);
  });

  it("keeps the staff shell to its namespaces (the navigation loads its items' own)", () => {
    const shell = namespacesReached(path.join(WEB, 'app/layouts/AppLayout.tsx'));
    expect(missing(shell, SHELL_NAMESPACES)).toEqual([]);
  });
});
