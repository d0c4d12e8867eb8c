import type { Scenario } from './scenario';
import { signInScenario } from './sign-in.scenario';
import { unitSearchScenario } from './unit-search.scenario';
import { unitTreeScenario } from './unit-tree.scenario';
import { syncBatchScenario } from './sync-batch.scenario';
import { syncPutScenario } from './sync-put.scenario';

/** Every scenario, in the order the table prints them. Later issues add theirs here (and a baseline). */
export const SCENARIOS: readonly Scenario[] = [signInScenario, unitSearchScenario, unitTreeScenario, syncPutScenario, syncBatchScenario];
