import { expect, test } from '@playwright/test';
import { CANARY_HIDDEN_SLUGS, CANARY_MARKER, CANARY_PUBLIC_SLUG } from './fixtures/canary-cases';
import { expandRoute, findRoutes } from './support/public-routes';

/**
 * Renders every route of the app as an anonymous visitor (HTML, the React Server Components payload,
 * and JSON), with canary cases in the database, and fails if any canary comes back.
 */
test('no private field reaches any page, RSC payload or JSON answer', async ({ request }) => {
  const listed = await request.get('/api/cases');
  expect(listed.status()).toBe(200);
  const publicSlugs: string[] = (await listed.json()).cases.map((item: { slug: string }) => item.slug);
  expect(publicSlugs).toContain(CANARY_PUBLIC_SLUG);

  const examples: Record<string, string[]> = {
    // '' is the default locale, served without a prefix.
    locale: ['', 'ko'],
    slug: [...publicSlugs, ...Object.values(CANARY_HIDDEN_SLUGS), 'no-such-case'],
    rest: ['no-such-page'],
    nextauth: ['session', 'providers', 'csrf'],
    token: ['not-a-real-invitation-token'],
    id: ['00000000-0000-4000-8000-000000000000'],
    requestId: ['00000000-0000-4000-8000-000000000000'],
  };
  const paths = findRoutes().flatMap(({ route }) => expandRoute(route, examples));
  const withFilters = ['/?status=prison', '/ko?status=unknown'];
  expect(paths.length).toBeGreaterThan(10);

  const checked: string[] = [];
  for (const path of [...paths, ...withFilters]) {
    for (const headers of [{}, { RSC: '1' }] as Record<string, string>[]) {
      const response = await request.get(path, { headers, maxRedirects: 5 });
      expect(response.status(), `${path} ${JSON.stringify(headers)}`).toBeLessThan(500);
      const body = await response.text();
      expect(body, `canary in ${path} ${JSON.stringify(headers)}`).not.toContain(CANARY_MARKER);
      checked.push(path);
    }
  }

  for (const slug of Object.values(CANARY_HIDDEN_SLUGS)) {
    expect((await request.get(`/cases/${slug}`)).status()).toBe(404);
    expect((await request.get(`/api/cases/${slug}`)).status()).toBe(404);
  }
  expect(checked.length).toBeGreaterThan(20);
});
