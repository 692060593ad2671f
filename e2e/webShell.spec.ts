import { expect, test } from '@playwright/test';

/** The web shell started by the global setup: its address carries the session token. */
function shellUrl(): URL {
  const url = process.env.NETCANVAS_URL;
  if (!url) throw new Error('NETCANVAS_URL is not set: the global setup starts the web shell');
  return new URL(url);
}

test('the web shell refuses requests without the session token', async ({ request }) => {
  const url = shellUrl();
  const page = await request.get(url.origin + '/', { maxRedirects: 0 });
  expect([401, 403]).toContain(page.status());
  const api = await request.post(url.origin + '/api/appInfo', { data: [] });
  expect([401, 403]).toContain(api.status());
});

test('with the token the web shell serves the app and answers the API', async ({ request }) => {
  const url = shellUrl();
  // The first visit trades the token for a cookie; the request context keeps it.
  const page = await request.get(url.href);
  expect(page.status()).toBe(200);
  expect(page.headers()['content-security-policy']).toContain("script-src 'self'");
  const info = await request.post(url.origin + '/api/appInfo', { data: [] });
  expect(info.status()).toBe(200);
  expect(await info.json()).toMatchObject({ ok: true, value: { shell: 'web' } });
  const bad = await request.post(url.origin + '/api/openProject', { data: [42] });
  expect(bad.status()).toBe(400);
  expect(await bad.json()).toMatchObject({ ok: false, code: 'badRequest' });
});
