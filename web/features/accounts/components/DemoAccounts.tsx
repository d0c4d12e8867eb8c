import { useTranslation } from 'react-i18next';
import { Button, Card } from '../../../ui';
import { roleLabelKey } from '../roles';
import { useDemoAccounts, type DemoAccount } from '../queries';

/** "+84900000001" as people write it, "0900000001"; either form signs in. */
function nationalPhone(phone: string): string {
  return phone.startsWith('+84') ? `0${phone.slice(3)}` : phone;
}

/** In demo deployments, the accounts anyone may try, each with a button that fills in the sign-in form. */
export function DemoAccounts({ onUse }: { onUse: (account: DemoAccount) => void }) {
  const { t } = useTranslation('accounts');
  const { data: accounts } = useDemoAccounts();
  if (!accounts || accounts.length === 0) return null;
  return (
    <Card title={t('demo.title')} level={2}>
      <p className="muted">{t('demo.description')}</p>
      <ul className="demo-accounts">
        {accounts.map((account) => {
          const role = t(roleLabelKey(account.role));
          return (
            <li key={account.email} className="demo-account">
              <p className="demo-account__role">
                <strong>{role}</strong>
              </p>
              <p className="demo-account__detail">{account.name}</p>
              <p className="demo-account__detail">
                {account.teamName ? `${account.teamName}, ${account.unitName}` : account.unitName}
              </p>
              <p className="demo-account__detail">{account.email}</p>
              <p className="demo-account__detail">
                {t('demo.phone')} {nationalPhone(account.phone)}
              </p>
              <Button
                variant="secondary"
                onClick={() => onUse(account)}
                aria-label={t('demo.useLabel', { name: account.name, role })}
              >
                {t('demo.use')}
              </Button>
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
