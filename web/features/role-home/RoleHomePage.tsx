import { useTranslation } from 'react-i18next';
import type { HomeSection } from '../../../shared/contracts/home';
import { formatDate } from '../../app/format';
import { useSession } from '../../app/session';
import { Alert, Button, PageHeader, Skeleton } from '../../ui';
import { HomeHelpRequests } from '../help-request-handling/HomeHelpRequests';
import { HomeQuestions } from '../question-handling/HomeQuestions';
import { AgencySection } from './AgencySection';
import { CommuneSection } from './CommuneSection';
import { LeaderSection } from './LeaderSection';
import { MemberSection } from './MemberSection';
import { OverviewSection } from './OverviewSection';
import { useHomeSummary } from './queries';
import './role-home.css';

function Section({ section, monthFrom }: { section: HomeSection; monthFrom: string }) {
  switch (section.kind) {
    case 'overview':
      return <OverviewSection rows={section.rows} monthFrom={monthFrom} />;
    case 'commune':
      return <CommuneSection communes={section.communes} />;
    case 'agency':
      return <AgencySection />;
    case 'leader':
      return <LeaderSection teams={section.teams} pendingReview={section.pendingReview} />;
    case 'member':
      return <MemberSection section={section} />;
  }
}

/**
 * Where a signed-in person lands: counts and next actions for each role they hold, the highest first (the server
 * decides the sections and counts inside their grants; this page only lays them out).
 */
export function RoleHomePage() {
  const { t } = useTranslation('role-home');
  const { me, can } = useSession();
  const summary = useHomeSummary();
  // Help requests (issue 11): a team's open ones for its leaders and members, the commune's unassigned for officers.
  const kinds = new Set(summary.data?.sections.map((section) => section.kind) ?? []);
  const helpGlance = !can('helpRequests.read')
    ? null
    : kinds.has('leader') || kinds.has('member')
      ? ('open' as const)
      : kinds.has('commune')
        ? ('new' as const)
        : null;

  return (
    <div className="role-home">
      <PageHeader
        title={t('page.title')}
        documentTitle={t('page.title')}
        description={me ? t('page.greeting', { name: me.user.name }) : undefined}
      />
      {summary.isPending && <Skeleton title lines={6} />}
      {summary.isError && (
        <Alert tone="error">
          <p>{t('page.loadError')}</p>
          <Button variant="secondary" onClick={() => void summary.refetch()}>
            {t('page.retry')}
          </Button>
        </Alert>
      )}
      {summary.data && (
        <>
          <p className="muted">
            {t('page.month', {
              from: formatDate(summary.data.month.from),
              to: formatDate(summary.data.month.to),
            })}
          </p>
          {summary.data.sections.length === 0 && <p className="reading">{t('page.noRole')}</p>}
          {summary.data.sections.map((section) => (
            <Section key={section.kind} section={section} monthFrom={summary.data.month.from} />
          ))}
          {helpGlance && <HomeHelpRequests state={helpGlance} />}
          {/* The Q&A (issue 11): questions waiting for an answer, for the teams that answer them. */}
          {(kinds.has('leader') || kinds.has('member')) && can('questions.answer') && <HomeQuestions />}
        </>
      )}
    </div>
  );
}
