import Fastify from 'fastify';
import { BASELINES } from '../baselines/index';
import { openBaselineDatabase, type BaselineTarget } from '../baselines/baseline-database';
import { announceReady } from './server-process';

/** A bare Fastify (no plugins, no logger) serving one baseline. Arguments: the baseline's name, the target as JSON. */
const baseline = BASELINES.get(process.argv[2] ?? '');
if (!baseline) throw new Error(`unknown baseline ${process.argv[2]}`);
const target = JSON.parse(process.argv[3] ?? '') as BaselineTarget;
const db = openBaselineDatabase(target);
const app = Fastify({ logger: false, trustProxy: true });
baseline.register(app, db);
const url = await app.listen({ port: 0, host: '127.0.0.1' });
announceReady(url, async () => {
  await app.close();
  await db.close();
});
