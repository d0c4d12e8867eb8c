import type { z } from 'zod';

/**
 * One /api/v1 endpoint as the server's routes declare it (request body, response per status), for the web tests'
 * contract table (web/test-contracts.ts). Errors are `ErrorBodySchema` unless an endpoint names its own; 204
 * carries no body.
 */
export interface EndpointContract {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  body?: z.ZodType;
  responses: Record<number, z.ZodType | null>;
}

export const ok = (schema: z.ZodType) => ({ 200: schema });
export const created = (schema: z.ZodType) => ({ 201: schema });
export const noContent = { 204: null };
