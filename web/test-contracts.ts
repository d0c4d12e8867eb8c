import type { z } from 'zod';
import { ErrorBodySchema } from '../shared/contracts/errors';
import type { EndpointContract } from './endpoint-contract';
import { ACCOUNT_CONTRACTS, NOTIFICATION_CONTRACTS } from './features/accounts/endpoint-contracts';
import { CALENDAR_CONTRACTS } from './features/calendar/endpoint-contracts';
import { CASE_HANDLING_CONTRACTS } from './features/case-handling/endpoint-contracts';
import { CASE_CONTRACTS } from './features/cases/endpoint-contracts';
import { GEOGRAPHY_CONTRACTS } from './features/geography/endpoint-contracts';
import { HELP_REQUEST_CONTRACTS } from './features/help-request-handling/endpoint-contracts';
import { PRIVACY_CONTRACTS } from './features/privacy/endpoint-contracts';
import { QUESTION_CONTRACTS } from './features/questions/endpoint-contracts';
import { SERVICE_CONTRACTS } from './features/services/endpoint-contracts';
import { SUPPORT_CONTRACTS } from './features/support/endpoint-contracts';
import { TEAM_CONTRACTS } from './features/teams/endpoint-contracts';

export type { EndpointContract } from './endpoint-contract';

/**
 * The shared contract of each /api/v1 endpoint the web app calls, as the server's routes declare it (request body,
 * response per status), so the web tests' fake API (features/geography/fake-api.tsx) parses every body it fakes and
 * every body the app sends: a hand-written body that drifts from the contract fails the test that uses it. Errors
 * are `ErrorBodySchema` unless an endpoint names its own; 204 carries no body. Each feature lists its endpoints in
 * its endpoint-contracts.ts. Literal paths come before `:param` ones, as the first match wins.
 */
export const ENDPOINT_CONTRACTS: EndpointContract[] = [
  ...ACCOUNT_CONTRACTS,
  ...PRIVACY_CONTRACTS,
  ...NOTIFICATION_CONTRACTS,
  ...GEOGRAPHY_CONTRACTS,
  ...SERVICE_CONTRACTS,
  ...CASE_CONTRACTS,
  ...CALENDAR_CONTRACTS,
  ...SUPPORT_CONTRACTS,
  ...TEAM_CONTRACTS,
  ...CASE_HANDLING_CONTRACTS,
  ...HELP_REQUEST_CONTRACTS,
  ...QUESTION_CONTRACTS,
];

function matches(pattern: string, pathname: string): boolean {
  const a = pattern.split('/');
  const b = pathname.split('/');
  return a.length === b.length && a.every((part, i) => part.startsWith(':') || part === b[i]);
}

export function findEndpointContract(method: string, pathname: string): EndpointContract | undefined {
  return ENDPOINT_CONTRACTS.find((c) => c.method === method && matches(c.path, pathname));
}

/**
 * Everything wrong with one faked exchange, as readable lines (empty when it keeps to the contract): the body the app
 * sent, and the answer's status and body.
 */
export function contractProblems(
  call: { method: string; pathname: string; body: unknown },
  answer: { status: number; body: unknown },
): string[] {
  const where = `${call.method} ${call.pathname}`;
  const contract = findEndpointContract(call.method, call.pathname);
  if (!contract) return [`${where}: no contract for this endpoint (add it to web/test-contracts.ts)`];
  const problems: string[] = [];
  const describe = (error: z.ZodError) =>
    error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ');
  if (contract.body) {
    const sent = contract.body.safeParse(call.body);
    if (!sent.success)
      problems.push(`${where}: the app sent a body the contract refuses — ${describe(sent.error)}`);
  }
  const declared = contract.responses[answer.status];
  const schema = declared !== undefined ? declared : answer.status >= 400 ? ErrorBodySchema : undefined;
  if (schema === undefined) {
    problems.push(`${where}: the fake answers ${answer.status}, a status this endpoint never answers`);
  } else if (schema === null) {
    if (answer.body !== undefined) problems.push(`${where}: a ${answer.status} answer carries no body`);
  } else {
    const parsed = schema.safeParse(answer.body);
    if (!parsed.success) {
      problems.push(
        `${where}: the fake ${answer.status} body breaks the contract — ${describe(parsed.error)}`,
      );
    }
  }
  return problems;
}
