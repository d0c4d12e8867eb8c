import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';

/**
 * Backup and restore of the embedded SQLite database (`npm run backup`, `npm run restore`). Upgrades are forward
 * only — the migrator refuses a database with a migration the binary does not know, and there are no down
 * migrations — so rolling back an upgrade means restoring the backup taken before it, with the previous version.
 * PostgreSQL deployments use pg_dump / pg_restore instead (POSTGRES_BACKUP_GUIDANCE).
 */

export const SQLITE_FILE_NAME = 'cong-dong-so.sqlite';

export const POSTGRES_BACKUP_GUIDANCE = `DATABASE_URL is set: this deployment runs on PostgreSQL, which has its own tools.
  Backup (any time, no downtime):   pg_dump -Fc "$DATABASE_URL" -f cds-$(date +%F).dump
  Restore (servers stopped):        pg_restore --clean --if-exists --no-owner -d "$DATABASE_URL" cds-YYYY-MM-DD.dump
DATABASE_URL đã đặt: triển khai này dùng PostgreSQL, hãy sao lưu bằng pg_dump và khôi phục bằng pg_restore như trên.`;

export class BackupError extends Error {
  constructor(
    message: string,
    readonly messageVi: string,
  ) {
    super(message);
    this.name = 'BackupError';
  }
}

export interface SqliteBackupInfo {
  file: string;
  bytes: number;
  /** The newest migration the copy has: the version of the code that can open it. */
  latestMigration: string | null;
}

/** `DATA_DIR/backups/cong-dong-so-2026-12-04T19-30-00Z.sqlite`: sortable, and safe in every file system. */
export function defaultBackupFile(dataDir: string, now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/:/g, '-');
  return path.join(dataDir, 'backups', `cong-dong-so-${stamp}.sqlite`);
}

/**
 * Copies a live database with SQLite's online backup API while the server keeps serving. All pages are copied in one
 * step, i.e. inside one read transaction: under WAL the server's writes go on meanwhile, the copy is the snapshot of
 * that instant, and a busy server cannot make the backup restart forever (a paged backup restarts whenever another
 * connection writes). Written to a `.partial` file first, so an interrupted backup never looks finished.
 */
export async function backupSqlite(source: string, target: string): Promise<SqliteBackupInfo> {
  if (!fs.existsSync(source)) {
    throw new BackupError(`No database at ${source}`, `Không có cơ sở dữ liệu tại ${source}`);
  }
  if (fs.existsSync(target)) {
    throw new BackupError(
      `${target} already exists; choose another file`,
      `${target} đã tồn tại; hãy chọn tệp khác`,
    );
  }
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  const partial = `${target}.partial`;
  fs.rmSync(partial, { force: true });
  const db = new SQLite(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    await db.backup(partial, { progress: () => 0x7fffffff });
  } catch (err) {
    fs.rmSync(partial, { force: true });
    throw err;
  } finally {
    db.close();
  }
  const latestMigration = sealAndCheck(partial);
  fs.renameSync(partial, target);
  return { file: target, bytes: fs.statSync(target).size, latestMigration };
}

export interface SqliteRestoreInfo {
  /** Where the database that was replaced now lives (kept, never deleted), or null when there was none. */
  previous: string | null;
  latestMigration: string | null;
}

/**
 * Puts a backup in place of the database. Refuses while anything has the database open (a running server, another
 * script): the server keeps it in WAL mode, and leaving WAL needs the only connection, so a failed switch proves
 * someone else is there (the check also folds the WAL into the file, so the replaced database is whole on its own).
 * The replaced database is kept beside it, never deleted.
 */
export function restoreSqlite(backup: string, target: string, now: Date): SqliteRestoreInfo {
  if (!fs.existsSync(backup))
    throw new BackupError(`No backup at ${backup}`, `Không có bản sao lưu tại ${backup}`);
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  const incoming = `${target}.restoring`;
  fs.copyFileSync(backup, incoming);
  try {
    const latestMigration = sealAndCheck(incoming);
    let previous: string | null = null;
    if (fs.existsSync(target)) {
      assertNotInUse(target);
      previous = `${target}.before-restore-${now
        .toISOString()
        .replace(/\.\d{3}Z$/, 'Z')
        .replace(/:/g, '-')}`;
      fs.renameSync(target, previous);
    }
    // Leftovers of a crash would be replayed into the restored file: they belong to the database just moved aside.
    for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(`${target}${suffix}`, { force: true });
    fs.renameSync(incoming, target);
    return { previous, latestMigration };
  } catch (err) {
    fs.rmSync(incoming, { force: true });
    throw err;
  }
}

function assertNotInUse(file: string): void {
  const db = new SQLite(file, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 0');
    if (db.pragma('journal_mode = DELETE', { simple: true }) !== 'delete')
      throw new Error('still in WAL mode');
  } catch {
    throw new BackupError(
      `${file} is in use: stop the server (every process using DATA_DIR) before restoring`,
      `${file} đang được sử dụng: hãy dừng máy chủ (mọi tiến trình dùng DATA_DIR) trước khi khôi phục`,
    );
  } finally {
    db.close();
  }
}

/**
 * Makes a fresh copy one self-contained file (a copy of a WAL database is marked WAL and would grow -wal/-shm files
 * beside it when opened), runs SQLite's integrity check and returns the newest migration; throws if it is damaged or
 * not ours. Only ever given the copies this module writes, never the operator's own files.
 */
function sealAndCheck(file: string): string | null {
  let db: SQLite.Database;
  try {
    db = new SQLite(file, { fileMustExist: true });
    db.pragma('journal_mode = DELETE');
  } catch {
    throw new BackupError(`${file} is not a SQLite database`, `${file} không phải cơ sở dữ liệu SQLite`);
  }
  try {
    const check = db.pragma('integrity_check', { simple: true });
    if (check !== 'ok') {
      throw new BackupError(`${file} is damaged: ${String(check)}`, `${file} bị hỏng: ${String(check)}`);
    }
    const hasMigrations = db
      .prepare("select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'")
      .get();
    if (!hasMigrations) {
      throw new BackupError(
        `${file} is not a Cộng Đồng Số database`,
        `${file} không phải cơ sở dữ liệu Cộng Đồng Số`,
      );
    }
    const row = db.prepare('select name from kysely_migration order by name desc limit 1').get() as
      { name: string } | undefined;
    return row?.name ?? null;
  } catch (err) {
    if (err instanceof BackupError) throw err;
    throw new BackupError(`${file} is not a SQLite database`, `${file} không phải cơ sở dữ liệu SQLite`);
  } finally {
    db.close();
  }
}
