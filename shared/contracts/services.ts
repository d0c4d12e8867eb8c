import { z } from 'zod';
import { ActionSchema } from './accounts';

/** The five basic digital skills (domain.md §1) every service of the catalogue belongs to. */
export const SKILLS = [
  'public_services',
  'online_shopping',
  'online_payment',
  'online_safety',
  'local_platforms',
] as const;
export type Skill = (typeof SKILLS)[number];

export const SKILL_NAMES: Record<Skill, { vi: string; en: string }> = {
  public_services: { vi: 'Sử dụng dịch vụ công trực tuyến', en: 'Use online public services' },
  online_shopping: { vi: 'Mua sắm trực tuyến', en: 'Shop online' },
  online_payment: { vi: 'Thanh toán trực tuyến', en: 'Pay online' },
  online_safety: { vi: 'Bảo vệ bản thân trên không gian mạng', en: 'Stay safe in cyberspace' },
  local_platforms: {
    vi: 'Sử dụng các nền tảng số của địa phương',
    en: 'Use the locality’s digital platforms',
  },
};

export const SERVICE_STATUSES = ['active', 'retired'] as const;

/** Stable codes: lower snake case, never reused, never deleted once a record used them. */
export const ServiceCodeSchema = z
  .string()
  .trim()
  .regex(
    /^[a-z][a-z0-9_]{1,47}$/,
    'Lower-case letters, digits and "_" (2–48 characters), starting with a letter',
  )
  .describe('Stable service code, e.g. "vneid_level2"');

export const ServiceSchema = z.object({
  code: ServiceCodeSchema,
  name: z.string().describe('Vietnamese name'),
  nameEn: z.string().describe('English name'),
  skill: z.enum(SKILLS).describe('Which of the five basic digital skills it belongs to'),
  skillName: z.string(),
  skillNameEn: z.string(),
  description: z.string().nullable(),
  status: z
    .enum(SERVICE_STATUSES)
    .describe('Retired codes stay readable but are refused for new support records'),
  sortOrder: z.number().int(),
  actions: z.array(ActionSchema),
});
export type Service = z.infer<typeof ServiceSchema>;

export const ServiceListQuerySchema = z.object({
  status: z
    .enum(SERVICE_STATUSES)
    .optional()
    .describe('Only active or only retired services; both when omitted'),
});

export const ServiceListResponseSchema = z.object({ items: z.array(ServiceSchema) });

export const CreateServiceBodySchema = z.strictObject({
  code: ServiceCodeSchema,
  name: z.string().trim().min(2).max(160),
  nameEn: z.string().trim().min(2).max(160),
  skill: z.enum(SKILLS),
  description: z.string().trim().max(1000).nullish(),
  sortOrder: z.number().int().min(0).max(10_000).optional(),
});
export type CreateServiceBody = z.infer<typeof CreateServiceBodySchema>;

export const UpdateServiceBodySchema = z.strictObject({
  name: z.string().trim().min(2).max(160).optional(),
  nameEn: z.string().trim().min(2).max(160).optional(),
  skill: z.enum(SKILLS).optional(),
  description: z.string().trim().max(1000).nullish(),
  sortOrder: z.number().int().min(0).max(10_000).optional(),
  status: z
    .enum(SERVICE_STATUSES)
    .optional()
    .describe('"retired" withdraws the code from new records; "active" brings it back'),
});
export type UpdateServiceBody = z.infer<typeof UpdateServiceBodySchema>;

export const ServiceCodeParamsSchema = z.object({ code: ServiceCodeSchema });
