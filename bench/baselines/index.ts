import type { Baseline } from './baseline';
import { signInBaseline } from './sign-in.baseline';
import { unitSearchBaseline } from './unit-search.baseline';
import { unitTreeBaseline } from './unit-tree.baseline';
import { syncBatchBaseline } from './sync-batch.baseline';
import { syncPutBaseline } from './sync-put.baseline';

/** Every baseline by name; a scenario names the one it is compared with. Add new ones here. */
export const BASELINES: ReadonlyMap<string, Baseline> = new Map(
  [signInBaseline, unitSearchBaseline, unitTreeBaseline, syncPutBaseline, syncBatchBaseline].map((b) => [b.name, b]),
);
