import type { z } from 'zod';
import type {
  InboxPageSchema,
  InboxQuerySchema,
  ProposalListQuerySchema,
  ProposalPageSchema,
  ProposalSummarySchema,
} from '../../../shared/contracts/case-handling';

/** The handlers' contract types the services speak (inferred from shared/contracts/case-handling.ts). */
export type InboxQuery = z.output<typeof InboxQuerySchema>;
export type InboxPage = z.infer<typeof InboxPageSchema>;
export type ProposalSummary = z.infer<typeof ProposalSummarySchema>;
export type ProposalListQuery = z.output<typeof ProposalListQuerySchema>;
export type ProposalPage = z.infer<typeof ProposalPageSchema>;
