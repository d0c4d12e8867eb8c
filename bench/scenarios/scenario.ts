import type { AutocannonRequestStep } from 'autocannon';

/** What scenarios may use from the prepared database (the demo accounts and their password). */
export interface BenchContext {
  accounts: readonly { email: string; password: string }[];
}

/**
 * One benchmark: the requests autocannon sends, identical for the full app and for the named bare baseline,
 * so the ratio of the two figures is what the app's layers cost on the same machine in the same run.
 */
export interface Scenario {
  name: string;
  /** The endpoint as a reader of the table knows it. */
  title: string;
  /** Name of the baseline in bench/baselines/index.ts. */
  baseline: string;
  requests(ctx: BenchContext): AutocannonRequestStep[];
}

/** Cycles through `values`, one per call, shared by all connections of a run. */
export function rotate<T>(values: readonly T[]): () => T {
  if (values.length === 0) throw new Error('nothing to rotate through');
  let i = 0;
  return () => values[i++ % values.length]!;
}
