import { randomBytes } from 'node:crypto';
import { AppError } from '../errors';

/**
 * One storage interface for every stored file: the local folder (DATA_DIR/files) on one server, any S3-compatible
 * store when several servers share files. Keys are made here, never from a client's file name, and every
 * implementation checks them, so no key can reach outside its store.
 */
export interface FileStorage {
  /** Writes the whole object or nothing (local: temp file + rename; S3: a single PUT). Overwrites a same key. */
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  /** The bytes and content type, or undefined when the key does not exist. */
  get(key: string): Promise<StoredFile | undefined>;
  /** Deletes the key; deleting a missing key is not an error (abort and sweep may race). */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
  /** Every key of a namespace with its last write time, in pages; the orphan sweep walks it. */
  list(namespace: string): AsyncIterable<StoredEntry[]>;
  /** A short description for logs (never credentials). */
  readonly description: string;
}

export interface StoredFile {
  bytes: Buffer;
  contentType: string;
}

export interface StoredEntry {
  key: string;
  lastModified: Date;
}

/**
 * `<namespace>.<32 random hex>[.<variant>]`, e.g. `cases.3f09…c1.thumb`. The namespace lets each module sweep
 * only its own files; the random part spreads local files evenly over the shard folders.
 */
const KEY_PATTERN = /^([a-z][a-z0-9]{0,31})\.([0-9a-f]{32})(?:\.([a-z0-9]{1,16}))?$/;
const NAMESPACE_PATTERN = /^[a-z][a-z0-9]{0,31}$/;
const VARIANT_PATTERN = /^[a-z0-9]{1,16}$/;

export interface FileKeyParts {
  namespace: string;
  id: string;
  variant: string | undefined;
}

/** A new opaque key; give the same `id` with different variants for the sizes of one photo (see variantKey). */
export function newFileKey(namespace: string, variant?: string): string {
  assertNamespace(namespace);
  const id = randomBytes(16).toString('hex');
  return variant === undefined ? `${namespace}.${id}` : variantKey(`${namespace}.${id}`, variant);
}

/** The key of another size of the same file: `cases.<id>` + `thumb` → `cases.<id>.thumb`. */
export function variantKey(key: string, variant: string): string {
  const { namespace, id } = parseFileKey(key);
  if (!VARIANT_PATTERN.test(variant)) throw new Error(`Invalid file key variant: ${JSON.stringify(variant)}`);
  return `${namespace}.${id}.${variant}`;
}

/**
 * Parses a key and refuses anything else (path separators, "..", NUL, upper case, over-long): a key that came
 * back from a client is refused as VALIDATION before it is ever joined to a path or sent to a bucket.
 */
export function parseFileKey(key: string): FileKeyParts {
  const match = typeof key === 'string' ? KEY_PATTERN.exec(key) : null;
  if (!match) {
    throw new AppError('VALIDATION', 'Invalid file reference.', {
      messageVi: 'Mã tệp không hợp lệ.',
      details: [{ path: 'key', message: 'Invalid file reference.', messageVi: 'Mã tệp không hợp lệ.' }],
    });
  }
  return { namespace: match[1]!, id: match[2]!, variant: match[3] };
}

export function assertNamespace(namespace: string): void {
  if (!NAMESPACE_PATTERN.test(namespace)) throw new Error(`Invalid file namespace: ${JSON.stringify(namespace)}`);
}
