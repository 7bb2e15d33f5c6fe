import { describe, expect, it } from 'vitest';
import { useWebHarness } from './web-harness.ts';

const web = useWebHarness();

describe('sign-in page in Chromium', () => {
  it('renders under the CSP without console errors, passes axe, and is screenshotted at both sizes', async () => {
    const page = await web.newPage();
    const response = await page.goto('/');
    expect(page.url()).toBe(`${web.baseUrl}/sign-in`);
    const csp = response!.headers()['content-security-policy']!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toMatch(/script-src 'self' 'nonce-[\w+/=]+'/);
    expect(csp).not.toContain('unsafe-inline');
    await expect.poll(() => page.getByRole('heading', { name: 'Sign in' }).isVisible()).toBe(true);
    await web.expectAccessible(page);
    await web.screenshots(page, 'sign-in');
    web.expectNoConsoleErrors(page);
  });

  it("runs our bundled script: it stores the browser's time zone in a cookie", async () => {
    const page = await web.newPage({ timezoneId: 'Europe/Warsaw' });
    await page.goto('/sign-in');
    await expect
      .poll(async () => (await page.context().cookies()).find((c) => c.name === 'rs_tz')?.value)
      .toBe(encodeURIComponent('Europe/Warsaw'));
    web.expectNoConsoleErrors(page);
  });

  it('refuses a form post without the CSRF token with 403', async () => {
    const page = await web.newPage();
    await page.goto('/sign-in');
    const response = await page.request.post('/sign-in', { form: { email: 'a@example.com', password: 'whatever password' } });
    expect(response.status()).toBe(403);
    expect(await response.text()).toContain('Form expired');
  });
});
