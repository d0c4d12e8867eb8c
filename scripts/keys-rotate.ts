// `npm run keys:rotate`: re-seals every sealed contact value (phone numbers; citizens' e-mail addresses as modules
// add them) under the current data key, in batches of 500 rows, each its own short transaction — servers keep
// running, and a stopped run is simply started again (it picks up the rows still under an older version).
//
// With DATA_KEY (production): first give every server the new key — DATA_KEY=<new>, DATA_KEY_VERSION=<n+1>,
// DATA_KEYS_PREVIOUS=<n>:<old>,… — and restart them one by one (they read both, write the new one); then run this
// with the same environment. When it reports nothing left, the old key can leave DATA_KEYS_PREVIOUS.
// Without DATA_KEY (development, demo): a new key version is added to DATA_DIR/data-keys.json and made current;
// stop the server first, since a running one knows only the keys it read at start.
// Exit status: 0 done, 1 failed, 2 bad configuration.
import path from 'node:path';
import { ConfigError, parseConfig } from '../server/config';
import { createDatabase } from '../server/db/database';
import { addGeneratedKeyVersion, openDataKeys } from '../server/platform/crypto/data-keys';
import { resealColumns } from '../server/platform/crypto/sealed-columns';

async function main(): Promise<number> {
  let config;
  try {
    config = parseConfig(process.env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(err.message);
    return 2;
  }
  const sealer = config.dataKeys
    ? openDataKeys(config, () => undefined)
    : addGeneratedKeyVersion(config.dataDir);
  if (!config.dataKeys) {
    console.log(`Added key version ${sealer.currentVersion} to ${path.resolve(config.dataDir, 'data-keys.json')}`);
  }
  const database = createDatabase({
    databaseUrl: config.databaseUrl,
    sqliteFile: path.join(config.dataDir, 'cong-dong-so.sqlite'),
    poolMax: 2,
  });
  try {
    const started = Date.now();
    const reports = await resealColumns(database.db, sealer, 'rotate');
    for (const r of reports) console.log(`  ${r.table}.${r.column}: ${r.resealed} re-sealed`);
    console.log(
      `Every sealed value is under key version ${sealer.currentVersion} (${Date.now() - started} ms). ` +
        `Mọi giá trị đã được niêm phong lại bằng khoá phiên bản ${sealer.currentVersion}.`,
    );
    return 0;
  } finally {
    await database.close();
  }
}

main().then(
  (status) => process.exit(status),
  (err: unknown) => {
    console.error(`Key rotation failed / Xoay khoá thất bại: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
