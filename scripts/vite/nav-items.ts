import type { Plugin } from 'vite';

const NAV_COPY = /\/features\/[^/]+\/routes\.tsx\?nav\b/;

/** `export const routes … = [ … ];` taken out of a routes.tsx, brackets balanced (the list holds no string with one). */
export function withoutRoutes(code: string): string {
  const start = code.search(/export\s+const\s+routes\b/);
  if (start < 0) return code;
  const open = code.indexOf('[', code.indexOf('=', start));
  let depth = 0;
  for (let i = open; i >= 0 && i < code.length; i++) {
    if (code[i] === '[') depth++;
    else if (code[i] === ']' && --depth === 0) {
      const end = code[i + 1] === ';' ? i + 2 : i + 1;
      return code.slice(0, start) + code.slice(end);
    }
  }
  return code;
}

/** Drops the imports none of whose names the code uses any more (a routes list's guards and pages). */
export function withoutUnusedImports(code: string): string {
  return code.replace(
    /^import\s+(?!type\b)\{([^}]*)\}\s+from\s+['"][^'"]+['"];?\n/gm,
    (statement, names: string) => {
      const rest = code.replace(statement, '');
      const used = names
        .split(',')
        .map(
          (name) =>
            name
              .replace(/^\s*type\s+/, '')
              .split(/\s+as\s+/)
              .pop()
              ?.trim() ?? '',
        )
        .some((name) => name && new RegExp(`\\b${name}\\b`).test(rest));
      return used ? statement : '';
    },
  );
}

/**
 * The public document reads each feature's routes.tsx for its `navItems` only (web/public-site/catalogue.ts imports
 * `routes.tsx?nav`). That copy loses its `routes` and the imports only they used (the sign-in guard, loaders), so
 * the staff routes never follow the nav items into the public bundle; a feature without `navItems` gets an empty
 * list (a named import of a missing export would fail the build).
 */
export function featureNavItems(): Plugin {
  return {
    name: 'cds:feature-nav-items',
    enforce: 'pre',
    transform(code, id) {
      if (!NAV_COPY.test(id)) return null;
      const navOnly = withoutUnusedImports(withoutRoutes(code));
      const withList = /\bexport\s+const\s+navItems\b/.test(navOnly)
        ? navOnly
        : `${navOnly}\nexport const navItems = [];\n`;
      return { code: withList, map: null };
    },
  };
}
