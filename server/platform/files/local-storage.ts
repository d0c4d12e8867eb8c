import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { assertNamespace, parseFileKey, type FileStorage, type StoredEntry, type StoredFile } from './storage';

/**
 * Files under one folder (DATA_DIR/files by default): `<root>/<namespace>/<id[0..2]>/<id[2..4]>/<key>`, so no
 * folder grows past a few thousand entries. The content type is kept in a sidecar file
 * beside each object (`<key>~type`: `~` never appears in a key, so no key can name a sidecar).
 */
export class LocalFileStorage implements FileStorage {
  readonly description: string;

  constructor(private readonly root: string) {
    this.root = path.resolve(root);
    this.description = `local folder ${this.root}`;
  }

  private pathOf(key: string): string {
    const { namespace, id } = parseFileKey(key);
    const file = path.join(this.root, namespace, id.slice(0, 2), id.slice(2, 4), key);
    // The key pattern already excludes separators and dots-only names; this keeps the rule if the pattern changes.
    if (!file.startsWith(this.root + path.sep)) throw new Error('File key escapes the storage folder');
    return file;
  }

  async put(key: string, bytes: Buffer, contentType: string): Promise<void> {
    const file = this.pathOf(key);
    await mkdir(path.dirname(file), { recursive: true });
    // Readers see the old object or the new one, never half a file: write beside it, flush, then rename.
    await writeAtomically(`${file}~type`, Buffer.from(contentType, 'utf8'));
    await writeAtomically(file, bytes);
  }

  async get(key: string): Promise<StoredFile | undefined> {
    const file = this.pathOf(key);
    try {
      const [bytes, type] = await Promise.all([readFile(file), readFile(`${file}~type`, 'utf8').catch(() => undefined)]);
      return { bytes, contentType: type ?? 'application/octet-stream' };
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    const file = this.pathOf(key);
    await rm(file, { force: true });
    await rm(`${file}~type`, { force: true });
  }

  async exists(key: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(key))).isFile();
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  async *list(namespace: string): AsyncIterable<StoredEntry[]> {
    assertNamespace(namespace);
    const base = path.join(this.root, namespace);
    for (const first of await listDir(base)) {
      for (const second of await listDir(path.join(base, first))) {
        const folder = path.join(base, first, second);
        const page: StoredEntry[] = [];
        for (const name of await listDir(folder)) {
          if (name.includes('~') || name.includes('.tmp-')) continue;
          const info = await stat(path.join(folder, name)).catch(() => undefined);
          if (info?.isFile()) page.push({ key: name, lastModified: info.mtime });
        }
        if (page.length > 0) yield page;
      }
    }
  }
}

async function writeAtomically(file: string, bytes: Buffer): Promise<void> {
  const temp = `${file}.tmp-${randomBytes(6).toString('hex')}`;
  const handle = await open(temp, 'w');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

async function listDir(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).sort();
  } catch (error) {
    if (isMissing(error)) return [];
    throw error;
  }
}

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
