/**
 * A visitor is pulled toward acting: the home page offers the petitions open now, the petition shows
 * its next milestone and where signers are (counts only), a phone reader reaches the form from a
 * sticky button, and the supporter's own letter is one link away. In English and in Korean.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

const PETITION = 'mother-and-son-returned-2017';
const DEMO_TITLE = 'Do not send them back: let the mother and her son go to South Korea';

test('the home page offers the open petition with its count; the petition shows its next milestone and signers by country', async ({ page }) => {
  await page.goto('/');
  const open = page.getByTestId('open-petitions');
  // The demo petition by its whole title: other journeys open petitions whose titles start alike.
  const card = open.getByRole('listitem').filter({ has: page.getByRole('link', { name: DEMO_TITLE, exact: true }) });
  await expect(card).toBeVisible();
  await expect(card.getByTestId('petition-count')).toContainText(/\d+ signatures?/);
  await card.getByRole('link', { name: DEMO_TITLE, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/petitions/${PETITION}$`));

  // The demo petition's milestones: the next one with what happens then.
  const milestones = page.getByTestId('petition-milestones');
  await expect(milestones).toContainText(/Next: 1,000 signatures \([\d,]+ to go\): We hand the petition to China’s embassy in Seoul/);
  // Where signers are: counts per country, never a name or an address.
  const countries = page.getByTestId('signers-by-country');
  await expect(countries).toBeVisible();
  await expect(countries.getByRole('listitem').first()).toContainText(/\d/);
  await expect(countries).not.toContainText('@');
  await expect(page.getByRole('link', { name: 'Write your own letter to China’s embassy' })).toHaveAttribute('href', `/cases/${PETITION}/letter`);
  // The country field: the browser's country first, and a few letters narrow the long list.
  const box = page.getByTestId('petition-sign-box');
  const countrySelect = box.getByLabel('Country', { exact: true });
  await expect(countrySelect).toHaveValue('US');
  await expect(countrySelect.locator('optgroup').first()).toHaveAttribute('label', 'Suggested');
  await expect(countrySelect.locator('optgroup').first().locator('option')).toHaveText(['United States']);
  await box.getByLabel('Find your country').fill('cote');
  await expect(countrySelect.locator('optgroup[label="All countries"] option')).toHaveText([/^Côte d’Ivoire$/]);
  await countrySelect.selectOption('CI');
  await box.getByLabel('Find your country').fill('');
  await expect(countrySelect).toHaveValue('CI');
  const axe = await new AxeBuilder({ page }).include('main').analyze();
  expect(axe.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
});

test.describe('on a 390 px phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('in Korean, a sticky button takes the reader from the case to the sign form; the letter is one link away', async ({ page }) => {
    await page.goto(`/ko/cases/${PETITION}`);
    const sticky = page.getByTestId('sticky-sign');
    await expect(sticky).toBeVisible();
    await expect(sticky).toHaveText('청원에 서명하기');
    const name = page.getByLabel('이름', { exact: true });
    await expect(name).not.toBeInViewport();
    await sticky.click();
    await expect(page.getByTestId('petition-sign-box')).toBeInViewport();
    await name.fill('김민지');
    await expect(name).toBeInViewport();

    await page.getByRole('link', { name: '중국 대사관에 직접 편지 쓰기' }).click();
    await expect(page).toHaveURL(new RegExp(`/ko/cases/${PETITION}/letter$`));
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  });

  test('the sticky button is not shown where the form is beside the text', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`/petitions/${PETITION}`);
    await expect(page.getByTestId('petition-sign-box')).toBeVisible();
    await expect(page.getByTestId('sticky-sign')).toBeHidden();
  });
});
