import { maskPhone } from '../../../shared/contracts/accounts';
import type { HandlerCase } from '../../../shared/contracts/case-handling';
import type { PublicCase } from '../../../shared/contracts/cases';
import type { DeadlineStatus } from '../../../shared/rules/case-deadlines';
import type { CaseAction, CaseState } from '../../../shared/rules/case-workflow';
import { presentPhoto, presentPublicCase } from './case.presenter';
import type { CaseFileRow, CaseRow, CaseUpdateRow, ExtensionRow } from './case-handling.repository';

/**
 * The handler's view of a case: everything the public page shows, plus the reporter (name, contact masked — the full
 * contact only through the logged reveal), the whole timeline with internal notes, every photo with its hidden flag,
 * extensions, and what the caller may do. The raising team's leader of a proposal gets the same shape with the
 * internal entries left out.
 */

const PUBLIC_KINDS: readonly string[] = ['transition', 'public_update', 'citizen_comment', 'rating'];

const photoView = presentPhoto;

export function maskEmail(email: string | null): string | null {
  if (!email) return null;
  const [local, domain] = email.split('@') as [string, string | undefined];
  return domain ? `${local.slice(0, 1)}•••@${domain}` : '•••';
}

export interface HandlerCaseParts {
  row: CaseRow;
  updates: CaseUpdateRow[];
  files: CaseFileRow[];
  extensions: ExtensionRow[];
  categoryName: string;
  communeName: string | null;
  agencyName: string | null;
  mergedIntoCode: string | null;
  /** Opened from the sealed columns by the service; only masked here. */
  reporter: { name: string | null; phone: string | null; email: string | null; blocked: boolean };
  deadlineStatus: DeadlineStatus | null;
  caseActions: CaseAction[];
  can: string[];
  suggestedAgencyId: string | null;
  /** False for the raising team's leader: internal notes and hidden items stay with the staff. */
  staff: boolean;
  now: Date;
}

/**
 * The public page's fields as the public sees them once published (the same presenter as the tracking page), but
 * with the text, place and photos a handler must read even before publication; `published` stays the truth.
 */
function publicPart(p: HandlerCaseParts): PublicCase {
  const r = p.row;
  const view = presentPublicCase(
    { ...r, published_at: r.published_at ?? r.submitted_at },
    {
      categoryName: p.categoryName,
      communeName: p.communeName,
      agencyName: p.agencyName,
      mergedIntoCode: p.mergedIntoCode,
      files: p.files,
      timeline: p.updates.filter((u) => u.public === 1 && u.hidden === 0 && PUBLIC_KINDS.includes(u.kind)),
      deadlineStatus: p.deadlineStatus,
      now: p.now,
    },
  );
  return { ...view, published: r.published_at !== null && r.hidden === 0 };
}

export function presentHandlerCase(p: HandlerCaseParts): HandlerCase {
  const r = p.row;
  const visible = (hidden: number, isPublic = true) => p.staff || (hidden === 0 && isPublic);
  return {
    ...publicPart(p),
    originalDescription: r.description,
    hidden: r.hidden === 1,
    hiddenReason: r.hidden_reason,
    source: r.source,
    channel: r.channel,
    agencyId: r.agency_id,
    teamId: r.team_id,
    theme: r.theme,
    reporter: {
      name: p.reporter.name,
      showName: r.show_name === 1,
      phoneMasked: maskPhone(p.reporter.phone),
      emailMasked: maskEmail(p.reporter.email),
      anonymised: r.contact_anonymised_at !== null,
      blocked: p.reporter.blocked,
    },
    entries: p.updates
      .filter((u) => visible(u.hidden, u.public === 1))
      .map((u) => ({
        id: u.id,
        kind: u.kind,
        action: u.action,
        fromState: (u.from_state as CaseState | null) ?? null,
        toState: (u.to_state as CaseState | null) ?? null,
        body: u.body,
        public: u.public === 1,
        hidden: u.hidden === 1,
        authorName: u.author_name,
        agencyName: u.agency_name,
        at: u.created_at,
        photos: p.files
          .filter((f) => f.update_id === u.id && visible(f.hidden))
          .map((f) => ({ ...photoView(f), hidden: f.hidden === 1 })),
      })),
    extensions: p.extensions.map((e) => ({
      id: e.id,
      reason: e.reason,
      workingDays: e.working_days,
      status: e.status,
      requestedBy: e.requested_by_name,
      requestedAt: e.requested_at,
      decidedBy: e.decided_by_name,
      decidedAt: e.decided_at,
      decisionNote: e.decision_note,
    })),
    allPhotos: p.files
      .filter((f) => visible(f.hidden))
      .map((f) => ({ ...photoView(f), hidden: f.hidden === 1 })),
    caseActions: p.caseActions,
    can: p.can,
    suggestedAgencyId: p.suggestedAgencyId,
  };
}
