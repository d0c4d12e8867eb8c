import { z } from 'zod';
import { ROLES } from '../../../shared/rules/permissions';

/**
 * GET /api/v1/demo/accounts. Kept with the module until the web app needs the type; it then moves to
 * shared/contracts/demo.ts unchanged.
 */
export const DemoAccountItemSchema = z.object({
  email: z.string(),
  phone: z.string().describe('The account’s phone number (+84…): sign in with it or with the e-mail'),
  password: z.string().describe('The shared demo password (config DEMO_PASSWORD)'),
  role: z.enum(ROLES),
  unitCode: z.string().describe('2-digit province, 5-digit commune, or a hamlet id'),
  unitName: z.string().describe('The unit in words: "Tỉnh Tây Ninh", "Phường Tân An", "Khu phố 1, Phường Tân An"'),
  teamName: z.string().nullable().describe('The team a team role works in; null for other roles'),
  name: z.string(),
});
export type DemoAccountItem = z.infer<typeof DemoAccountItemSchema>;

export const DemoAccountsResponseSchema = z
  .object({ items: z.array(DemoAccountItemSchema) })
  .describe('The demo accounts, one per role; only in demo mode');
export type DemoAccountsResponse = z.infer<typeof DemoAccountsResponseSchema>;
