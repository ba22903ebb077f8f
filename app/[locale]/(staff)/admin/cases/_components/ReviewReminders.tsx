import { getTranslations } from 'next-intl/server';
import { ReviewReminderList } from '@/components/advocacy/ReviewReminderList';
import { getStaffSession } from '@/lib/auth/get-staff-session';
import { can } from '@/lib/auth/permissions';
import { listCases } from '@/lib/cases/list-cases';
import { pageValue } from '@/lib/operations/adapters';

/** The console home's reminder: cases whose review date passed or that nobody updated for a while. */
export async function ReviewReminders() {
  const session = await getStaffSession();
  if (!session || !can(session, 'cases.list')) return null;
  const [due, t] = await Promise.all([pageValue(listCases(session, { reviewDue: '1' })), getTranslations('advocacy.review')]);
  return (
    <section aria-labelledby="review-reminders" className="mt-8 rounded border border-amber-300 bg-amber-50 p-4" data-testid="review-reminders">
      <h2 id="review-reminders" className="font-semibold">
        {t('title')}
      </h2>
      <p className="text-sm text-stone-700">{t('help', { days: due.reviewAfterDays })}</p>
      <ReviewReminderList cases={due.cases} />
    </section>
  );
}
