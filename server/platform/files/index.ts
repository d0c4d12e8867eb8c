/**
 * Photos and files (platform, domain-free). A module: processImage() on each upload → keys from newFileKey() /
 * variantKey() → withStagedFiles(storage, files, tx) around its database write → defineOrphanSweepJob() for its
 * namespace. createFileStorage() is called once in the composition root from config.storage.
 */
import { LocalFileStorage } from './local-storage';
import { S3FileStorage } from './s3-storage';
import type { FileStorage } from './storage';
import type { StorageTarget } from './storage-url';

export { DEFAULT_IMAGE_LIMITS, gpsFromExif, processImage, sniffImageType } from './images';
export type { AcceptedFormat, ImageLimits, ImageOutput, ProcessedImage, ProcessOptions } from './images';
export { newFileKey, parseFileKey, variantKey } from './storage';
export type { FileKeyParts, FileStorage, StoredEntry, StoredFile } from './storage';
export { parseStorageUrl } from './storage-url';
export type { StorageTarget } from './storage-url';
export { defineOrphanSweepJob, ORPHAN_MIN_AGE_MS, stageFiles, sweepOrphanFiles, withStagedFiles } from './staging';
export type { FileToStage, OrphanSweepOptions, StagedFiles } from './staging';
export { LocalFileStorage, S3FileStorage };

export function createFileStorage(target: StorageTarget): FileStorage {
  return target.kind === 'local' ? new LocalFileStorage(target.dir) : new S3FileStorage(target);
}
