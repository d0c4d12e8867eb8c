import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../shared/ids';
import { testDialect } from '../../test/database';
import { COMMUNE_A } from '../teams/teams.fixtures';
import {
  createIntakeWorld,
  createTestCasesModule,
  failingStorage,
  type IntakeWorld,
  jpeg,
  refusal,
  reportInput,
  SVG,
} from './cases.fixtures';

/** Case intake (the service, without HTTP) with photos: stored whole with the case or not at all. */
describe(`case intake on ${testDialect()}`, () => {
  let w: IntakeWorld;

  beforeAll(async () => {
    w = await createIntakeWorld();
  });
  afterAll(async () => w.close());

  it('stores photos with the case, offers a photo’s GPS as the place, and refuses SVG and broken images in Vietnamese', async () => {
    const input = reportInput({ location: null, photos: [await jpeg({ gps: true }), await jpeg()] });
    await w.m.intake.createCase(input, w.ctx());
    const row = await w.database.db
      .selectFrom('cases')
      .select(['lat', 'lng', 'commune_code'])
      .where('id', '=', input.id)
      .executeTakeFirstOrThrow();
    expect(row.commune_code).toBe(COMMUNE_A);
    expect(row.lat).toBeCloseTo(11.3083, 3);
    const stored = await w.database.db
      .selectFrom('case_files')
      .selectAll()
      .where('case_id', '=', input.id)
      .orderBy('position')
      .execute();
    expect(stored.map((f) => f.position)).toEqual([0, 1]);
    for (const f of stored) {
      expect(await w.files.storage.exists(f.display_key)).toBe(true);
      expect((await w.files.storage.get(f.thumb_key))?.contentType).toBe('image/webp');
    }
    const svg = await refusal(w.m.intake.createCase(reportInput({ photos: [await jpeg(), SVG] }), w.ctx()));
    expect(svg.details?.[0]).toMatchObject({ path: 'photos.1' });
    expect(svg.messageVi).toContain('SVG');
    const broken = await refusal(
      w.m.intake.createCase(reportInput({ photos: [Buffer.from('not an image at all')] }), w.ctx()),
    );
    expect(broken.messageVi).toContain('không phải ảnh');
    const six = await refusal(
      w.m.intake.createCase(reportInput({ photos: Array.from({ length: 6 }, () => SVG) }), w.ctx()),
    );
    expect(six.details?.[0]?.path).toBe('photos');
  });

  it('stores a case whole with its photos or not at all when the storage fails midway', async () => {
    const broken = createTestCasesModule({
      db: w.database.db,
      dialect: w.database.dialect,
      clock: w.clock,
      storage: failingStorage(w.files.storage, 3),
    });
    const input = reportInput({ photos: [await jpeg(), await jpeg(), await jpeg()] });
    const before = new Set<string>();
    for await (const page of w.files.storage.list('cases')) for (const e of page) before.add(e.key);
    await expect(broken.intake.createCase(input, w.ctx())).rejects.toThrow('storage down');
    expect(await w.database.db.selectFrom('cases').select('id').where('id', '=', input.id).execute()).toEqual(
      [],
    );
    expect(
      await w.database.db
        .selectFrom('case_submissions')
        .select('key')
        .where('key', '=', input.submissionKey)
        .execute(),
    ).toEqual([]);
    const after: string[] = [];
    for await (const page of w.files.storage.list('cases'))
      for (const e of page) if (!before.has(e.key)) after.push(e.key);
    expect(after).toEqual([]);
    // The same submission goes through once the storage is back.
    expect((await w.m.intake.createCase(input, w.ctx())).status).toBe('created');
  });

  it('rolls the photos back when the database refuses the case', async () => {
    const taken = reportInput();
    await w.m.intake.createCase(taken, w.ctx());
    // Another submission key with the id of a stored case: the insert fails after the photos were written.
    const clash = reportInput({ id: taken.id, submissionKey: `staff:${uuidv7()}`, photos: [await jpeg()] });
    const before: string[] = [];
    for await (const page of w.files.storage.list('cases')) before.push(...page.map((e) => e.key));
    expect((await refusal(w.m.intake.createCase(clash, w.ctx()))).code).toBe('CONFLICT');
    const after: string[] = [];
    for await (const page of w.files.storage.list('cases')) after.push(...page.map((e) => e.key));
    expect(after.sort()).toEqual(before.sort());
  });
});
