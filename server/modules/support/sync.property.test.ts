import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../shared/ids';
import { createTestApp, signIn, type Session, type TestApp } from '../../test/app';
import { buildUser } from '../../test/factories';
import {
  buildHamlet,
  buildMember,
  buildTeam,
  COMMUNE_A,
  loadTestUnits,
  recordInput,
} from '../teams/teams.fixtures';

/**
 * Property: any interleaving of sends, resends, conflicting resends and corrections — in batches, one by one, or
 * as concurrent PUTs — leaves exactly the distinct ids stored, each with its first content, and every corrected
 * version marked as superseded by its correction.
 */
const CHAINS = 3;
const VERSIONS = 3;

const opArb = fc.record({
  chain: fc.nat({ max: CHAINS - 1 }),
  version: fc.nat({ max: VERSIONS - 1 }),
  variant: fc.constantFrom('same', 'same', 'other'),
});
const stepArb = fc.record({
  ops: fc.array(opArb, { minLength: 1, maxLength: 6 }),
  mode: fc.constantFrom('batch', 'put', 'parallel-put'),
});
const scenarioArb = fc.array(stepArb, { minLength: 1, maxLength: 8 });

type Op = { chain: number; version: number; variant: string };

describe('offline sync property', () => {
  let t: TestApp;
  let member: Session;
  let team: { id: string };
  let hamlet: { id: string };

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    await loadTestUnits(db);
    hamlet = await buildHamlet(db, COMMUNE_A);
    team = await buildTeam(db, { communeCode: COMMUNE_A, hamletId: hamlet.id });
    const u = await buildUser(db);
    await buildMember(db, team.id, { user_id: u.id });
    member = await signIn(t.app, u.email, u.password);
  });
  afterAll(async () => t.close());

  it('stores exactly the distinct ids with their first content', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (steps) => {
        const now = t.clock.now();
        const ids = Array.from({ length: CHAINS }, () => Array.from({ length: VERSIONS }, () => uuidv7()));
        const noteOf = (op: Op) => `c${op.chain}v${op.version}-${op.variant}`;
        const bodyOf = (op: Op) =>
          recordInput(team.id, hamlet.id, now, {
            id: ids[op.chain]![op.version]!,
            note: noteOf(op),
            outcome: op.variant === 'same' ? 'done' : 'partly',
            ...(op.version > 0 ? { supersedes: ids[op.chain]![op.version - 1]! } : {}),
          });
        // id → the notes its first step could have stored (one unless the first step raced concurrent PUTs).
        const expected = new Map<string, Set<string>>();

        for (const step of steps) {
          const firstInStep = new Map<string, Set<string>>();
          for (const op of step.ops) {
            const id = ids[op.chain]![op.version]!;
            if (expected.has(id)) continue;
            const options = firstInStep.get(id) ?? new Set<string>();
            if (step.mode === 'parallel-put' || options.size === 0) options.add(noteOf(op));
            firstInStep.set(id, options);
          }
          for (const [id, options] of firstInStep) expected.set(id, options);

          if (step.mode === 'batch') {
            const r = await t.app.inject({
              method: 'POST',
              url: '/api/v1/sync',
              headers: member.headers,
              payload: { records: step.ops.map(bodyOf) },
            });
            expect(r.statusCode).toBe(200);
            for (const result of r.json().results as { status: string }[])
              expect(['created', 'duplicate', 'conflict']).toContain(result.status);
          } else {
            const send = (op: Op) =>
              t.app.inject({
                method: 'PUT',
                url: `/api/v1/support-records/${ids[op.chain]![op.version]!}`,
                headers: member.headers,
                payload: bodyOf(op),
              });
            const responses =
              step.mode === 'parallel-put'
                ? await Promise.all(step.ops.map(send))
                : await step.ops.reduce(
                    async (acc, op) => [...(await acc), await send(op)],
                    Promise.resolve([] as Awaited<ReturnType<typeof send>>[]),
                  );
            for (const r of responses) expect([200, 201, 409]).toContain(r.statusCode);
          }
        }

        const allIds = ids.flat();
        const stored = await t.database.db
          .selectFrom('support_records')
          .select(['id', 'note', 'state', 'superseded_by'])
          .where('id', 'in', allIds)
          .execute();
        expect(new Set(stored.map((r) => r.id))).toEqual(new Set(expected.keys()));
        const byId = new Map(stored.map((r) => [r.id, r]));
        for (const [id, notes] of expected) expect(notes).toContain(byId.get(id)!.note);
        for (const chain of ids) {
          chain.forEach((id, v) => {
            const row = byId.get(id);
            const next = chain[v + 1];
            if (!row) return;
            if (next && byId.has(next))
              expect(row).toMatchObject({ state: 'superseded', superseded_by: next });
            else expect(row).toMatchObject({ state: 'active', superseded_by: null });
          });
        }
      }),
      { numRuns: 40 },
    );
  });
});
