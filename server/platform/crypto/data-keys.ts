import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../../config';
import {
  createSealer,
  generateDataKeySecret,
  parseDataKeySecret,
  SealingError,
  type DataKey,
  type Sealer,
} from './sealing';

/** Where a development or demo install keeps its generated keys (never used once DATA_KEY is configured). */
export const DATA_KEY_FILE = 'data-keys.json';

interface KeyFile {
  current: number;
  keys: Record<string, string>;
}

/**
 * The sealer of this process. With DATA_KEY configured (required in production, see config.ts) it uses those keys.
 * Without, a development or demo install keeps its keys in DATA_DIR/data-keys.json, generated on first start with a
 * warning: sealed values then open only with that file, so it must travel with the database (backups included).
 */
export function openDataKeys(
  config: Pick<Config, 'dataKeys' | 'dataDir'>,
  warn: (message: string) => void,
): Sealer {
  if (config.dataKeys) return createSealer(config.dataKeys.keys, config.dataKeys.currentVersion);
  const file = path.join(config.dataDir, DATA_KEY_FILE);
  let ring = readKeyFile(file);
  if (!ring) {
    ring = { current: 1, keys: { 1: generateDataKeySecret().toString('base64') } };
    writeKeyFile(file, ring);
    warn(
      `No DATA_KEY configured: generated a data key into ${file}. Phone numbers and citizens' e-mail addresses are ` +
        'sealed with it; keep the file with the database. Production installs must set DATA_KEY.',
    );
  }
  return sealerOf(ring);
}

/**
 * Adds a new key version to the development key file and makes it current (`npm run keys:rotate` without
 * DATA_KEY); the previous keys stay, so values not yet re-sealed still open.
 */
export function addGeneratedKeyVersion(dataDir: string): Sealer {
  const file = path.join(dataDir, DATA_KEY_FILE);
  const ring = readKeyFile(file) ?? { current: 0, keys: {} };
  const next = Math.max(0, ...Object.keys(ring.keys).map(Number)) + 1;
  const updated = {
    current: next,
    keys: { ...ring.keys, [next]: generateDataKeySecret().toString('base64') },
  };
  writeKeyFile(file, updated);
  return sealerOf(updated);
}

function sealerOf(ring: KeyFile): Sealer {
  const keys: DataKey[] = Object.entries(ring.keys).map(([v, b64]) => ({
    version: Number(v),
    secret: parseDataKeySecret(b64),
  }));
  return createSealer(keys, ring.current);
}

function readKeyFile(file: string): KeyFile | null {
  if (!fs.existsSync(file)) return null;
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<KeyFile>;
  if (typeof parsed.current !== 'number' || typeof parsed.keys !== 'object' || parsed.keys === null) {
    throw new SealingError(`${file} is not a data key file`);
  }
  return { current: parsed.current, keys: parsed.keys };
}

function writeKeyFile(file: string, ring: KeyFile): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Written beside and renamed, so a crash never leaves half a key file; readable by the owner only.
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(ring, null, 2)}\n`, { mode: 0o600 });
  fs.renameSync(tmp, file);
}
