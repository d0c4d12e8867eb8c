import type { z } from 'zod';
import type { Logger } from 'pino';

/** What a handler learns about the run it is part of (never the raw row: payloads may hold personal data). */
export interface JobContext {
  jobId: string;
  name: string;
  /** 1 on the first run, 2 on the first retry… */
  attempt: number;
  maxAttempts: number;
  /** True when a failure now marks the job `failed` instead of retrying it. */
  isLastAttempt: boolean;
  logger: Logger;
}

/** A job as the runner sees it: the payload schema is applied before the handler runs. */
export interface JobDefinition {
  name: string;
  payload: z.ZodType;
  /** Parses the stored payload, then calls the handler; a payload that does not parse fails the job at once. */
  run(rawPayload: unknown, ctx: JobContext): Promise<void>;
}

/** Raised when a stored payload no longer matches its schema: retrying cannot help, so the job fails at once. */
export class JobPayloadError extends Error {
  constructor(name: string, issues: string) {
    super(`Payload of ${name} does not match its schema: ${issues}`);
    this.name = 'JobPayloadError';
  }
}

/**
 * Declares a job handler. Names are imperative and dotted ("mail.send"); each module returns its definitions
 * from `<module>.jobs.ts` and the composition root hands them all to the runner.
 */
export function defineJob<S extends z.ZodType>(def: {
  name: string;
  payload: S;
  handler: (payload: z.output<S>, ctx: JobContext) => Promise<void>;
}): JobDefinition {
  return {
    name: def.name,
    payload: def.payload,
    async run(rawPayload, ctx) {
      const parsed = def.payload.safeParse(rawPayload);
      if (!parsed.success) {
        throw new JobPayloadError(def.name, parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; '));
      }
      await def.handler(parsed.data, ctx);
    },
  };
}

/** A recurring slot. `dailyAt` is wall-clock time in Asia/Ho_Chi_Minh (UTC+7, no daylight saving). */
export type Schedule =
  | { name: string; every: { seconds: number }; payload?: Record<string, unknown> }
  | { name: string; dailyAt: string; payload?: Record<string, unknown> };

const declared = new Set<string>();

/**
 * Records job names that code enqueues (called at module load, next to the enqueue calls). The runner refuses
 * to start while any declared name lacks a handler, so a forgotten registration fails at boot, not in production
 * weeks later when the first such job sits unprocessed.
 */
export function declareJobs<const N extends readonly string[]>(names: N): N {
  for (const name of names) declared.add(name);
  return names;
}

export function declaredJobNames(): string[] {
  return [...declared].sort();
}
