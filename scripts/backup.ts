// `npm run backup [-- <file>]`: a consistent copy of the embedded SQLite database while the server runs (default
// DATA_DIR/backups/cong-dong-so-<UTC time>.sqlite). `npm run restore -- <file>`: puts a backup back, refusing while
// a server has the database open. Reads the same environment as the server (DATA_DIR, DATABASE_URL); with
// DATABASE_URL set both print the pg_dump / pg_restore commands instead and exit 2, as no backup was made.
// Exit status: 0 done, 1 refused or failed (message in English and Vietnamese), 2 bad configuration or PostgreSQL.
import path from 'node:path';
import { ConfigError, parseConfig } from '../server/config';
import {
  BackupError,
  POSTGRES_BACKUP_GUIDANCE,
  SQLITE_FILE_NAME,
  backupSqlite,
  defaultBackupFile,
  restoreSqlite,
} from '../server/platform/backup';

const [command, file] = process.argv.slice(2);

async function main(): Promise<number> {
  let config;
  try {
    config = parseConfig(process.env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(err.message);
    return 2;
  }
  if (config.databaseUrl) {
    console.error(POSTGRES_BACKUP_GUIDANCE);
    return 2;
  }
  const database = path.resolve(config.dataDir, SQLITE_FILE_NAME);
  if (command === 'backup') {
    const started = Date.now();
    const done = await backupSqlite(
      database,
      path.resolve(file ?? defaultBackupFile(config.dataDir, new Date())),
    );
    console.log(`Backup written / Đã sao lưu: ${done.file}`);
    console.log(
      `  ${(done.bytes / 1048576).toFixed(1)} MiB in ${Date.now() - started} ms, newest migration ${done.latestMigration}`,
    );
    return 0;
  }
  if (command === 'restore' && file) {
    const done = restoreSqlite(path.resolve(file), database, new Date());
    console.log(`Restored / Đã khôi phục: ${database} (newest migration ${done.latestMigration})`);
    if (done.previous)
      console.log(`  the replaced database is kept at / cơ sở dữ liệu cũ được giữ tại: ${done.previous}`);
    console.log(
      '  Start the version of the code that wrote this backup / Hãy chạy phiên bản mã đã tạo bản sao lưu này.',
    );
    return 0;
  }
  console.error('usage: npm run backup [-- <file>]  |  npm run restore -- <backup file>');
  return 2;
}

main().then(
  (status) => process.exit(status),
  (err: unknown) => {
    if (err instanceof BackupError) console.error(`${err.message}\n${err.messageVi}`);
    else console.error(err);
    process.exit(1);
  },
);
