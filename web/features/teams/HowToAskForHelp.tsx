import { useTranslation } from 'react-i18next';
import { Card } from '../../ui';

/** Plain steps to get help from a team today (the help-request form arrives with its own issue). */
export function HowToAskForHelp() {
  const { t } = useTranslation('teams');
  return (
    <Card title={t('directory.howTitle')}>
      <ol>
        <li>{t('directory.how1')}</li>
        <li>{t('directory.how2')}</li>
        <li>
          <strong>{t('directory.how3')}</strong>
        </li>
      </ol>
    </Card>
  );
}
