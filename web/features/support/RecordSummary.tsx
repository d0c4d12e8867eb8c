import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format';
import type { SupportRecordBody } from '../../offline/support-record-types';
import { useDeviceLabels } from './device-labels';

/** One record kept on the device, in words: when, where, what, outcome and who (age band and gender only). */
export function RecordSummary({
  record,
  headingLevel,
}: {
  record: SupportRecordBody;
  headingLevel: 2 | 3 | 4;
}) {
  const { t } = useTranslation('support');
  const labels = useDeviceLabels();
  const Heading = `h${headingLevel}` as const;
  return (
    <>
      <Heading>
        <time dateTime={record.occurredAt}>{formatDateTime(record.occurredAt)}</time> ·{' '}
        {labels.hamletName(record.hamletId)}
      </Heading>
      <p>{record.services.map(labels.serviceName).join(', ')}</p>
      <p className="muted">
        {t(`capture.outcomes.${record.outcome}`)} · {t(`capture.ageBands.${record.person.ageBand}`)} ·{' '}
        {t(`capture.genders.${record.person.gender}`)}
        {!record.consent && ` · ${t('record.consentNo')}`}
      </p>
    </>
  );
}
