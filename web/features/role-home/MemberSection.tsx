import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { HomeRecentRecord, HomeSection } from '../../../shared/contracts/home';
import { formatDateTime, isoDateTime } from '../../app/format';
import { useSession } from '../../app/session';
import { useOutboxEntries } from '../../offline/use-outbox';
import { buttonClass, Card, Tag, type TagTone } from '../../ui';
import { CAPTURE_PATH, MY_RECORDS_PATH, OUTBOX_PATH } from '../support/paths';
import { teamPath } from '../teams/paths';

type MemberSectionData = Extract<HomeSection, { kind: 'member' }>;

const REVIEW_TONE: Record<HomeRecentRecord['reviewStatus'], TagTone> = {
  pending: 'info',
  reviewed: 'success',
  flagged: 'warning',
};

/** One status a record: a withdrawn or corrected version says so; a current one shows where its review stands. */
function RecordStatus({ record }: { record: HomeRecentRecord }) {
  const { t } = useTranslation('support');
  if (record.state !== 'active') return <Tag tone="neutral">{t(`record.states.${record.state}`)}</Tag>;
  return <Tag tone={REVIEW_TONE[record.reviewStatus]}>{t(`record.reviewStatus.${record.reviewStatus}`)}</Tag>;
}

/** What waits in this phone's outbox (counted on the device: the server has not seen these records yet). */
function OutboxCount() {
  const { t } = useTranslation('role-home');
  const { me } = useSession();
  const entries = useOutboxEntries(me?.user.id ?? null);
  if (entries === null) return <p className="muted">{t('member.outboxReading')}</p>;
  if (entries.length === 0) return <p>{t('member.outboxEmpty')}</p>;
  return (
    <p>
      <strong className="home-figure">{entries.length}</strong>{' '}
      {t('member.outboxWaiting', { count: entries.length })}{' '}
      <a href={OUTBOX_PATH}>{t('member.outboxOpen')}</a>
    </p>
  );
}

/** A team member's part: record help (the capture page is its own document), the outbox, their records, their team. */
export function MemberSection({ section }: { section: MemberSectionData }) {
  const { t } = useTranslation('role-home');
  return (
    <section className="home-section" aria-labelledby="home-member-title">
      <h2 id="home-member-title">{t('member.title')}</h2>
      <p>
        <a href={CAPTURE_PATH} className={buttonClass('primary')}>
          {t('member.capture')}
        </a>
      </p>
      <div className="home-grid">
        <Card title={t('member.outboxTitle')} level={3}>
          <OutboxCount />
        </Card>
        <Card title={t('member.teamTitle')} level={3}>
          {section.teams.length === 0 ? (
            <p>{t('member.noTeam')}</p>
          ) : (
            <ul className="home-links">
              {section.teams.map((team) => (
                <li key={team.teamId}>
                  <Link to={teamPath(team.teamId)}>{team.teamName}</Link>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
      <Card title={t('member.recentTitle')} level={3}>
        <p>
          <strong className="home-figure">{section.recordsThisMonth}</strong>{' '}
          {t('member.thisMonth', { count: section.recordsThisMonth })}
        </p>
        {section.recent.length === 0 ? (
          <p>{t('member.noRecords')}</p>
        ) : (
          <ul className="home-records">
            {section.recent.map((record) => (
              <li key={record.id}>
                <time dateTime={isoDateTime(record.occurredAt)}>{formatDateTime(record.occurredAt)}</time>
                {record.teamName && <span className="muted">{record.teamName}</span>}
                <RecordStatus record={record} />
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link to={MY_RECORDS_PATH}>{t('member.allMine')}</Link>
        </p>
      </Card>
    </section>
  );
}
