import '../accounts.css';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../ui';
import { useSession } from '../../../app/session';
import { ChangePasswordForm } from '../components/ChangePasswordForm';
import { NotificationPreferencesForm } from '../components/NotificationPreferencesForm';
import { ProfileDetailsForm } from '../components/ProfileDetailsForm';
import { RolesSummary } from '../components/RolesSummary';
import { SignOutEverywhere } from '../components/SignOutEverywhere';

/** `/profile` (behind RequireSignIn): details, roles, password, notification settings, sign out everywhere. */
export function ProfilePage() {
  const { t } = useTranslation('accounts');
  const { me } = useSession();
  if (!me) return null;
  return (
    <>
      <PageHeader title={t('profile.title')} description={t('profile.description')} />
      <div className="profile-sections">
        <ProfileDetailsForm key={me.user.id} me={me} />
        <RolesSummary me={me} />
        <ChangePasswordForm />
        <NotificationPreferencesForm />
        <SignOutEverywhere />
      </div>
    </>
  );
}
