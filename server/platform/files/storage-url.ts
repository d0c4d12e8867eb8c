/**
 * STORAGE_URL → where files live. Unset: the local folder DATA_DIR/files. `file:///abs/path`: another local folder.
 * `s3://bucket?endpoint=https://…&region=…` (optionally `s3://key:secret@bucket…`): any S3-compatible store; without
 * credentials in the URL the SDK's standard chain is used (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, profiles…).
 */
export type StorageTarget =
  | { kind: 'local'; dir: string }
  | {
      kind: 's3';
      bucket: string;
      endpoint: string | undefined;
      region: string;
      credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
    };

export function parseStorageUrl(value: string | undefined, dataDir: string): StorageTarget {
  if (!value) return { kind: 'local', dir: `${dataDir.replace(/\/$/, '')}/files` };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error('must be s3://bucket?endpoint=…&region=… or file:///absolute/folder');
  }
  if (url.protocol === 'file:') {
    if (url.search || url.host) throw new Error('a file: URL is file:///absolute/folder, with nothing else');
    return { kind: 'local', dir: decodeURIComponent(url.pathname) };
  }
  if (url.protocol !== 's3:') throw new Error('must start with s3:// or file://');
  const bucket = url.hostname;
  // Bucket naming rules (S3): 3–63 lowercase letters, digits, dots and hyphens.
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) throw new Error('the bucket name is not a valid S3 bucket name');
  if (url.pathname && url.pathname !== '/') throw new Error('s3://bucket takes no path (keys are made by the platform)');
  const known = new Set(['endpoint', 'region']);
  const unknown = [...url.searchParams.keys()].filter((k) => !known.has(k));
  if (unknown.length > 0) throw new Error(`unknown parameter ${unknown.join(', ')} (known: endpoint, region)`);
  const endpoint = url.searchParams.get('endpoint') ?? undefined;
  if (endpoint !== undefined && !/^https?:\/\/[^/]+/.test(endpoint)) throw new Error('endpoint must be an http(s) URL');
  if (Boolean(url.username) !== Boolean(url.password)) throw new Error('give both the access key and the secret, or neither');
  return {
    kind: 's3',
    bucket,
    endpoint,
    region: url.searchParams.get('region') ?? 'us-east-1',
    credentials: url.username
      ? { accessKeyId: decodeURIComponent(url.username), secretAccessKey: decodeURIComponent(url.password) }
      : undefined,
  };
}
