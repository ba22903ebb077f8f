import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { Forbidden } from '@/components/staff/Forbidden';
import { Badge, type BadgeTone } from '@/components/ui/Badge';
import { DataTable } from '@/components/ui/DataTable';
import { InviteUserForm } from '@/components/users/InviteUserForm';
import { UserActionForm } from '@/components/users/UserActionForm';
import { toPage } from '@/lib/operations/adapters';
import { type AccountStatus, listUsers } from '@/lib/users/list-users';
import { STAFF_ROLES } from '@/lib/users/schemas';
import {
  changeUserRoleAction,
  disableUserAction,
  enableUserAction,
  inviteUserAction,
  resetTwoFactorAction,
  setInternalAccessAction,
} from './actions';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'staff.meta' }))('users') };
}

const statusTone: Record<AccountStatus, BadgeTone> = { active: 'success', invited: 'info', invitation_expired: 'warning', disabled: 'neutral' };

export default async function UsersPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const page = await toPage(locale, listUsers, {});
  if (page.forbidden) return <Forbidden />;
  const [t, format] = await Promise.all([getTranslations('staff'), getFormatter()]);
  const me = page.session.userId;
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">{t('users.title')}</h1>
      <section className="rounded border border-stone-200 bg-white p-6 shadow-sm" aria-labelledby="invite">
        <h2 id="invite" className="mb-4 text-lg font-semibold">
          {t('users.inviteTitle')}
        </h2>
        <InviteUserForm action={inviteUserAction} />
      </section>
      <section aria-labelledby="accounts">
        <h2 id="accounts" className="mb-3 text-lg font-semibold">
          {t('users.listTitle')}
        </h2>
        <DataTable headings={[t('users.columns.person'), t('users.columns.role'), t('users.columns.internalAccess'), t('users.columns.twoFactor'), t('users.columns.status'), t('users.columns.lastSignIn'), t('users.columns.actions')]}>
              {page.data.map((user) => (
                <tr key={user.id} data-testid={`user-${user.email}`}>
                  <td className="px-3 py-2">
                    <div className="font-medium">{user.displayName || user.email}</div>
                    {user.displayName ? <div className="text-xs text-stone-600">{user.email}</div> : null}
                    {user.id === me ? <div className="text-xs text-stone-600">({t('users.you')})</div> : null}
                  </td>
                  <td className="px-3 py-2">{t(`roles.${user.role}`)}</td>
                  <td className="px-3 py-2">{user.internalAccess ? t('users.on') : t('users.off')}</td>
                  <td className="px-3 py-2">{user.twoFactorEnabled ? t('users.on') : t('users.off')}</td>
                  <td className="px-3 py-2">
                    <Badge tone={statusTone[user.status]}>{t(`users.status.${user.status}`)}</Badge>
                  </td>
                  <td className="px-3 py-2 text-xs">
                    {user.lastSignInAt ? format.dateTime(new Date(user.lastSignInAt), { dateStyle: 'medium', timeStyle: 'short' }) : t('users.never')}
                  </td>
                  <td className="space-y-2 px-3 py-2">
                    {user.id === me ? null : (
                      <>
                        <UserActionForm action={changeUserRoleAction} userId={user.id} label={t('users.changeRole')}>
                          <select name="role" defaultValue={user.role} aria-label={t('users.role')} className="rounded border border-stone-300 px-1 py-1 text-xs">
                            {STAFF_ROLES.map((role) => (
                              <option key={role} value={role}>
                                {t(`roles.${role}`)}
                              </option>
                            ))}
                          </select>
                        </UserActionForm>
                        <UserActionForm
                          action={setInternalAccessAction}
                          userId={user.id}
                          label={user.internalAccess ? t('users.withdrawInternalAccess') : t('users.grantInternalAccess')}
                        >
                          {user.internalAccess ? null : <input type="hidden" name="internalAccess" value="on" />}
                        </UserActionForm>
                        {user.twoFactorEnabled ? <UserActionForm action={resetTwoFactorAction} userId={user.id} label={t('users.resetTwoFactor')} tone="danger" /> : null}
                        {user.status === 'disabled' ? (
                          <UserActionForm action={enableUserAction} userId={user.id} label={t('users.enable')} />
                        ) : (
                          <UserActionForm action={disableUserAction} userId={user.id} label={t('users.disable')} tone="danger" />
                        )}
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </DataTable>
      </section>
    </div>
  );
}
