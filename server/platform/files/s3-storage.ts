import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import type { StorageTarget } from './storage-url';
import { assertNamespace, parseFileKey, type FileStorage, type StoredEntry, type StoredFile } from './storage';

type S3Target = Extract<StorageTarget, { kind: 's3' }>;

/**
 * Any S3-compatible store (AWS, MinIO, Ceph, s3rver in the tests). Path-style addressing (`endpoint/bucket/key`),
 * since self-hosted stores rarely have a DNS name per bucket. A PUT is atomic in S3, so readers never see half an
 * object. Checksums are sent only where the protocol requires them: the SDK's default trailing CRC32 uses
 * aws-chunked uploads that several S3-compatible servers do not understand.
 */
export class S3FileStorage implements FileStorage {
  readonly description: string;
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(target: S3Target) {
    this.bucket = target.bucket;
    this.description = `s3 bucket ${target.bucket}${target.endpoint ? ` at ${target.endpoint}` : ''}`;
    this.client = new S3Client({
      region: target.region,
      ...(target.endpoint ? { endpoint: target.endpoint } : {}),
      ...(target.credentials ? { credentials: target.credentials } : {}),
      forcePathStyle: true,
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  async put(key: string, bytes: Buffer, contentType: string): Promise<void> {
    parseFileKey(key);
    await this.client.send(
      new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: bytes, ContentType: contentType, ContentLength: bytes.length }),
    );
  }

  async get(key: string): Promise<StoredFile | undefined> {
    parseFileKey(key);
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      if (!out.Body) return undefined;
      const bytes = Buffer.from(await out.Body.transformToByteArray());
      return { bytes, contentType: out.ContentType ?? 'application/octet-stream' };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    parseFileKey(key);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  async exists(key: string): Promise<boolean> {
    parseFileKey(key);
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  async *list(namespace: string): AsyncIterable<StoredEntry[]> {
    assertNamespace(namespace);
    let token: string | undefined;
    do {
      const out = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: `${namespace}.`, ContinuationToken: token, MaxKeys: 1000 }),
      );
      const page = (out.Contents ?? [])
        .filter((o): o is { Key: string; LastModified: Date } => Boolean(o.Key && o.LastModified))
        .map((o) => ({ key: o.Key, lastModified: o.LastModified }));
      if (page.length > 0) yield page;
      token = out.IsTruncated ? out.NextContinuationToken : undefined;
    } while (token);
  }

  /** Closes the SDK's sockets (tests, shutdown). */
  destroy(): void {
    this.client.destroy();
  }
}

function isNotFound(error: unknown): boolean {
  if (error instanceof S3ServiceException) {
    return error.name === 'NoSuchKey' || error.name === 'NotFound' || error.$metadata.httpStatusCode === 404;
  }
  return false;
}
