// End-to-end checks of links, pixels, boards, API keys and two-factor login (ui/src/pages/manage/),
// called by run.mjs with its logged-in admin page. Exact numbers come from the hits sent here.
import { createHmac } from 'node:crypto';

/** RFC 6238 TOTP (SHA-1, 6 digits, 30 s) of a base32 secret at time ms. */
export function totp(secret, ms = Date.now()) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const ch of secret.replace(/[\s=]/g, '').toUpperCase()) bits += alphabet.indexOf(ch).toString(2).padStart(5, '0');
  const key = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(ms / 30_000)));
  const h = createHmac('sha1', key).update(counter).digest();
  const o = h[h.length - 1] & 15;
  return String((h.readUInt32BE(o) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

/** Waits until the card shows the expected text; returns what it last showed. */
async function waitText(locator, expected, timeout = 8000) {
  const deadline = Date.now() + timeout;
  let last = '';
  while (Date.now() < deadline) {
    last = (await locator.innerText().catch(() => '')).trim();
    if (last === expected) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  return last;
}

export async function linksAndPixels({ page, BASE, UA, check, shot, log, teamId }) {
  const hit = (path, ua, extra = {}) => fetch(`${BASE}${path}`, { redirect: 'manual', headers: { 'user-agent': ua, ...extra } });
  const stat = (p, key) => p.locator(`[data-stat="${key}"] .stat-value`);

  // Links: empty state, create, tracking URL, clicks counted exactly on its page.
  await page.goto(`${BASE}/links`);
  await page.getByText('No links yet').waitFor();
  check('links: empty state', true);
  await shot('m01-links-empty');
  await page.getByRole('button', { name: '+ New link' }).first().click();
  const longName = 'Spring sale announcement in the partner newsletter with a name long enough to wrap twice';
  await page.fill('.modal input[name=name]', longName);
  await page.fill('.modal input[name=url]', 'javascript:alert(1)');
  await page.fill('.modal input[name=slug]', 'e2e-spring');
  await page.click('.modal button[type=submit]');
  await page.locator('.modal .error-box', { hasText: 'http://' }).waitFor();
  check('links: a non-web destination is refused in the form', true);
  await page.fill('.modal input[name=url]', 'https://shop.example/spring?utm_source=newsletter');
  await page.click('.modal button[type=submit]');
  const row = page.getByTestId('links').locator('tr', { hasText: 'Spring sale' });
  await row.waitFor();
  const url = (await row.locator('code').innerText()).trim();
  check('links: tracking URL is /q/<slug>', url === `${BASE}/q/e2e-spring`, url);

  // Three clicks from two browsers, one of them from a newsletter.
  const r1 = await hit('/q/e2e-spring', UA.chrome, { referer: 'https://news.example/issue-12' });
  await hit('/q/e2e-spring', UA.chrome);
  await hit('/q/e2e-spring', UA.firefox);
  check('links: /q/<slug> redirects to the destination', r1.status === 307 && r1.headers.get('location') === 'https://shop.example/spring?utm_source=newsletter', `${r1.status} ${r1.headers.get('location')}`);
  await row.getByRole('link', { name: /Spring sale/ }).click();
  await page.waitForURL(/\/links\/[0-9a-f-]{36}$/);
  const linkId = page.url().split('/').pop();
  check('links: page shows the tracking URL', (await page.getByTestId('tracking-url').innerText()).trim() === `${BASE}/q/e2e-spring`);
  check('links: views = 3 clicks', (await waitText(stat(page, 'views'), '3')) === '3', await stat(page, 'views').innerText().catch(() => ''));
  check('links: visitors = 2', (await waitText(stat(page, 'visitors'), '2')) === '2');
  check('links: visits = 2', (await waitText(stat(page, 'visits'), '2')) === '2');
  await page.locator('.metric-row', { hasText: 'news.example' }).first().waitFor();
  check('links: referrer listed', true);
  await page.locator('.chart svg').first().waitFor();
  await page.waitForTimeout(300);
  await shot('m02-link-stats');
  // A click on a row filters the link's numbers like the overview's.
  await page.locator('.metric-row button', { hasText: 'news.example' }).first().click();
  check('links: filtered by referrer, views = 1', (await waitText(stat(page, 'views'), '1')) === '1');
  await page.getByRole('button', { name: /Remove filter/ }).click();
  await waitText(stat(page, 'views'), '3');

  // Edit the slug: the old URL stops, the new one works and counts on the same link.
  await page.getByRole('button', { name: 'Edit' }).first().click();
  await page.fill('.modal input[name=slug]', 'e2e-spring-2');
  await page.click('.modal button[type=submit]');
  await page.getByTestId('tracking-url').filter({ hasText: '/q/e2e-spring-2' }).waitFor();
  check('links: old slug is gone after the edit', (await hit('/q/e2e-spring', UA.chrome)).status === 404);
  check('links: new slug redirects', (await hit('/q/e2e-spring-2', UA.safari)).status === 307);
  await page.reload();
  check('links: the new slug counts on the same link (views = 4)', (await waitText(stat(page, 'views'), '4')) === '4');

  // Pixels: create with the suggested slug, two opens from one mail client, then delete.
  await page.goto(`${BASE}/pixels`);
  await page.getByText('No pixels yet').waitFor();
  await page.getByRole('button', { name: '+ New pixel' }).first().click();
  await page.fill('.modal input[name=name]', 'Newsletter opens');
  const pslug = await page.inputValue('.modal input[name=slug]');
  check('pixels: a slug is suggested', /^[A-Za-z0-9]{8}$/.test(pslug), pslug);
  await page.click('.modal button[type=submit]');
  const prow = page.getByTestId('pixels').locator('tr', { hasText: 'Newsletter opens' });
  await prow.waitFor();
  const purl = (await prow.locator('code').innerText()).trim();
  check('pixels: tracking URL is /p/<slug>', purl === `${BASE}/p/${pslug}`, purl);
  const gif = await hit(`/p/${pslug}`, UA.safari);
  await hit(`/p/${pslug}`, UA.safari);
  check('pixels: /p/<slug> answers a GIF', gif.status === 200 && gif.headers.get('content-type') === 'image/gif');
  await shot('m03-pixels');
  await prow.getByRole('link', { name: 'Newsletter opens' }).click();
  await page.waitForURL(/\/pixels\/[0-9a-f-]{36}$/);
  check('pixels: views = 2 opens', (await waitText(stat(page, 'views'), '2')) === '2');
  check('pixels: visitors = 1', (await waitText(stat(page, 'visitors'), '1')) === '1');
  check('pixels: embed snippet shown', (await page.locator('.tracked-url code').nth(1).innerText()).includes(`<img src="${purl}"`));
  await page.locator('.chart svg').first().waitFor();
  await shot('m04-pixel-stats');
  await page.getByRole('button', { name: 'Delete' }).first().click();
  await page.locator('.modal').getByRole('button', { name: 'Delete' }).click();
  await page.waitForURL(/\/pixels$/);
  await page.getByText('No pixels yet').waitFor();
  check('pixels: deleted, its URL is gone', (await hit(`/p/${pslug}`, UA.safari)).status === 404);

  // A team's links: picked in the list, a new link belongs to the team.
  if (teamId) {
    await page.goto(`${BASE}/links`);
    await page.getByRole('combobox', { name: 'Whose' }).selectOption(teamId);
    await page.getByText('No links yet').waitFor();
    await page.getByRole('button', { name: '+ New link' }).first().click();
    await page.fill('.modal input[name=name]', 'Team docs');
    await page.fill('.modal input[name=url]', 'https://team.example/docs');
    await page.fill('.modal input[name=slug]', 'e2e-team-docs');
    await page.click('.modal button[type=submit]');
    await page.getByTestId('links').locator('tr', { hasText: 'Team docs' }).waitFor();
    const token = await page.evaluate(() => localStorage.getItem('footfall.token'));
    const teamLinks = await fetch(`${BASE}/api/teams/${teamId}/links`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.json());
    check('links: created in the team picked', teamLinks.data?.length === 1 && teamLinks.data[0].teamId === teamId && teamLinks.data[0].slug === 'e2e-team-docs', JSON.stringify(teamLinks.data));
  }

  // Dark theme and a phone: the list with a long name, the link page.
  await page.goto(`${BASE}/links`);
  await page.getByTestId('links').waitFor();
  await page.getByRole('button', { name: 'Switch theme' }).click();
  await shot('m05-links-dark');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(200);
  await shot('m06-links-phone-dark');
  await page.goto(`${BASE}/links/${linkId}`);
  await waitText(stat(page, 'views'), '4');
  await page.locator('.chart svg').first().waitFor();
  await shot('m07-link-stats-phone-dark');
  await page.getByRole('button', { name: 'Switch theme' }).click();
  await page.setViewportSize({ width: 1440, height: 900 });
  log('links and pixels done');
  return { linkId };
}

export async function boards({ page, browser, BASE, SHOTS, errors, check, shot, website, linkId }) {
  const stat = (p, key) => p.locator(`[data-stat="${key}"] .stat-value`);
  const token = await page.evaluate(() => localStorage.getItem('footfall.token'));
  const apiGet = (path) => fetch(`${BASE}/api${path}`, { headers: { authorization: `Bearer ${token}` } });
  await page.goto(`${BASE}/boards`);
  await page.getByText('No boards yet').waitFor();
  check('boards: empty state', true);
  await shot('m10-boards-empty');
  await page.getByRole('button', { name: '+ New board' }).first().click();
  await page.fill('.modal input[name=boardName]', 'Shop at a glance');
  await page.fill('.modal textarea[name=description]', 'What the team looks at every morning');
  await page.selectOption('.modal select[name=kind]', 'website');
  await page.selectOption('.modal select[name=entityId]', website);
  await page.click('.modal button[type=submit]');
  await page.waitForURL(/\/boards\/[0-9a-f-]{36}$/);
  const boardId = page.url().split('/').pop();
  await page.locator('.widget').nth(3).waitFor();
  check('boards: created board starts with 4 widgets', (await page.locator('.widget').count()) === 4, String(await page.locator('.widget').count()));
  check('boards: metrics widget shows visitors = 3', (await waitText(stat(page, 'visitors'), '3')) === '3', await stat(page, 'visitors').innerText().catch(() => ''));
  await page.locator('.widget[data-widget=MetricsTable] .metric-row', { hasText: '/pricing' }).first().waitFor();
  check('boards: top list widget lists /pricing', true);
  // Layout: a new row with a text widget and a top list of browsers, saved and read back.
  await page.getByRole('button', { name: 'Edit layout' }).click();
  await page.getByRole('button', { name: '+ Add row' }).click();
  const last = page.getByTestId('board-row').last();
  await last.getByRole('button', { name: 'Choose widget' }).click();
  await page.selectOption('.modal select[name=widgetType]', 'TextBlock');
  await page.fill('.modal textarea[name=text]', 'Numbers refresh every 15 seconds.');
  await page.click('.modal button[type=submit]');
  await last.getByRole('button', { name: '+ Column' }).click();
  await last.getByRole('button', { name: 'Choose widget' }).click();
  await page.selectOption('.modal select[name=widgetType]', 'MetricsTable');
  await page.selectOption('.modal select[name=metric]', 'browser');
  await page.selectOption('.modal select[name=limit]', '5');
  await page.fill('.modal input[name=widgetTitle]', 'Browsers');
  await shot('m12b-widget-form', false);
  await page.click('.modal button[type=submit]');
  await page.getByRole('button', { name: 'Save layout' }).click();
  await page.getByRole('button', { name: 'Edit layout' }).waitFor();
  const saved = await (await apiGet(`/boards/${boardId}`)).json();
  const rows = saved.parameters?.rows ?? [];
  const lastRow = rows[rows.length - 1];
  check('boards: layout saved (4 rows, last has text + browsers)', rows.length === 4 && lastRow.columns.length === 2 && lastRow.columns[0].component?.type === 'TextBlock' && lastRow.columns[1].component?.props?.type === 'browser' && lastRow.columns[1].component?.props?.limit === 5, JSON.stringify(lastRow));
  await page.reload();
  await page.getByText('Numbers refresh every 15 seconds.').waitFor();
  await page.locator('.widget', { hasText: 'Browsers' }).locator('.metric-row', { hasText: 'Chrome' }).waitFor();
  check('boards: a top list is headed by its metric', (await page.locator('.widget[data-widget=MetricsTable] .card-title').first().innerText()) === 'Path');
  check('boards: saved widgets drawn after reload', true);
  await page.locator('.chart svg').first().waitFor();
  await page.waitForTimeout(300);
  await shot('m11-board');
  await page.getByRole('button', { name: 'Edit layout' }).click();
  await shot('m12-board-edit');
  await page.getByRole('button', { name: 'Cancel' }).click();

  // Share the board; a person who is not logged in opens it and sees the exact numbers, read-only.
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  await page.fill('.modal input[name=shareName]', 'Morning board');
  await page.click('.modal button[type=submit]');
  const shareLink = page.getByTestId('board-shares').locator('a').first();
  await shareLink.waitFor();
  const boardShareUrl = await shareLink.getAttribute('href');
  check('boards: share URL shown', /\/share\/[A-Za-z0-9]{16}$/.test(boardShareUrl ?? ''), boardShareUrl);
  await shot('m15-board-share', false);
  await page.keyboard.press('Escape');
  const anon = await browser.newContext({ viewport: { width: 1440, height: 900 }, timezoneId: 'Europe/Berlin', locale: 'en-US', colorScheme: 'light' });
  const sp = await anon.newPage();
  sp.setDefaultTimeout(10_000);
  sp.on('pageerror', (e) => errors.push('board share: ' + String(e)));
  const loginHeaders = [];
  sp.on('request', (r) => r.url().includes('/api/') && r.headers().authorization && loginHeaders.push(r.url()));
  await sp.goto(boardShareUrl);
  await sp.locator('.share-name', { hasText: 'Shop at a glance' }).waitFor();
  check('board share: visitors = 3 without login', (await waitText(stat(sp, 'visitors'), '3')) === '3', await stat(sp, 'visitors').innerText().catch(() => ''));
  await sp.locator('.widget[data-widget=MetricsTable] .metric-row', { hasText: '/pricing' }).first().waitFor();
  await sp.getByText('Numbers refresh every 15 seconds.').waitFor();
  check('board share: all 6 widgets drawn, no edit controls', (await sp.locator('.widget').count()) === 6
    && (await sp.getByRole('button', { name: /Edit layout|Delete|Share/ }).count()) === 0, String(await sp.locator('.widget').count()));
  check('board share: stays on the share page (no login)', sp.url() === boardShareUrl, sp.url());
  const other = await sp.evaluate(async () => (await fetch('/api/websites', { headers: { 'x-umami-share-token': 'x', 'x-umami-share-context': '1' } })).status);
  check('board share: requests carry the share token, never a login', loginHeaders.length === 0 && other === 401, loginHeaders.join(' '));
  await sp.locator('.chart svg').first().waitFor();
  await sp.waitForTimeout(300);
  await sp.screenshot({ path: `${SHOTS}/m16-board-share-light.png`, fullPage: true });
  await sp.emulateMedia({ colorScheme: 'dark' });
  await sp.setViewportSize({ width: 390, height: 844 });
  await sp.reload();
  await waitText(stat(sp, 'visitors'), '3');
  await sp.locator('.chart svg').first().waitFor();
  await sp.waitForTimeout(300);
  await sp.screenshot({ path: `${SHOTS}/m17-board-share-phone-dark.png`, fullPage: true });
  await anon.close();

  // Clone: a copy with the same widgets, under its own id.
  await page.getByRole('button', { name: 'Clone' }).click();
  await page.locator('h1', { hasText: 'Shop at a glance (copy)' }).waitFor();
  const cloneId = page.url().split('/').pop();
  await page.getByText('Numbers refresh every 15 seconds.').waitFor();
  check('boards: cloned with its widgets', cloneId !== boardId && (await page.locator('.widget').count()) === 6, String(await page.locator('.widget').count()));
  await page.getByRole('button', { name: 'Delete' }).click();
  await page.locator('.modal').getByRole('button', { name: 'Delete' }).click();
  await page.waitForURL(/\/boards$/);
  check('boards: clone deleted from its page', (await apiGet(`/boards/${cloneId}`)).status !== 200);

  // A mixed board reading the link: its clicks through the same widgets.
  await page.goto(`${BASE}/boards`);
  await page.getByRole('button', { name: '+ New board' }).first().click();
  await page.fill('.modal input[name=boardName]', 'Campaigns');
  await page.selectOption('.modal select[name=kind]', 'mixed');
  await page.click('.modal button[type=submit]');
  await page.waitForURL(/\/boards\/[0-9a-f-]{36}$/);
  await page.getByText('This board has no widgets yet').waitFor();
  await page.getByRole('button', { name: '+ Add row' }).click();
  await page.getByRole('button', { name: 'Choose widget' }).click();
  await page.selectOption('.modal select[name=entityType]', 'link');
  await page.selectOption('.modal select[name=entityId]', linkId);
  await page.selectOption('.modal select[name=widgetType]', 'WebsiteMetricsBar');
  await page.click('.modal button[type=submit]');
  await page.getByRole('button', { name: 'Save layout' }).click();
  check('boards: mixed board shows the link clicks (views = 4)', (await waitText(stat(page, 'views'), '4')) === '4', await stat(page, 'views').innerText().catch(() => ''));
  check('boards: widget names the link it reads', (await page.locator('.entity-badge').first().innerText()).startsWith('Spring sale'));
  await page.getByRole('button', { name: 'Switch theme' }).click();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${BASE}/boards/${boardId}`);
  await waitText(stat(page, 'visitors'), '3');
  await page.locator('.chart svg').first().waitFor();
  await shot('m13-board-phone-dark');
  await page.goto(`${BASE}/boards`);
  await page.getByTestId('boards').waitFor();
  await shot('m14-boards-phone-dark');
  await page.getByRole('button', { name: 'Switch theme' }).click();
  await page.setViewportSize({ width: 1440, height: 900 });
  // Delete from the list, with confirmation.
  await page.getByTestId('boards').locator('tr', { hasText: 'Campaigns' }).getByRole('button', { name: 'Delete' }).click();
  await page.locator('.modal').getByRole('button', { name: 'Delete' }).click();
  await page.getByTestId('boards').locator('tr', { hasText: 'Campaigns' }).waitFor({ state: 'detached' });
  check('boards: deleted board is gone', (await apiGet(`/boards/${boardId}`)).status === 200 && (await page.getByTestId('boards').locator('tbody tr').count()) === 1);
}

export async function apiKeys({ page, BASE, check, shot, website }) {
  await page.goto(`${BASE}/settings/api-keys`);
  // The admin already holds the key the first start made for the TinyTrail API (DATA_DIR/admin-api-key).
  await page.getByTestId('api-keys').locator('tr', { hasText: 'TinyTrail' }).waitFor();
  check('api keys: the bootstrap admin key is listed', (await page.getByTestId('api-keys').locator('tbody tr').count()) === 1);
  await page.getByRole('button', { name: '+ New API key' }).click();
  await page.fill('.modal input[name=keyName]', 'CRM export');
  await page.click('.modal button[type=submit]');
  const key = (await page.getByTestId('api-key').innerText()).trim();
  check('api keys: the new key is shown once', key.length >= 20, key);
  await shot('m20-api-key-created');
  const read = await fetch(`${BASE}/api/websites`, { headers: { 'x-umami-api-key': key } });
  const body = read.status === 200 ? await read.json() : null;
  check('api keys: the key reads /api/websites', read.status === 200 && body.data.some((w) => w.id === website), String(read.status));
  await page.getByRole('button', { name: 'Done' }).click();
  await page.reload();
  const krow = page.getByTestId('api-keys').locator('tr', { hasText: 'CRM export' });
  await krow.waitFor();
  check('api keys: listed without the secret', !(await page.content()).includes(key));
  check('api keys: last use shown', (await krow.getByTestId('last-used').innerText()) !== 'Never', await krow.getByTestId('last-used').innerText());
  await shot('m21-api-keys');
  await page.getByRole('button', { name: 'Switch theme' }).click();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(200);
  await shot('m22-api-keys-phone-dark');
  await page.getByRole('button', { name: 'Switch theme' }).click();
  await page.setViewportSize({ width: 1440, height: 900 });
  await krow.getByRole('button', { name: 'Delete' }).click();
  await page.locator('.modal').getByRole('button', { name: 'Delete' }).click();
  await krow.waitFor({ state: 'detached' });
  check('api keys: a deleted key is refused', (await fetch(`${BASE}/api/websites`, { headers: { 'x-umami-api-key': key } })).status === 401);
}

export async function twoFactor({ browser, BASE, check, adminToken, SHOTS, errors }) {
  await fetch(`${BASE}/api/users`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` }, body: JSON.stringify({ username: 'e2e-2fa', password: 'twofa-password', role: 'user' }) });
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'en-US' });
  const p = await ctx.newPage();
  p.setDefaultTimeout(30_000);
  p.on('pageerror', (e) => errors.push('2fa: ' + String(e)));
  const login = async () => {
    await p.fill('input[name=username]', 'e2e-2fa');
    await p.fill('input[name=password]', 'twofa-password');
    await p.click('button[type=submit]');
  };
  await p.goto(`${BASE}/settings/two-factor`);
  await login();
  await p.waitForURL(/\/settings\/two-factor$/);
  await p.getByTestId('twofa-status').filter({ hasText: 'off' }).waitFor();
  await p.getByRole('button', { name: 'Turn on two-factor login' }).click();
  await p.getByTestId('qr').locator('svg').waitFor();
  const secret = await p.getByTestId('twofa-secret').getAttribute('data-secret');
  check('2fa: QR code and secret shown', /^[A-Z2-7]{16,}=*$/.test(secret), secret);
  await p.screenshot({ path: `${SHOTS}/m30-2fa-setup.png`, fullPage: true });
  await p.fill('input[name=code]', String((Number(totp(secret)) + 1) % 1_000_000).padStart(6, '0'));
  await p.click('button[type=submit]');
  await p.getByRole('alert').waitFor();
  check('2fa: a wrong code is refused', (await p.getByTestId('twofa-status').innerText()).includes('off'));
  const used = totp(secret);
  await p.fill('input[name=code]', used);
  await p.click('button[type=submit]');
  await p.getByTestId('backup-codes').waitFor();
  check('2fa: turned on, backup codes shown', (await p.getByTestId('backup-codes').locator('li').count()) > 0);
  await p.getByTestId('twofa-status').filter({ hasText: 'on' }).waitFor();
  await p.screenshot({ path: `${SHOTS}/m31-2fa-on.png`, fullPage: true });
  await p.getByRole('button', { name: 'Log out' }).click();
  await p.waitForURL(/\/login$/);
  await login();
  await p.getByRole('heading', { name: 'Two-factor login' }).waitFor();
  check('2fa: login asks for the code', true);
  await p.screenshot({ path: `${SHOTS}/m32-2fa-login.png` });
  // A code is good once, and the server accepts one step of clock drift: type the next 30-second step's code
  // (an authenticator a little ahead would show it) rather than replaying the one used above or waiting for it.
  const next = totp(secret, Date.now() + 30_000);
  check('2fa: the next step has a new code', next !== used, `${next} ${used}`);
  await p.fill('input[name=code]', next);
  await p.click('button[type=submit]');
  await p.waitForURL(/\/websites$/);
  check('2fa: logged in with the code', (await p.locator('.username').innerText()) === 'e2e-2fa');
  // Turning it off needs the password and a valid code: a wrong code leaves it on.
  await p.goto(`${BASE}/settings/two-factor`);
  await p.getByTestId('twofa-status').filter({ hasText: 'on' }).waitFor();
  await p.getByRole('button', { name: 'Turn off two-factor login' }).click();
  await p.fill('input[name=password]', 'twofa-password');
  const valid = [-30_000, 0, 30_000, 60_000].map((d) => totp(secret, Date.now() + d));
  await p.fill('input[name=code]', ['000000', '111111', '222222', '333333', '444444'].find((c) => !valid.includes(c)));
  await p.locator('form button[type=submit]').click();
  await p.locator('.twofa-disable .error-box').waitFor();
  const still = await fetch(`${BASE}/api/2fa/status`, { headers: { authorization: `Bearer ${await p.evaluate(() => localStorage.getItem('footfall.token'))}` } }).then((r) => r.json());
  check('2fa: a wrong code does not turn it off', still.isEnabled === true, JSON.stringify(still));
  await p.getByRole('button', { name: 'Switch theme' }).click();
  await p.setViewportSize({ width: 390, height: 844 });
  await p.waitForTimeout(200);
  await p.screenshot({ path: `${SHOTS}/m33-2fa-disable-phone-dark.png`, fullPage: true });
  const plain = await fetch(`${BASE}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'e2e-2fa', password: 'twofa-password' }) }).then((r) => r.json());
  check('2fa: the password alone gives no token', !plain.token && plain.requiresTwoFactor === true, JSON.stringify(plain));
  await ctx.close();
}
