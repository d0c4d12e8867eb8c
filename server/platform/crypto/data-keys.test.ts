import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConfigError } from '../../config';
import { parseConfig } from '../../config';
import { addGeneratedKeyVersion, DATA_KEY_FILE, openDataKeys } from './data-keys';
import { generateDataKeySecret } from './sealing';

describe('data keys', () => {
  const dirs: string[] = [];
  const tmp = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cds-keys-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  it('generates a key file once in development, with a warning, readable by the owner only', () => {
    const dataDir = tmp();
    const warnings: string[] = [];
    const first = openDataKeys({ dataDir, dataKeys: undefined }, (m) => warnings.push(m));
    const sealed = first.seal('0912345678', 'users.phone');
    const second = openDataKeys({ dataDir, dataKeys: undefined }, (m) => warnings.push(m));
    expect(second.open(sealed, 'users.phone')).toBe('0912345678');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/No DATA_KEY configured/);
    expect(fs.statSync(path.join(dataDir, DATA_KEY_FILE)).mode & 0o777).toBe(0o600);
  });

  it('adds a key version for a rotation and still opens what the old one sealed', () => {
    const dataDir = tmp();
    const old = openDataKeys({ dataDir, dataKeys: undefined }, () => undefined);
    const sealed = old.seal('a@b.vn', 'c');
    const rotated = addGeneratedKeyVersion(dataDir);
    expect(rotated.currentVersion).toBe(2);
    expect(rotated.open(sealed, 'c')).toBe('a@b.vn');
    expect(openDataKeys({ dataDir, dataKeys: undefined }, () => undefined).currentVersion).toBe(2);
  });

  it('takes DATA_KEY, its version and the previous keys from the configuration; production requires it', () => {
    const current = generateDataKeySecret().toString('base64');
    const previous = generateDataKeySecret().toString('base64');
    const config = parseConfig({
      DATA_KEY: current,
      DATA_KEY_VERSION: '2',
      DATA_KEYS_PREVIOUS: `1:${previous}`,
    });
    const sealer = openDataKeys(config, () => {
      throw new Error('no warning expected');
    });
    expect(sealer.currentVersion).toBe(2);
    expect(sealer.hashesFor('x', 'y')).toHaveLength(2);

    const problems = (env: Record<string, string>) => {
      try {
        parseConfig(env);
        return [];
      } catch (err) {
        return (err as ConfigError).problems;
      }
    };
    expect(problems({ NODE_ENV: 'production' }).join('\n')).toMatch(
      /DATA_KEY: required with NODE_ENV=production/,
    );
    expect(problems({ NODE_ENV: 'production', DATA_KEY: current })).toEqual([]);
    expect(problems({ DATA_KEY: 'c2hvcnQ=' }).join('\n')).toMatch(
      /DATA_KEY: must be the base64 encoding of 32/,
    );
    expect(problems({ DATA_KEY: current, DATA_KEYS_PREVIOUS: `1:${previous}` }).join('\n')).toMatch(
      /appears once/,
    );
    expect(problems({ DATA_KEYS_PREVIOUS: `1:${previous}` }).join('\n')).toMatch(/needs DATA_KEY/);
  });
});
