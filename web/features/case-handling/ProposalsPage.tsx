import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProposalSummary } from '../../../shared/contracts/case-handling';
import { PROPOSAL_THEMES } from '../../../shared/rules/case-categories';
import { CASE_STATES } from '../../../shared/rules/case-workflow';
import { uuidv7 } from '../../../shared/ids';
import { ApiError } from '../../app/api';
import { formatDate } from '../../app/format';
import { useSession } from '../../app/session';
import {
  Alert,
  Button,
  Card,
  DataTable,
  EmptyState,
  PageHeader,
  Select,
  Skeleton,
  TextArea,
  TextField,
} from '../../ui';
import { StateTag } from './labels';
import { proposalErrors, type ProposalDraft } from './proposal-form';
import { INBOX_PATH } from './paths';
import {
  useProposals,
  useProposalSummary,
  useWrite,
  type CreateCaseResult,
  type ProposalItem,
} from './queries';
import { ledTeams } from './scope';
import './case-handling.css';

function useThemeName() {
  const { i18n } = useTranslation();
  const vi = i18n.language.startsWith('vi');
  return (code: string) => {
    const theme = PROPOSAL_THEMES.find((th) => th.code === code);
    return theme ? (vi ? theme.nameVi : theme.nameEn) : code;
  };
}

/**
 * Teams' difficulties and proposals: a team leader raises one and follows the team's with their official answers;
 * Youth Union coordinators (proposals.triage) see the summary by theme × status and answer them from the inbox.
 */
export function ProposalsPage() {
  const { t } = useTranslation('case-handling');
  const { me, can } = useSession();
  const teams = ledTeams(me);
  // The session may arrive after the first render: the first team led is the default until another is chosen.
  const [chosen, setTeamId] = useState<string | null>(null);
  const teamId = teams.find((team) => team.teamId === chosen)?.teamId ?? teams[0]?.teamId ?? null;
  const triage = can('proposals.triage');
  return (
    <div className="stack">
      <PageHeader title={t('proposals.title')} description={t('proposals.intro')} />
      {teams.length > 0 && can('proposals.raise') && (
        <>
          {teams.length > 1 && (
            <Select
              label={t('proposals.team')}
              value={teamId ?? ''}
              options={teams.map((team) => ({ value: team.teamId, label: team.teamName }))}
              onChange={(e) => setTeamId(e.target.value)}
            />
          )}
          {teamId && <RaiseForm key={teamId} teamId={teamId} />}
          {teamId && <TeamProposals teamId={teamId} />}
          {teamId && !triage && <SummaryTable teamId={teamId} />}
        </>
      )}
      {triage && (
        <>
          <p>
            <Link to={`${INBOX_PATH}?kind=proposal`}>{t('proposals.inboxLink')}</Link>
          </p>
          <SummaryTable teamId={null} />
        </>
      )}
    </div>
  );
}

function RaiseForm({ teamId }: { teamId: string }) {
  const { t, i18n } = useTranslation('case-handling');
  const themeName = useThemeName();
  const empty: ProposalDraft = { theme: '', title: '', description: '' };
  const [draft, setDraft] = useState<ProposalDraft>(empty);
  const [errors, setErrors] = useState<Partial<Record<keyof ProposalDraft, string>>>({});
  const [done, setDone] = useState<string | null>(null);
  const id = useRef(uuidv7());
  const write = useWrite<ProposalDraft, CreateCaseResult>(
    'POST',
    '/api/v1/proposals',
    ['proposals', 'proposal-summary'],
    (d) => ({
      id: id.current,
      teamId,
      theme: d.theme,
      title: d.title.trim(),
      description: d.description.trim(),
    }),
  );
  const set = (key: keyof ProposalDraft, value: string) => setDraft((d) => ({ ...d, [key]: value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found = proposalErrors(draft);
    setErrors(found);
    setDone(null);
    if (Object.keys(found).length > 0) return;
    try {
      const created = await write.mutateAsync(draft);
      setDone(t('proposals.created', { code: created.code }));
      setDraft(empty);
      id.current = uuidv7();
    } catch {
      // write.error is shown below.
    }
  }

  return (
    <Card title={t('proposals.raiseTitle')} aria-label={t('proposals.raiseTitle')}>
      <form onSubmit={submit} noValidate className="stack reading">
        <Select
          label={t('proposals.theme')}
          value={draft.theme}
          placeholder={t('common.choose')}
          options={PROPOSAL_THEMES.map((th) => ({ value: th.code, label: themeName(th.code) }))}
          error={errors.theme ? t(errors.theme) : null}
          onChange={(e) => set('theme', e.target.value)}
        />
        <TextField
          label={t('proposals.titleField')}
          value={draft.title}
          maxLength={120}
          error={errors.title ? t(errors.title) : null}
          onChange={(e) => set('title', e.target.value)}
        />
        <TextArea
          label={t('proposals.description')}
          hint={t('proposals.descriptionHint')}
          value={draft.description}
          rows={5}
          maxLength={4000}
          error={errors.description ? t(errors.description) : null}
          onChange={(e) => set('description', e.target.value)}
        />
        <div aria-live="polite">{done && <Alert tone="success">{done}</Alert>}</div>
        {write.error && (
          <Alert tone="error">
            {write.error instanceof ApiError ? write.error.messageIn(i18n.language) : String(write.error)}
          </Alert>
        )}
        <div>
          <Button type="submit" loading={write.isPending}>
            {t('proposals.submit')}
          </Button>
        </div>
      </form>
    </Card>
  );
}

function TeamProposals({ teamId }: { teamId: string }) {
  const { t } = useTranslation('case-handling');
  const themeName = useThemeName();
  const list = useProposals(teamId);
  return (
    <section className="stack">
      <h2>{t('proposals.listTitle')}</h2>
      {list.isPending ? (
        <Skeleton lines={3} />
      ) : list.isError ? (
        <Alert tone="error">{t('common.loadFailed')}</Alert>
      ) : (
        <DataTable<ProposalItem>
          caption={t('proposals.listCaption')}
          captionHidden
          rows={list.data.items}
          rowKey={(p) => p.id}
          empty={<EmptyState title={t('proposals.empty')} />}
          columns={[
            {
              key: 'proposal',
              header: t('proposals.columns.proposal'),
              primary: true,
              render: (p) => (
                <span className="case-row__title">
                  {p.title}
                  <span className="case-code">{p.code}</span>
                </span>
              ),
            },
            { key: 'theme', header: t('proposals.columns.theme'), render: (p) => themeName(p.theme) },
            {
              key: 'state',
              header: t('proposals.columns.state'),
              render: (p) => <StateTag state={p.state} />,
            },
            {
              key: 'answer',
              header: t('proposals.columns.answer'),
              render: (p) =>
                p.answer ?? p.refusedReason ?? <span className="muted">{t('proposals.noAnswer')}</span>,
            },
            {
              key: 'submitted',
              header: t('proposals.columns.submitted'),
              render: (p) => formatDate(p.submittedAt),
            },
          ]}
        />
      )}
    </section>
  );
}

/** Theme × status as a plain table: the figures themselves, readable by everyone (no chart to describe). */
function SummaryTable({ teamId }: { teamId: string | null }) {
  const { t } = useTranslation('case-handling');
  const themeName = useThemeName();
  const captionId = useId();
  const summary = useProposalSummary(teamId);
  if (summary.isPending) return <Skeleton lines={3} />;
  if (summary.isError) return <Alert tone="error">{t('common.loadFailed')}</Alert>;
  const { rows } = summary.data;
  const states = CASE_STATES.filter((s) => rows.some((r) => r.state === s));
  const themes = [...new Set(rows.map((r) => r.theme))];
  const count = (theme: string, state: string) => cell(summary.data, theme, state);
  return (
    <section className="stack">
      <h2>{t('proposals.summaryTitle')}</h2>
      {rows.length === 0 ? (
        <p className="muted">{t('proposals.summaryEmpty')}</p>
      ) : (
        // On a phone the table scrolls sideways: a focusable, named region, so a keyboard can scroll it too.
        <div className="table-wrap" role="region" aria-labelledby={captionId} tabIndex={0}>
          <table className="table case-stat-table">
            <caption id={captionId}>{t('proposals.summaryCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('proposals.columns.theme')}</th>
                {states.map((s) => (
                  <th key={s} scope="col">
                    {t(`state.${s}`)}
                  </th>
                ))}
                <th scope="col">{t('proposals.summaryTotal')}</th>
              </tr>
            </thead>
            <tbody>
              {themes.map((theme) => (
                <tr key={theme}>
                  <th scope="row">{themeName(theme)}</th>
                  {states.map((s) => (
                    <td key={s}>{count(theme, s)}</td>
                  ))}
                  <td>{states.reduce((sum, s) => sum + count(theme, s), 0)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('proposals.summaryTotal')}</th>
                {states.map((s) => (
                  <td key={s}>{themes.reduce((sum, theme) => sum + count(theme, s), 0)}</td>
                ))}
                <td>{summary.data.total}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </section>
  );
}

function cell(summary: ProposalSummary, theme: string, state: string): number {
  return summary.rows.find((r) => r.theme === theme && r.state === state)?.count ?? 0;
}
