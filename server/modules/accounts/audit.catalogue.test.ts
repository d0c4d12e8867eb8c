import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, AUDIT_ENTITY_KINDS } from '../../../shared/audit/catalogue';
import { UpdateDataSubjectRequestBodySchema } from '../../../shared/contracts/privacy';
import { ACTIONS } from '../../../shared/rules/permissions';

const SERVER = path.resolve(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.ts$/.test(entry.name) && !/\.(test|pg-test)\.ts$/.test(entry.name) ? [full] : [];
  });
}

const sources = sourceFiles(SERVER).map((file) => ({ file, text: fs.readFileSync(file, 'utf8') }));
const permissions = new Set<string>(ACTIONS);

/**
 * Action codes the server writes: quoted dotted codes on a line naming `action` (or a member trail) and the few lines
 * after it, where a ternary chooses between codes. Permission names and column references are not actions.
 */
function literalActions(): Map<string, string> {
  const found = new Map<string, string>();
  for (const { file, text } of sources) {
    const lines = text.split('\n');
    lines.forEach((line, i) => {
      if (!/\baction\b|writeTrail\(/.test(line)) return;
      for (const near of lines.slice(i, i + 7)) {
        for (const m of near.matchAll(/'([a-z_]+(?:\.[a-z_]+)+)'/g)) {
          const code = m[1]!;
          // A one-letter first part is a SQL table alias ('u.id'), not an action code.
          if (permissions.has(code) || code.startsWith('audit_log.') || /^[a-z]\./.test(code)) continue;
          found.set(code, path.relative(SERVER, file));
        }
      }
    });
  }
  return found;
}

/** Codes built from a template (`team.${change}`): each prefix with every value its variable can take. */
const TEMPLATE_ACTIONS: Record<string, readonly string[]> = {
  'team.': ['renamed', 'updated'],
  'hamlet.': ['created', 'renamed', 'updated', 'merged', 'retired', 'imported'],
  'support_records.': ['reviewed', 'flagged'],
  'privacy.request_': UpdateDataSubjectRequestBodySchema.shape.status.options,
};

describe('the audit catalogue', () => {
  it('names every action the server records, in Vietnamese and English', () => {
    const found = literalActions();
    expect(found.size).toBeGreaterThan(40);
    const missing = [...found]
      .filter(([code]) => !(code in AUDIT_ACTIONS))
      .map(([code, file]) => `${code} (${file})`);
    expect(missing).toEqual([]);
  });

  it('names every action built from a template, and knows every template', () => {
    const templates = new Set<string>();
    for (const { text } of sources)
      for (const m of text.matchAll(/action: `([a-z_.]+)\$\{/g)) templates.add(m[1]!);
    expect([...templates].sort()).toEqual(Object.keys(TEMPLATE_ACTIONS).sort());
    for (const [prefix, values] of Object.entries(TEMPLATE_ACTIONS))
      for (const value of values)
        expect(AUDIT_ACTIONS, `${prefix}${value}`).toHaveProperty([`${prefix}${value}`]);
  });

  it('names every kind of object the server records an action about', () => {
    const kinds = new Set<string>();
    for (const { text } of sources)
      for (const m of text.matchAll(/entityType: '([a-z_]+)'/g)) kinds.add(m[1]!);
    expect(kinds.size).toBeGreaterThan(10);
    expect([...kinds].filter((k) => !(k in AUDIT_ENTITY_KINDS))).toEqual([]);
  });

  it('has words in both languages for every entry', () => {
    for (const words of [...Object.values(AUDIT_ACTIONS), ...Object.values(AUDIT_ENTITY_KINDS)]) {
      expect(words.vi.trim()).not.toBe('');
      expect(words.en.trim()).not.toBe('');
    }
  });
});
