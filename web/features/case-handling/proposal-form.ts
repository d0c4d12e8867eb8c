import { PROPOSAL_THEMES } from '../../../shared/rules/case-categories';

/** A team's difficulty or proposal as the leader types it; checked as the server checks ProposalBody. */
export interface ProposalDraft {
  theme: string;
  title: string;
  description: string;
}

export function proposalErrors(d: ProposalDraft): Partial<Record<keyof ProposalDraft, string>> {
  const errors: Partial<Record<keyof ProposalDraft, string>> = {};
  if (!PROPOSAL_THEMES.some((theme) => theme.code === d.theme)) errors.theme = 'proposals.errors.theme';
  const title = d.title.trim().length;
  if (title < 3 || title > 120) errors.title = 'proposals.errors.title';
  if (d.description.trim().length < 10) errors.description = 'proposals.errors.description';
  return errors;
}
