import type { Page } from '@playwright/test';

/** Collects the Content-Security-Policy violations a page reports, so a test can insist there are none. */
export function watchForCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}
