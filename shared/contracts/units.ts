import { z } from 'zod';
import { MAX_PAGE_SIZE } from './paging';
import { ActionSchema } from './accounts';
import { ERROR_CODES } from './errors';

/** Official unit levels; districts exist only before the 2025-07-01 reform. Hamlets are ours, not official. */
export const UNIT_LEVELS = ['province', 'district', 'commune'] as const;
export const UnitLevelSchema = z.enum(UNIT_LEVELS);
export type UnitLevel = z.infer<typeof UnitLevelSchema>;

export const HAMLET_KINDS = ['ap', 'khu_pho', 'thon', 'to_dan_pho', 'other'] as const;
export const HamletKindSchema = z
  .enum(HAMLET_KINDS)
  .describe('ap = ấp, khu_pho = khu phố, thon = thôn, to_dan_pho = tổ dân phố');
export type HamletKind = z.infer<typeof HamletKindSchema>;

/** What the UI shows for each kind (Vietnamese is the product's default language). */
export const HAMLET_KIND_LABELS: Record<HamletKind, string> = {
  ap: 'Ấp',
  khu_pho: 'Khu phố',
  thon: 'Thôn',
  to_dan_pho: 'Tổ dân phố',
  other: 'Khác',
};

export const HAMLET_STATUSES = ['active', 'merged', 'retired'] as const;
export const HamletStatusSchema = z.enum(HAMLET_STATUSES);

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date that really exists ("2025-02-30" is refused, not rolled over). */
export const IsoDateSchema = z
  .string()
  .regex(DATE_PATTERN, 'Use the form YYYY-MM-DD')
  .refine((v) => {
    const d = new Date(`${v}T00:00:00.000Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
  }, 'Not a real date');

export const ProvinceCodeSchema = z.string().regex(/^\d{2}$/, 'A province code has 2 digits');
export const CommuneCodeSchema = z.string().regex(/^\d{5}$/, 'A commune code has 5 digits');
export const HamletIdSchema = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'Not a hamlet id');

/** Unknown query parameters are ignored (caches and proxies add their own); bodies stay strict. */
export const UnitListQuerySchema = z.object({
  level: z
    .enum([...UNIT_LEVELS, 'hamlet'])
    .optional()
    .describe('Omit for every official level'),
  parent: z
    .string()
    .regex(
      /^(\d{2}|\d{3}|\d{5})$/,
      'A parent is a 2-digit province, 3-digit district or 5-digit commune code',
    )
    .optional()
    .describe(
      'Province code (any unit inside it), district code (pre-reform communes) or commune code (hamlets)',
    ),
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .describe('Search text; diacritics are ignored ("tan an" finds "Tân An")'),
  at: IsoDateSchema.optional().describe(
    'The units valid on that date (valid_from ≤ at < valid_to); default today',
  ),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
  cursor: z.string().max(500).optional(),
});
export type UnitListQuery = z.infer<typeof UnitListQuerySchema>;

export const UnitItemSchema = z.object({
  code: z
    .string()
    .describe('Official code: 2 digits province, 3 digits district (pre-reform), 5 digits commune'),
  level: UnitLevelSchema,
  name: z.string(),
  fullName: z.string().describe('Type + name, e.g. "Phường Tân An"'),
  type: z.string().describe('Tỉnh, Thành phố, Quận, Huyện, Xã, Phường, Đặc khu, …'),
  parentCode: z.string().nullable(),
  provinceCode: z.string(),
  validFrom: z.string().nullable().describe('First day of validity (YYYY-MM-DD); null = before the records'),
  validTo: z.string().nullable().describe('First day it no longer exists (YYYY-MM-DD); null = current'),
});
export type UnitItem = z.infer<typeof UnitItemSchema>;

export const HamletItemSchema = z.object({
  id: z.string(),
  code: z.string().describe('Equal to id: hamlets have no official code'),
  level: z.literal('hamlet'),
  name: z.string(),
  fullName: z.string(),
  type: z.string().describe('Label of the kind, e.g. "Ấp"'),
  kind: HamletKindSchema,
  localCode: z.string().nullable().describe("The commune's own code for the hamlet, if any"),
  communeCode: z.string(),
  provinceCode: z.string(),
  status: HamletStatusSchema,
  validFrom: z.string().describe('ISO timestamp of creation'),
  validTo: z.string().nullable().describe('ISO timestamp of merge or retirement'),
  actions: z.array(ActionSchema).describe('Actions the caller may take on this hamlet'),
});
export type HamletItem = z.infer<typeof HamletItemSchema>;

export const UnitListResponseSchema = z.object({
  items: z.array(z.union([UnitItemSchema, HamletItemSchema])),
  nextCursor: z.string().nullable(),
});
export type UnitListResponse = z.infer<typeof UnitListResponseSchema>;

export const LineageKindSchema = z
  .enum(['full', 'partial'])
  .describe('full: the whole old unit went into the new one');

export const UnitPredecessorSchema = z.object({
  code: z.string(),
  level: UnitLevelSchema,
  fullName: z.string(),
  kind: LineageKindSchema,
  validTo: z.string().nullable(),
});
export const UnitSuccessorSchema = z.object({
  code: z.string(),
  level: UnitLevelSchema,
  fullName: z.string(),
  kind: LineageKindSchema,
});

export const UnitDetailSchema = UnitItemSchema.extend({
  nameEn: z.string().nullable(),
  predecessors: z.array(UnitPredecessorSchema).describe('Pre-reform units this current unit was formed from'),
  successors: z.array(UnitSuccessorSchema).describe('Current units a retired unit went into'),
  communeCount: z.number().int().optional().describe('Current provinces only'),
});
export type UnitDetail = z.infer<typeof UnitDetailSchema>;

export const UnitCodeParamsSchema = z.strictObject({
  code: z.string().regex(/^(\d{2}|\d{3}|\d{5})$/, 'A unit code has 2, 3 or 5 digits'),
});
export const ProvinceGeoParamsSchema = z.strictObject({ provinceCode: ProvinceCodeSchema });

const HamletNameSchema = z.string().trim().min(1, 'Name is required').max(120, 'At most 120 characters');
const LocalCodeSchema = z.string().trim().max(30, 'At most 30 characters');

export const CreateHamletBodySchema = z.strictObject({
  communeCode: CommuneCodeSchema,
  name: HamletNameSchema,
  kind: HamletKindSchema,
  localCode: LocalCodeSchema.nullable().optional(),
});
export type CreateHamletBody = z.infer<typeof CreateHamletBodySchema>;

export const UpdateHamletBodySchema = z
  .strictObject({
    name: HamletNameSchema.optional(),
    kind: HamletKindSchema.optional(),
    localCode: LocalCodeSchema.nullable().optional().describe('null or "" removes the local code'),
  })
  .refine(
    (b) => b.name !== undefined || b.kind !== undefined || b.localCode !== undefined,
    'Nothing to change',
  );
export type UpdateHamletBody = z.infer<typeof UpdateHamletBodySchema>;

export const MergeHamletBodySchema = z.strictObject({
  intoId: HamletIdSchema.describe('The active hamlet of the same commune that absorbs this one'),
});
export const RetireHamletBodySchema = z.strictObject({
  reason: z.string().trim().min(1, 'A reason is required').max(500),
});
export const HamletParamsSchema = z.strictObject({ id: HamletIdSchema });

export const HamletChangeSchema = z.object({
  id: z.string(),
  change: z.enum(['created', 'renamed', 'updated', 'merged', 'retired', 'imported']),
  at: z.string(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});

export const HamletDetailSchema = HamletItemSchema.extend({
  mergedInto: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  history: z.array(HamletChangeSchema).describe('Every change, oldest first; nothing is ever deleted'),
});
export type HamletDetail = z.infer<typeof HamletDetailSchema>;

/** 1 MiB of CSV text (UTF-8 bytes), checked by the service; the JSON body around it may be a little larger. */
export const MAX_IMPORT_CSV_BYTES = 1024 * 1024;

export const ImportHamletsBodySchema = z.strictObject({
  // The 1 MiB limit is on UTF-8 bytes and answered 413, so the server checks it, not this schema.
  csv: z
    .string()
    .min(1, 'The CSV is empty')
    .describe(
      'At most 1 MiB. Header row, then commune_code,name,kind,local_code (commune_code may be omitted with communeCode)',
    ),
  dryRun: z.boolean().describe('true: preview only, nothing is written'),
  communeCode: CommuneCodeSchema.optional().describe('Commune of rows that have no commune_code'),
});
export type ImportHamletsBody = z.infer<typeof ImportHamletsBodySchema>;

export const ImportRowErrorSchema = z.object({
  field: z.string().describe('CSV column: commune_code, name, kind, local_code'),
  message: z.string(),
  messageVi: z.string(),
});
export type ImportRowError = z.infer<typeof ImportRowErrorSchema>;

export const ImportRowSchema = z.object({
  line: z.number().int().describe('Line in the file (the header is line 1)'),
  communeCode: z.string().nullable(),
  name: z.string(),
  kind: HamletKindSchema.nullable(),
  localCode: z.string().nullable(),
  action: z.enum(['create', 'update', 'skip', 'error']),
  errors: z.array(ImportRowErrorSchema),
});
export type ImportRow = z.infer<typeof ImportRowSchema>;

export const ImportHamletsResultSchema = z.object({
  dryRun: z.boolean(),
  summary: z.object({
    create: z.number().int(),
    update: z.number().int(),
    skip: z.number().int(),
    error: z.number().int(),
  }),
  rows: z.array(ImportRowSchema),
});
export type ImportHamletsResult = z.infer<typeof ImportHamletsResultSchema>;

/** A refused real import: the error's details are the preview's rows, each with a path and a message. */
export const ImportErrorBodySchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    messageVi: z.string().optional(),
    details: z
      .array(
        ImportRowSchema.partial().extend({
          path: z.string(),
          message: z.string(),
          messageVi: z.string().optional(),
        }),
      )
      .optional(),
  }),
});
