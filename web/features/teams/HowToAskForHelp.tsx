import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { buttonClass, Card } from '../../ui';
import { HELP_PATH } from '../help-requests/paths';

/** Plain steps to get help from a team, and the help-request form (issue 11) one tap away. */
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
      <p>
        <Link to={HELP_PATH} className={buttonClass('primary')}>
          {t('directory.ask')}
        </Link>
      </p>
    </Card>
  );
}
