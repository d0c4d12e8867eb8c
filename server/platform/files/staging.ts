import { z } from 'zod';
import { defineJob, type JobDefinition } from '../jobs/job-definition';
import type { FileStorage } from './storage';
import { parseFileKey } from './storage';

/**
 * "A report is stored whole with its photos or not at all." Files cannot join a database transaction, so the
 * order is: write the files first (stageFiles), then run the transaction that references them; if it fails,
 * abort() deletes what was written. A crash between the two leaves files no row references: the orphan sweep
 * (defineOrphanSweepJob) deletes those once they are older than a day, long after any transaction could still
 * commit them.
 */
export interface FileToStage {
  key: string;
  bytes: Buffer;
  contentType: string;
}

export interface StagedFiles {
  keys: string[];
  /** The rows that reference the files are committed: abort() becomes a no-op. */
  commit(): void;
  /** Deletes every staged file (once; later calls do nothing). Never throws: a leftover is the sweep's. */
  abort(): Promise<void>;
}

export async function stageFiles(storage: FileStorage, files: FileToStage[]): Promise<StagedFiles> {
  for (const file of files) parseFileKey(file.key);
  const written: string[] = [];
  let settled = false;
  const abort = async () => {
    if (settled) return;
    settled = true;
    await Promise.all(written.map((key) => storage.delete(key).catch(() => undefined)));
  };
  try {
    // Written one after another so a failure leaves a known list to remove, and a slow store is not flooded.
    for (const file of files) {
      await storage.put(file.key, file.bytes, file.contentType);
      written.push(file.key);
    }
  } catch (error) {
    await abort();
    throw error;
  }
  return {
    keys: files.map((f) => f.key),
    commit() {
      settled = true;
    },
    abort,
  };
}

/**
 * The usual shape: stage, run `transaction` (the module's database write that references the keys), commit;
 * any throw from the transaction aborts the files and rethrows.
 */
export async function withStagedFiles<T>(
  storage: FileStorage,
  files: FileToStage[],
  transaction: (keys: string[]) => Promise<T>,
): Promise<T> {
  const staged = await stageFiles(storage, files);
  try {
    const result = await transaction(staged.keys);
    staged.commit();
    return result;
  } catch (error) {
    await staged.abort();
    throw error;
  }
}

export const ORPHAN_MIN_AGE_MS = 24 * 60 * 60 * 1000;

export interface OrphanSweepOptions {
  storage: FileStorage;
  namespace: string;
  /** Of the given keys, those a row still references (the module's query: `where key in (…)`). */
  referencedKeys: (keys: string[]) => Promise<Set<string>>;
  /** Only files older than this are candidates (default one day). */
  minAgeMs?: number;
  now?: () => Date;
}

/** Deletes the namespace's files older than minAgeMs that no row references; returns how many. */
export async function sweepOrphanFiles(options: OrphanSweepOptions): Promise<{ scanned: number; deleted: number }> {
  const minAge = options.minAgeMs ?? ORPHAN_MIN_AGE_MS;
  const cutoff = (options.now?.() ?? new Date()).getTime() - minAge;
  let scanned = 0;
  let deleted = 0;
  for await (const page of options.storage.list(options.namespace)) {
    scanned += page.length;
    const old = page.filter((e) => e.lastModified.getTime() < cutoff).map((e) => e.key);
    for (let i = 0; i < old.length; i += 500) {
      const batch = old.slice(i, i + 500);
      const referenced = await options.referencedKeys(batch);
      for (const key of batch) {
        if (referenced.has(key)) continue;
        await options.storage.delete(key);
        deleted += 1;
      }
    }
  }
  return { scanned, deleted };
}

/**
 * A job the module registers (with a daily schedule of its choosing) to sweep its namespace, e.g.
 * `defineOrphanSweepJob({ name: 'cases.files.sweep', storage, namespace: 'cases', referencedKeys })`.
 */
export function defineOrphanSweepJob(options: OrphanSweepOptions & { name: string }): JobDefinition {
  return defineJob({
    name: options.name,
    payload: z.object({}).passthrough(),
    handler: async (_payload, ctx) => {
      const { scanned, deleted } = await sweepOrphanFiles(options);
      ctx.logger.info({ namespace: options.namespace, scanned, deleted }, 'orphan files swept');
    },
  });
}
