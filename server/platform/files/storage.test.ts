import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { LocalFileStorage } from './local-storage';
import { S3FileStorage } from './s3-storage';
import { stageFiles, sweepOrphanFiles, withStagedFiles } from './staging';
import { newFileKey, parseFileKey, variantKey, type FileStorage } from './storage';

/** The same contract for every implementation: a module must not be able to tell which store it has. */
function contract(name: string, open: () => Promise<{ storage: FileStorage; close: () => Promise<void> }>) {
  describe(name, () => {
    let storage: FileStorage;
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ storage, close } = await open());
    });
    afterAll(async () => close());

    it('puts, gets, tells whether a key exists and deletes', async () => {
      const key = newFileKey('cases', 'display');
      expect(await storage.exists(key)).toBe(false);
      expect(await storage.get(key)).toBeUndefined();
      const bytes = Buffer.from([0, 1, 2, 255, 254]);
      await storage.put(key, bytes, 'image/webp');
      expect(await storage.exists(key)).toBe(true);
      const got = await storage.get(key);
      expect(got?.contentType).toBe('image/webp');
      expect(got?.bytes.equals(bytes)).toBe(true);
      await storage.put(key, Buffer.from('second'), 'image/webp');
      expect((await storage.get(key))?.bytes.toString()).toBe('second');
      await storage.delete(key);
      expect(await storage.exists(key)).toBe(false);
      expect(await storage.get(key)).toBeUndefined();
      await storage.delete(key); // deleting twice is fine: abort and the sweep may both try
    });

    it('refuses keys it did not make: traversal, separators, upper case, client file names', async () => {
      const bad = ['../etc/passwd', 'cases/../../x', 'cases.' + 'a'.repeat(31) + '/', '/abs', 'photo.jpg', 'cases..x',
        'CASES.' + 'a'.repeat(32), 'cases.' + 'a'.repeat(32) + '.x/..', 'cases.' + 'a'.repeat(32) + '\0', ''];
      for (const key of bad) {
        for (const call of [() => storage.put(key, Buffer.from('x'), 'text/plain'), () => storage.get(key),
          () => storage.exists(key), () => storage.delete(key)]) {
          const error = await call().then(() => undefined, (e: unknown) => e);
          expect(error, key).toBeInstanceOf(AppError);
          expect((error as AppError).code).toBe('VALIDATION');
          expect((error as AppError).messageVi).toBe('Mã tệp không hợp lệ.');
        }
      }
    });

    it('lists a namespace only', async () => {
      const mine = [newFileKey('listns'), newFileKey('listns', 'thumb')];
      const other = newFileKey('listnsother');
      for (const key of [...mine, other]) await storage.put(key, Buffer.from(key), 'text/plain');
      const listed: string[] = [];
      for await (const page of storage.list('listns')) listed.push(...page.map((e) => e.key));
      expect(listed.sort()).toEqual([...mine].sort());
    });

    it('commits staged files, and abort deletes what was staged', async () => {
      const kept = [newFileKey('stage', 'display'), newFileKey('stage', 'thumb')];
      const staged = await stageFiles(storage, kept.map((key) => ({ key, bytes: Buffer.from(key), contentType: 'image/webp' })));
      staged.commit();
      await staged.abort();
      for (const key of kept) expect(await storage.exists(key)).toBe(true);

      const dropped = [newFileKey('stage'), newFileKey('stage')];
      const failed = await withStagedFiles(storage, dropped.map((key) => ({ key, bytes: Buffer.from('x'), contentType: 'image/webp' })),
        async (keys) => {
          for (const key of keys) expect(await storage.exists(key)).toBe(true);
          throw new Error('the database transaction failed');
        }).then(() => undefined, (e: unknown) => e);
      expect((failed as Error).message).toBe('the database transaction failed');
      for (const key of dropped) expect(await storage.exists(key)).toBe(false);
    });

    it('removes the files already written when staging itself fails midway', async () => {
      const good = newFileKey('stage');
      const files = [{ key: good, bytes: Buffer.from('x'), contentType: 'image/webp' }, { key: 'not a key', bytes: Buffer.from('y'), contentType: 'x' }];
      await expect(stageFiles(storage, files)).rejects.toBeInstanceOf(AppError);
      expect(await storage.exists(good)).toBe(false);
      const failing: FileStorage = Object.create(storage, {
        put: { value: async (key: string, bytes: Buffer, type: string) => {
          if (key.endsWith('.thumb')) throw new Error('disk full');
          return storage.put(key, bytes, type);
        } },
      });
      const display = newFileKey('stage', 'display');
      const pair = [display, variantKey(display, 'thumb')].map((key) => ({ key, bytes: Buffer.from('z'), contentType: 'image/webp' }));
      await expect(stageFiles(failing, pair)).rejects.toThrow('disk full');
      expect(await storage.exists(display)).toBe(false);
    });

    it('sweeps files no row references once they are older than a day, never younger ones', async () => {
      const referenced = newFileKey('sweep');
      const orphan = newFileKey('sweep', 'thumb');
      for (const key of [referenced, orphan]) await storage.put(key, Buffer.from('x'), 'image/webp');
      const referencedKeys = async (keys: string[]) => new Set(keys.filter((k) => k === referenced));
      expect(await sweepOrphanFiles({ storage, namespace: 'sweep', referencedKeys })).toEqual({ scanned: 2, deleted: 0 });
      const twoDaysLater = () => new Date(Date.now() + 2 * 24 * 60 * 60 * 1000);
      expect(await sweepOrphanFiles({ storage, namespace: 'sweep', referencedKeys, now: twoDaysLater })).toEqual({ scanned: 2, deleted: 1 });
      expect(await storage.exists(referenced)).toBe(true);
      expect(await storage.exists(orphan)).toBe(false);
    });
  });
}

contract('local storage', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'cds-files-'));
  return { storage: new LocalFileStorage(dir), close: () => rm(dir, { recursive: true, force: true }) };
});

contract('S3-compatible storage (s3rver)', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'cds-s3rver-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: dir, configureBuckets: [{ name: 'cds-test' }] });
  const { port } = await server.run();
  const storage = new S3FileStorage({
    kind: 's3',
    bucket: 'cds-test',
    endpoint: `http://127.0.0.1:${port}`,
    region: 'us-east-1',
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
  return {
    storage,
    close: async () => {
      storage.destroy();
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});

describe('local storage layout', () => {
  it('shards by the random part of the key and leaves no temporary file behind', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cds-files-'));
    try {
      const storage = new LocalFileStorage(dir);
      const key = newFileKey('cases');
      await storage.put(key, Buffer.from('x'), 'image/webp');
      const { id } = parseFileKey(key);
      const folder = path.join(dir, 'cases', id.slice(0, 2), id.slice(2, 4));
      expect((await readdir(folder)).sort()).toEqual([key, `${key}~type`]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
