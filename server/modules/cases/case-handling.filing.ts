import type { z } from 'zod';
import type { ProposalBodySchema, StaffCaseBodySchema } from '../../../shared/contracts/case-handling';
import type { CreateCaseResult } from '../../../shared/contracts/cases';
import { PROPOSAL_THEMES } from '../../../shared/rules/case-categories';
import { canAt } from '../../../shared/rules/permissions';
import { localDateOf } from '../../../shared/time/vietnam-time';
import type { AuditContext } from '../../platform/audit';
import { actorGrants, requireUser, type Actor } from '../../platform/auth/actor';
import { forbidden, validation } from '../../platform/errors';
import type { CommuneLookup } from '../geography/index';
import type { CaseIntakeInput, CaseIntakeResult } from './case-intake.rules';
import type { CaseHandlingContext } from './case-handling.service';

type StaffCaseBody = z.output<typeof StaffCaseBodySchema>;
type ProposalBody = z.output<typeof ProposalBodySchema>;

export interface FilingDeps {
  /** The deployment's province: staff file the calls and visits they receive for it. */
  provinceCode: string;
  createCase: (input: CaseIntakeInput, ctx: AuditContext) => Promise<CaseIntakeResult>;
  communeAt: (provinceCode: string, lat: number, lng: number) => CommuneLookup;
}

function toResult(r: CaseIntakeResult): CreateCaseResult {
  return {
    id: r.caseId,
    code: r.code,
    status: r.status,
    state: r.state as CreateCaseResult['state'],
    acceptDueAt: r.acceptDueAt,
    // A resend of the same filing has no token to give again (only its hash is kept); the first answer had it.
    ...(r.reporterToken ? { reporterToken: r.reporterToken } : {}),
  };
}

/**
 * Cases filed by people inside the platform: staff for a caller or a walk-in (the 1022 hotline's way) and team
 * leaders' difficulties and proposals. Both go through the one intake path (case-intake.service.ts).
 */
export function createCaseFiling(ctx: CaseHandlingContext, deps: FilingDeps) {
  const { repo, clock } = ctx;

  /** Where the filed case will sit, worked out before filing so the receiver's scope can be checked first. */
  async function communeOf(body: StaffCaseBody): Promise<string | null> {
    if (body.communeCode) return body.communeCode;
    if (body.hamletId) {
      const hamlet = await ctx.db
        .selectFrom('hamlets')
        .select('commune_code')
        .where('id', '=', body.hamletId)
        .executeTakeFirst();
      if (hamlet) return hamlet.commune_code;
    }
    if (body.location) {
      const found = deps.communeAt(deps.provinceCode, body.location.lat, body.location.lng);
      if (found.status === 'found') return found.communeCode;
    }
    return null;
  }

  /**
   * POST /cases/staff: a receiver (cases.triage where the case will sit — a commune officer for their commune, the
   * province's roles anywhere) files what a caller or visitor reports. The contact's consent is recorded with the
   * channel it was given on (phone call, in person).
   */
  async function fileForCaller(
    actor: Actor,
    body: StaffCaseBody,
    audit: AuditContext,
  ): Promise<CreateCaseResult> {
    const user = requireUser(actor);
    const communeCode = await communeOf(body);
    if (!canAt(actorGrants(actor), 'cases.triage', { provinceCode: deps.provinceCode, communeCode }))
      throw forbidden();
    const result = await deps.createCase(
      {
        id: body.id,
        submissionKey: `staff:${body.id}`,
        kind: body.kind,
        provinceCode: deps.provinceCode,
        categoryCode: body.categoryCode,
        title: body.title ?? null,
        description: body.description,
        location: body.location ?? null,
        communeCode: body.communeCode ?? communeCode,
        hamletId: body.hamletId ?? null,
        addressText: body.addressText ?? null,
        ...(body.attributes ? { attributes: body.attributes } : {}),
        reporter: {
          name: body.name ?? null,
          phone: body.phone ?? null,
          email: body.email ?? null,
          showName: body.showName,
          consentVersion: body.contactConsentVersion ?? null,
        },
        source: 'staff',
        channel: body.channel,
        createdBy: user.user.id,
      },
      audit,
    );
    return toResult(result);
  }

  /**
   * POST /proposals: a team's leader (proposals.raise where the team sits, and leading it) raises a difficulty or
   * proposal; it is placed at the team's commune and hamlet, its category is the theme, and it goes to the Youth
   * Union coordinators' inbox.
   */
  async function raiseProposal(
    actor: Actor,
    body: ProposalBody,
    audit: AuditContext,
  ): Promise<CreateCaseResult> {
    const user = requireUser(actor);
    if (!PROPOSAL_THEMES.some((t) => t.code === body.theme)) {
      throw validation([
        {
          path: 'body.theme',
          message: 'Choose one of the listed themes.',
          messageVi: 'Hãy chọn một chủ đề trong danh sách.',
        },
      ]);
    }
    const team = await repo.team(body.teamId);
    if (!team || team.status !== 'active') throw forbidden();
    const placement = {
      provinceCode: team.province_code,
      communeCode: team.commune_code,
      hamletId: team.hamlet_id,
    };
    const leads = (await repo.teamsLedBy(user.user.id, localDateOf(clock.now()))).includes(team.id);
    if (!leads || !canAt(actorGrants(actor), 'proposals.raise', placement)) throw forbidden();
    const result = await deps.createCase(
      {
        id: body.id,
        submissionKey: `team:${body.id}`,
        kind: 'proposal',
        provinceCode: team.province_code,
        categoryCode: body.theme,
        title: body.title,
        description: body.description,
        communeCode: team.commune_code,
        hamletId: team.hamlet_id,
        reporter: { name: user.user.name, showName: false },
        source: 'team',
        channel: 'app',
        createdBy: user.user.id,
        teamId: team.id,
        theme: body.theme,
      },
      audit,
    );
    return toResult(result);
  }

  return { fileForCaller, raiseProposal };
}
export type CaseFiling = ReturnType<typeof createCaseFiling>;
