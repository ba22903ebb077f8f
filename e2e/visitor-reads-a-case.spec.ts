import { expect, test } from '@playwright/test';

test.describe('A visitor reads the demo case', () => {
  test('in English: from the home page to the wife’s status and the timeline', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'People we are watching over' })).toBeVisible();
    const card = page.getByTestId('case-card').filter({ hasText: 'A mother and her four-year-old son' });
    await expect(card).toBeVisible();
    await expect(card).toContainText('Held for interrogation by state security');

    await card.getByRole('link', { name: /A mother and her four-year-old son/ }).click();
    await expect(page).toHaveURL(/\/cases\/mother-and-son-returned-2017$/);

    const wife = page.getByTestId('person-status').filter({ hasText: 'Mrs. Lee' });
    await expect(wife).toContainText('Held for interrogation by state security (MSS/Bowibu)');
    await expect(wife).toContainText('Sinuiju');
    await expect(wife).toContainText('as of November 2017');
    await expect(page.getByTestId('person-status').filter({ hasText: 'Their son' })).toContainText(
      'Whereabouts unknown',
    );

    const events = page.getByTestId('timeline-event');
    // The seven public events of the demo data (other journeys may add more to this case).
    for (const title of [
      'Lee Tae-won reaches South Korea',
      'Wife and four-year-old son smuggled out of North Korea',
      'Caught in northeast China with eight other defectors',
      'Public appeal to President Xi Jinping',
      'Wife handed over to North Korea and held for interrogation in Sinuiju',
      'A second source confirms she is back in North Korea',
      'Demonstration outside the Chinese embassy in Seoul',
    ]) {
      await expect(events.filter({ hasText: title })).toHaveCount(1);
    }
    await expect(events.first()).toContainText('2015');
    await expect(events.first()).toContainText('Lee Tae-won reaches South Korea');
    const handover = events.filter({ hasText: 'Wife handed over to North Korea' });
    await expect(handover).toContainText('November 2017');
    await expect(handover).toContainText('From one credible source');
    await expect(handover).toContainText('a source inside North Korea');
    await expect(events.filter({ hasText: 'A second source confirms' })).toContainText(
      'Corroborated by independent sources',
    );
    // The internal event and the confidential source's name stay private.
    await expect(page.getByText('Broker says the son may be held apart')).toHaveCount(0);
    await expect(page.getByText('Contact S-17')).toHaveCount(0);
  });

  test('in Chinese: the status line words the status, place and date as Chinese does', async ({ page }) => {
    await page.goto('/cases/mother-and-son-returned-2017');
    await page.getByRole('link', { name: '简体中文' }).click();
    await expect(page).toHaveURL(/\/zh\/cases\/mother-and-son-returned-2017$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
    await expect(page.getByRole('heading', { name: '本案涉及的人' })).toBeVisible();
    await expect(page.getByTestId('status-banner')).toContainText('Mrs. Lee：正被国家保卫省（保卫部）审讯（Sinuiju，截至2017年11月）');
    await expect(page.getByTestId('person-status').filter({ hasText: 'Their son' })).toContainText('（儿子，儿童');
    await expect(page).toHaveTitle(/Vigil/);
  });

  test('in Korean: switching language keeps the case and translates its statuses', async ({ page }) => {
    await page.goto('/cases/mother-and-son-returned-2017');
    await page.getByRole('link', { name: '한국어' }).click();
    await expect(page).toHaveURL(/\/ko\/cases\/mother-and-son-returned-2017$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
    await expect(page.getByRole('heading', { name: '이 사례의 사람들' })).toBeVisible();
    const wife = page.getByTestId('person-status').filter({ hasText: 'Mrs. Lee' });
    await expect(wife).toContainText('보위부(국가보위성) 조사 중');
    await expect(wife).toContainText('2017년 11월 기준');
    await expect(page.getByRole('heading', { name: '경과' })).toBeVisible();
    await expect(page.getByTestId('timeline-event').filter({ hasText: 'Wife handed over' })).toContainText(
      '신뢰할 만한 단일 출처',
    );

    // The product keeps its name in Korean.
    await expect(page).toHaveTitle(/Vigil/);
    await expect(page.getByRole('contentinfo')).toContainText('Vigil은');

    await page.getByRole('link', { name: /전체 사례/ }).click();
    await expect(page).toHaveURL(/\/ko$/);
    await expect(page.getByRole('heading', { level: 1, name: '우리가 지켜보는 사람들' })).toBeVisible();
  });

  test('filters the home page by status', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('link', { name: 'Reached safety', exact: true }).click();
    await expect(page).toHaveURL(/\?status=reached_safety$/);
    const titles = page.getByTestId('case-card').locator('h2');
    await expect(titles).toContainText(['A mother and her four-year-old son', 'a grandmother who reached safety']);
    await expect(page.getByTestId('case-card').filter({ hasText: 'student detained in Shenyang' })).toHaveCount(0);
  });
});
