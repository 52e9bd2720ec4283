// End-to-end run of the dashboard in Debian's Chromium against a started Footfall server.
//
//   node e2e/run.mjs --base http://127.0.0.1:3106 [--shots ../target/ui-shots] [--password umami]
//
// Logs in, adds a website through the UI, sends known traffic through /api/send, and checks the exact
// numbers the screens show: overview cards, a click-to-filter, a range change, a session profile,
// realtime picking up a new hit, a password change and logout. Screenshots (light, dark, phone) go to
// --shots. Prints one JSON line {passed, checks, problems} on stdout; exits 1 when something failed.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { preferencesFollow, regionsAndCompare } from './dashExtras.mjs';
import { apiKeys, boards, linksAndPixels, twoFactor } from './manage.mjs';

const arg = (n, d) => {
  const i = process.argv.indexOf(`--${n}`);
  return i > 0 ? process.argv[i + 1] : d;
};
const BASE = arg('base', 'http://127.0.0.1:3106').replace(/\/$/, '');
const SHOTS = arg('shots', '../target/ui-shots');
const PASSWORD = arg('password', 'umami');
const NEW_PASSWORD = 'e2e-new-password-1';
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
// Boards, API keys and two-factor login need the server's h18c routes; until they are merged: --manage-api off.
const MANAGE_API = arg('manage-api', 'on') !== 'off';
const log = (...a) => console.error('[ui-e2e]', ...a);
mkdirSync(SHOTS, { recursive: true });

const UA = {
  chrome: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  firefox: 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
  safari: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
};

async function send(website, ua, url, extra = {}) {
  const res = await fetch(`${BASE}/api/send`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': ua },
    body: JSON.stringify({ type: 'event', payload: { website, hostname: 'shop.example', url, screen: '1920x1080', language: 'en-US', title: `Title ${url}`, ...extra } }),
  });
  if (!res.ok) throw new Error(`/api/send ${res.status}`);
  return res.json();
}

const T0 = Date.now();
const checks = [];
const problems = [];
function check(name, ok, detail = '') {
  checks.push(name);
  if (!ok) problems.push(`${name}${detail ? ': ' + detail : ''}`);
  log(ok ? 'ok  ' : 'FAIL', `${((Date.now() - T0) / 1000).toFixed(1)}s`, name, detail);
}

async function statValue(page, key) {
  return (await page.locator(`[data-stat="${key}"] .stat-value`).innerText()).trim();
}

/** Waits until the card shows the expected text (numbers redraw after each request). */
async function waitStat(page, key, expected, timeout = 15000) {
  const deadline = Date.now() + timeout;
  let last = '';
  while (Date.now() < deadline) {
    last = await statValue(page, key).catch(() => '');
    if (last === expected) return last;
    await page.waitForTimeout(100);
  }
  return last;
}

async function main() {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, timezoneId: 'Europe/Berlin', locale: 'en-US', colorScheme: 'light' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.setDefaultTimeout(30_000);
  const shot = async (name, full = true) => {
    // Panels keep their old rows (dimmed) while a new answer loads: capture the settled page.
    await page.waitForFunction(() => !document.querySelector('.stale'), null, { timeout: 10_000 }).catch(() => {});
    // A full-page capture of a scrolled page would paint the sticky top bar mid-page.
    if (full) await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: full });
  };

  try {
    // 1. A protected page sends to /login and comes back after logging in.
    await page.goto(`${BASE}/settings/profile`);
    await page.waitForURL(/\/login\?next=/);
    check('unauthenticated page redirects to login', page.url().includes('next=%2Fsettings%2Fprofile'), page.url());
    await shot('01-login', false);
    await page.fill('input[name=username]', 'admin');
    await page.fill('input[name=password]', 'wrong');
    await page.click('button[type=submit]');
    await page.getByRole('alert').filter({ hasText: 'Wrong username or password' }).waitFor();
    check('wrong password is shown', true);
    await page.fill('input[name=password]', PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForURL(/\/settings\/profile$/);
    check('login returns to the page asked for', true);
    const banner = await page.locator('.banner').count();
    check('default password banner shown', PASSWORD !== 'umami' || banner === 1);

    // 2. Add a website through the UI; the settings page shows its snippet.
    await page.getByRole('link', { name: 'Websites' }).first().click();
    await page.waitForURL(/\/websites$/);
    await page.getByRole('button', { name: '+ Add website' }).first().click();
    await page.fill('.modal input[name=name]', 'E2E Shop with a rather long name that should not break the layout');
    await page.fill('.modal input[name=domain]', 'https://shop.example/');
    await page.click('.modal button[type=submit]');
    await page.waitForURL(/\/websites\/[0-9a-f-]{36}\/settings$/);
    const website = page.url().match(/websites\/([0-9a-f-]{36})/)[1];
    const snippet = await page.getByTestId('snippet').innerText();
    check('snippet has script src and website id', snippet.includes(`src="${BASE}/${process.env.E2E_SCRIPT ?? 'script.js'}"`) && snippet.includes(`data-website-id="${website}"`), snippet);
    check('domain was cleaned', (await page.inputValue('input[name=domain]')) === 'shop.example');
    await shot('02-website-settings');

    // Empty state before any data.
    await page.goto(`${BASE}/websites/${website}`);
    await page.locator('.install').waitFor();
    check('empty overview explains how to install the tracker', (await page.locator('.install pre').innerText()).includes(website));
    await shot('03-overview-empty');

    // 3. Known traffic: 3 visitors, 3 visits, 6 views, 1 bounce, one custom event.
    const t0 = Date.now();
    await Promise.all([
      (async () => {
        await send(website, UA.chrome, '/');
        await send(website, UA.chrome, '/pricing');
        await send(website, UA.chrome, '/docs/a-very-long-path/that/keeps/going/and/going/to-check-that-labels-are-cut-off-cleanly');
        await send(website, UA.chrome, '/pricing', { name: 'signup', data: { plan: 'pro', seats: 3 } });
      })(),
      send(website, UA.firefox, '/pricing', { referrer: 'https://www.google.com/search?q=shop' }),
      (async () => {
        await send(website, UA.safari, '/');
        await send(website, UA.safari, '/blog');
      })(),
    ]);
    log(`traffic sent in ${Date.now() - t0} ms`);

    await page.goto(`${BASE}/websites/${website}`);
    check('visitors = 3', (await waitStat(page, 'visitors', '3')) === '3', await statValue(page, 'visitors'));
    check('visits = 3', (await waitStat(page, 'visits', '3')) === '3', await statValue(page, 'visits'));
    check('views = 6', (await waitStat(page, 'views', '6')) === '6', await statValue(page, 'views'));
    check('bounce rate = 33%', (await waitStat(page, 'bounceRate', '33%')) === '33%', await statValue(page, 'bounceRate'));
    await page.locator('.metric-row button', { hasText: '/pricing' }).first().waitFor();
    await page.locator('.chart svg').first().waitFor();
    await page.waitForTimeout(400);
    await shot('04-overview');

    // The chart's tooltip, from the keyboard: the bucket with the traffic (the last one unless an hour
    // began since) shows its exact numbers; the hidden table has the same for screen readers.
    const table = await page.$$eval('.chart-card .time-chart table tbody tr', (rows) => rows.map((r) => [...r.children].map((c) => c.textContent)));
    const busy = table.findIndex((r) => r[2] !== '0');
    check('chart table: one hour with 3 visitors and 6 views', busy >= 0 && JSON.stringify(table[busy].slice(1)) === '["3","6","0"]' && table.filter((r) => r[2] !== '0').length === 1, JSON.stringify(table[busy]));
    await page.locator('.chart-card .tc-plot').focus();
    for (let i = table.length - 1; i > busy; i--) await page.keyboard.press('ArrowLeft');
    const tipRows = await page.locator('.chart-card .chart-tip .tip-row').evaluateAll((rows) => rows.map((r) => r.children[1].textContent + '=' + r.children[2].textContent));
    check('chart tooltip: the hour\'s visitors, views and previous views', JSON.stringify(tipRows) === '["Visitors=3","Views=6","Views (Previous period)=0"]', JSON.stringify(tipRows));
    await page.keyboard.press('Tab');

    // 4. Click a row: everything is filtered by it.
    await page.locator('.metric-row button', { hasText: /^\/pricing$/ }).first().click();
    await page.locator('.chip', { hasText: '/pricing' }).waitFor();
    check('row click puts the filter in the URL', decodeURIComponent(page.url()).includes('path=eq./pricing'), page.url());
    check('filtered visitors = 2', (await waitStat(page, 'visitors', '2')) === '2', await statValue(page, 'visitors'));
    check('filtered views = 2', (await waitStat(page, 'views', '2')) === '2', await statValue(page, 'views'));
    await shot('05-overview-filtered');

    // 5. Change the range: the filter stays, the URL says 7d.
    await page.selectOption('select[aria-label="date range"]', '7d');
    await page.waitForURL(/range=7d/);
    check('range in URL and filter kept', decodeURIComponent(page.url()).includes('path=eq./pricing'));
    check('7-day filtered visitors = 2', (await waitStat(page, 'visitors', '2')) === '2');
    check('7-day unit is day', (await page.locator('.seg button.active').innerText()) === 'Day');
    await page.getByRole('button', { name: /Remove filter Path/ }).click();
    check('chip removed: visitors = 3', (await waitStat(page, 'visitors', '3')) === '3');

    // Keyboard: arrow keys move between a panel's tabs, Enter on a row filters by it.
    await page.locator('.panel').first().getByRole('tab', { name: 'Path' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForURL(/pages=entry/);
    check('arrow key switches the tab and the URL keeps it', await page.locator('.panel').first().getByRole('tab', { name: 'Entry page' }).evaluate((el) => el === document.activeElement));
    await page.keyboard.press('ArrowLeft');
    await page.locator('.metric-row button', { hasText: /^\/blog$/ }).first().focus();
    await page.keyboard.press('Enter');
    check('Enter on a row filters: visitors = 1', (await waitStat(page, 'visitors', '1')) === '1');
    await page.getByRole('button', { name: /Remove filter Path/ }).click();
    await waitStat(page, 'visitors', '3');

    // More view: paged, searchable, CSV.
    await page.locator('.panel').first().getByRole('button', { name: /More/ }).click();
    await page.locator('.modal table tbody tr').first().waitFor();
    const moreRows = await page.locator('.modal table tbody tr').count();
    check('more view lists every path', moreRows === 4, String(moreRows));
    await shot('06-more', false);
    await page.fill('.modal input[type=search]', 'pric');
    await page.waitForFunction(() => document.querySelectorAll('.modal table tbody tr').length === 1);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Download CSV/ }).click()]);
    check('CSV download named after the metric', download.suggestedFilename() === 'path.csv', download.suggestedFilename());
    await page.keyboard.press('Escape');

    // Dark theme and a phone.
    await page.getByRole('button', { name: 'Switch theme' }).click();
    await page.waitForTimeout(300);
    await shot('07-overview-dark');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(300);
    await shot('08-overview-phone-dark');
    await page.getByRole('button', { name: 'Switch theme' }).click();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByRole('button', { name: 'Menu' }).click();
    await shot('09-phone-menu', false);
    await page.locator('.sidebar').getByRole('button', { name: 'Close' }).click();
    check('phone menu closes', !(await page.locator('.sidebar').isVisible()));
    await page.setViewportSize({ width: 1440, height: 900 });

    // 6. Sessions and a session profile.
    await page.goto(`${BASE}/websites/${website}/sessions`);
    await page.locator('table.sessions tbody tr').first().waitFor();
    check('three sessions listed', (await page.locator('table.sessions tbody tr').count()) === 3);
    await shot('10-sessions');
    await page.locator('table.sessions tbody tr', { hasText: 'Chrome' }).locator('a').click();
    await page.getByTestId('activity').locator('li').first().waitFor();
    check('session profile shows 3 views', (await page.getByTestId('session-views').innerText()) === '3');
    check('activity lists 4 rows', (await page.getByTestId('activity').locator('li').count()) === 4);
    await shot('11-session-profile');

    // Events.
    await page.goto(`${BASE}/websites/${website}/events`);
    await page.locator('.prop-block').first().waitFor();
    check('event properties broken down', (await page.locator('.prop-name').allInnerTexts()).some((s) => s.startsWith('plan')));
    await shot('12-events');

    // Share link: enable it as admin, open it in a fresh context without login, see the same numbers.
    await page.goto(`${BASE}/websites/${website}/settings`);
    await page.getByRole('button', { name: 'Enable share URL' }).click();
    const shareInput = page.locator('input[name=shareUrl]');
    await shareInput.waitFor();
    const shareUrl = await shareInput.inputValue();
    check('share URL shown', /\/share\/[A-Za-z0-9]{16}$/.test(shareUrl), shareUrl);
    await shot('12a-share-settings');
    const anon = await browser.newContext({ viewport: { width: 1440, height: 900 }, timezoneId: 'Europe/Berlin', locale: 'en-US', colorScheme: 'light' });
    const sp = await anon.newPage();
    sp.setDefaultTimeout(30_000);
    sp.on('pageerror', (e) => errors.push('share: ' + String(e)));
    const authHeaders = [];
    sp.on('request', (r) => {
      const h = r.headers();
      if (r.url().includes('/api/') && h.authorization) authHeaders.push(r.url());
      if (r.url().includes('/stats') && !h['x-umami-share-token']) authHeaders.push('no share token: ' + r.url());
    });
    await sp.goto(shareUrl);
    check('share: visitors = 3', (await waitStat(sp, 'visitors', '3')) === '3', await statValue(sp, 'visitors').catch(() => ''));
    check('share: visits = 3', (await waitStat(sp, 'visits', '3')) === '3');
    check('share: views = 6', (await waitStat(sp, 'views', '6')) === '6');
    check('share: bounce rate = 33%', (await waitStat(sp, 'bounceRate', '33%')) === '33%');
    check('share: site name shown', (await sp.locator('.share-name').innerText()).startsWith('E2E Shop'));
    check('share: no links to private pages', (await sp.locator('a[href*="/websites"], a[href*="/settings"], .sidebar').count()) === 0);
    await sp.locator('.metric-row button', { hasText: /^\/pricing$/ }).first().click();
    check('share: filter works, visitors = 2', (await waitStat(sp, 'visitors', '2')) === '2');
    await sp.selectOption('select[aria-label="date range"]', '7d');
    await sp.waitForURL(/range=7d/);
    check('share: range works, visitors = 2', (await waitStat(sp, 'visitors', '2')) === '2');
    await sp.getByRole('button', { name: /Remove filter Path/ }).click();
    await waitStat(sp, 'visitors', '3');
    await sp.locator('.chart svg').first().waitFor();
    await sp.locator('.chart.map svg').waitFor();
    check('share: requests carry the share token, never a login', authHeaders.length === 0, authHeaders.join(' '));
    await sp.waitForFunction(() => !document.querySelector('.stale')).catch(() => {});
    await sp.screenshot({ path: `${SHOTS}/12b-share.png`, fullPage: true });
    await sp.getByRole('button', { name: 'Switch theme' }).click();
    await sp.setViewportSize({ width: 390, height: 844 });
    await sp.waitForTimeout(300);
    await sp.screenshot({ path: `${SHOTS}/12c-share-phone-dark.png`, fullPage: true });
    await page.getByRole('button', { name: 'Disable sharing' }).click();
    await page.getByRole('button', { name: 'Enable share URL' }).waitFor();
    await sp.reload();
    await sp.locator('.share-gone').waitFor();
    check('share: disabled link says so', (await sp.locator('.share-gone').innerText()).includes('not available'));
    await sp.screenshot({ path: `${SHOTS}/12d-share-gone.png` });
    await anon.close();
    // Settings → Share links: a named link per website, usable without login, deleted again.
    await page.goto(`${BASE}/settings/shares`);
    await page.selectOption('select[aria-label=Websites]', website);
    await page.getByText('No share links for this website').waitFor();
    await page.fill('input[name=shareName]', 'Board');
    await page.getByRole('button', { name: '+ New share link' }).click();
    const linkRow = page.getByTestId('shares').locator('tr', { hasText: 'Board' });
    await linkRow.waitFor();
    const named = (await linkRow.locator('code').innerText()).trim();
    const slug = named.split('/share/')[1];
    const pub = await fetch(`${BASE}/api/share/${slug}`);
    check('share links: named link opens without login', pub.status === 200 && (await pub.json()).websiteId === website, named);
    await shot('12a2-share-links');
    await linkRow.getByRole('button', { name: 'Delete' }).click();
    await page.getByText('No share links for this website').waitFor();
    check('share links: deleted link is gone', (await fetch(`${BASE}/api/share/${slug}`)).status === 404);

    // Teams: create one (its access code is shown), another account joins by code, roles change, a
    // member is removed, and a website created for the team is listed on the team's page.
    const adminToken = await page.evaluate(() => localStorage.getItem('footfall.token'));
    const apiAs = (tok, path, body, method) =>
      fetch(`${BASE}/api${path}`, { method: method ?? (body ? 'POST' : 'GET'), headers: { 'content-type': 'application/json', authorization: `Bearer ${tok}` }, body: body ? JSON.stringify(body) : undefined }).then((r) => r.json());
    await page.goto(`${BASE}/settings/teams`);
    await page.getByText('You are in no team yet').waitFor();
    check('teams: empty state', true);
    await page.getByRole('button', { name: '+ Create team' }).click();
    await page.fill('.modal input[name=teamName]', 'E2E Team');
    await page.click('.modal button[type=submit]');
    const code = (await page.getByTestId('access-code').innerText()).trim();
    check('teams: access code shown on create', /^team_[A-Za-z0-9]{16}$/.test(code), code);
    await page.getByRole('button', { name: 'Open team' }).click();
    await page.waitForURL(/\/settings\/teams\/[0-9a-f-]{36}$/);
    const teamId = page.url().split('/').pop();
    await apiAs(adminToken, '/users', { username: 'e2e-member', password: 'member-password', role: 'user' });
    const member = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const mp = await member.newPage();
    mp.setDefaultTimeout(30_000);
    await mp.goto(`${BASE}/settings/teams`);
    await mp.fill('input[name=username]', 'e2e-member');
    await mp.fill('input[name=password]', 'member-password');
    await mp.click('button[type=submit]');
    await mp.getByRole('button', { name: 'Join team' }).click();
    await mp.fill('.modal input[name=accessCode]', code);
    await mp.click('.modal button[type=submit]');
    await mp.waitForURL(new RegExp(`/settings/teams/${teamId}$`));
    await mp.getByTestId('members').locator('tr', { hasText: 'e2e-member' }).waitFor();
    check('teams: joined by access code as member', (await mp.getByTestId('members').locator('tr', { hasText: 'e2e-member' }).innerText()).includes('Member'));
    await member.close();
    await page.reload();
    const mrow = page.getByTestId('members').locator('tr', { hasText: 'e2e-member' });
    await mrow.waitFor();
    await mrow.locator('select').selectOption('team-manager');
    await page.waitForFunction(() => true);
    const roles = await (async () => {
      for (let i = 0; i < 40; i++) {
        const r = await apiAs(adminToken, `/teams/${teamId}/users`);
        const m = r.data?.find((x) => x.user?.username === 'e2e-member');
        if (m?.role === 'team-manager') return m.role;
        await page.waitForTimeout(100);
      }
      return 'unchanged';
    })();
    check('teams: role changed to manager', roles === 'team-manager', roles);
    await page.getByRole('link', { name: 'Websites' }).first().click();
    await page.getByRole('button', { name: '+ Add website' }).first().click();
    await page.fill('.modal input[name=name]', 'Team Site');
    await page.fill('.modal input[name=domain]', 'team.example');
    await page.selectOption('.modal select[name=teamId]', teamId);
    await page.click('.modal button[type=submit]');
    await page.waitForURL(/\/websites\/[0-9a-f-]{36}\/settings$/);
    await page.goto(`${BASE}/settings/teams/${teamId}`);
    await page.getByTestId('team-websites').locator('li', { hasText: 'Team Site' }).waitFor();
    check('teams: website created for the team is listed', true);
    await shot('12e-team');
    await page.getByTestId('members').locator('tr', { hasText: 'e2e-member' }).getByRole('button', { name: 'Remove' }).click();
    await page.getByTestId('members').locator('tr', { hasText: 'e2e-member' }).waitFor({ state: 'detached' });
    check('teams: member removed', true);
    await apiAs(adminToken, '/websites', { name: 'Movable', domain: 'movable.example' });
    await page.reload();
    await page.getByRole('combobox', { name: 'Move one of your websites into this team' }).selectOption({ label: 'Movable' });
    await page.getByRole('button', { name: 'Move', exact: true }).click();
    await page.getByTestId('team-websites').locator('li', { hasText: 'Movable' }).waitFor();
    check('teams: own website moved into the team', true);
    await page.getByRole('button', { name: 'Rename' }).click();
    await page.fill('.modal input[name=teamName]', 'E2E Team Renamed');
    await page.click('.modal button[type=submit]');
    await page.locator('h2', { hasText: 'E2E Team Renamed' }).waitFor();
    check('teams: renamed', true);
    await page.goto(`${BASE}/settings/teams`);
    await page.getByTestId('teams').locator('tr', { hasText: 'E2E Team Renamed' }).waitFor();
    check('teams: list counts 2 websites', (await page.getByTestId('teams').locator('tr', { hasText: 'E2E Team Renamed' }).locator('td').nth(3).innerText()) === '2');
    await shot('12f-teams');

    // Segments and cohorts: save the current filters as a segment, apply saved ones from the filter bar
    // and from Audience → Segments / Cohorts, add a cohort, delete.
    await page.goto(`${BASE}/websites/${website}?path=eq./pricing`);
    check('segment: filtered visitors = 2', (await waitStat(page, 'visitors', '2')) === '2');
    await page.getByRole('button', { name: 'Save as segment' }).click();
    await page.fill('.modal input[name=segmentName]', 'Pricing visitors');
    await page.click('.modal button[type=submit]');
    await page.waitForURL(/segment=[0-9a-f-]{36}/);
    check('segment: applied in place of the filters', !decodeURIComponent(page.url()).includes('path=eq.'), page.url());
    check('segment: visitors = 2', (await waitStat(page, 'visitors', '2')) === '2', await statValue(page, 'visitors'));
    const pick = page.getByRole('combobox', { name: 'Segment or cohort' });
    await pick.selectOption({ label: 'All visitors' });
    check('segment: all visitors = 3', (await waitStat(page, 'visitors', '3')) === '3');
    await pick.selectOption({ label: 'Pricing visitors' });
    check('segment: picked again, visitors = 2', (await waitStat(page, 'visitors', '2')) === '2');
    await page.locator('.chart svg').first().waitFor();
    await shot('12g-overview-segment');
    await page.goto(`${BASE}/websites/${website}/cohorts`);
    await page.getByText('No cohorts yet').waitFor();
    await page.getByRole('button', { name: '+ Add cohort' }).click();
    await page.fill('.modal input[name=cohortName]', 'Signed up');
    await page.selectOption('.modal select[name=actionType]', 'event');
    await page.fill('.modal input[name=actionValue]', 'signup');
    await page.click('.modal button[type=submit]');
    await page.getByTestId('segments').locator('tr', { hasText: 'Signed up' }).getByRole('link', { name: 'Apply' }).click();
    await page.waitForURL(/cohort=[0-9a-f-]{36}/);
    check('cohort: visitors = 1', (await waitStat(page, 'visitors', '1')) === '1', await statValue(page, 'visitors'));
    check('cohort: views = 3 (the signup is an event, not a view)', (await waitStat(page, 'views', '3')) === '3', await statValue(page, 'views'));
    await page.goto(`${BASE}/websites/${website}/segments`);
    const srow = page.getByTestId('segments').locator('tr', { hasText: 'Pricing visitors' });
    await srow.waitFor();
    check('segments page describes the segment', (await srow.innerText()).includes('path = /pricing'), await srow.innerText());
    await shot('12h-segments');
    await srow.getByRole('button', { name: 'Delete' }).click();
    await page.locator('.modal').getByRole('button', { name: 'Delete' }).click();
    await page.getByText('No segments yet').waitFor();
    check('segment deleted: empty state', true);
    // The new screens in the dark theme at phone width.
    await page.getByRole('button', { name: 'Switch theme' }).click();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${BASE}/websites/${website}/cohorts`);
    await page.getByTestId('segments').waitFor();
    await shot('12i-cohorts-phone-dark');
    await page.goto(`${BASE}/settings/teams/${teamId}`);
    await page.getByTestId('members').waitFor();
    await shot('12j-team-phone-dark');
    await page.goto(`${BASE}/websites/${website}/settings`);
    await page.getByTestId('share-settings').waitFor();
    await page.getByTestId('share-settings').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/12k-share-settings-phone-dark.png` });
    await page.getByRole('button', { name: 'Switch theme' }).click();
    await page.setViewportSize({ width: 1440, height: 900 });

    // Links, pixels, boards, API keys and two-factor login (e2e/manage.mjs).
    const { linkId } = await linksAndPixels({ page, BASE, UA, check, shot, log, teamId });
    if (MANAGE_API) {
      await boards({ page, browser, BASE, SHOTS, errors, check, shot, website, linkId });
      await apiKeys({ page, BASE, check, shot, website });
      await twoFactor({ browser, BASE, check, adminToken, SHOTS, errors });
    }

    // 7. Realtime picks up a new hit without a reload.
    await page.goto(`${BASE}/websites/${website}/realtime`);
    await page.getByTestId('feed').locator('li').first().waitFor();
    await page.locator('.chart svg').first().waitFor();
    await page.locator('.chart.map svg').waitFor();
    await shot('13-realtime');
    await send(website, UA.firefox, '/just-arrived');
    const seen = await page.getByTestId('feed').locator('li', { hasText: '/just-arrived' }).waitFor({ timeout: 12_000 }).then(() => true, () => false);
    check('realtime shows a new hit within 12 s', seen);

    // Websites list with numbers and sparkline.
    await page.goto(`${BASE}/websites`);
    await page.locator('.site-row .site-num strong', { hasText: /^[0-9]/ }).first().waitFor();
    await shot('14-websites');

    // Map regions, Compare and preferences across browsers (e2e/dashExtras.mjs).
    const geoSite = await regionsAndCompare({ page, BASE, SHOTS, check, shot, waitStat, statValue });
    await preferencesFollow({ page, browser, BASE, SHOTS, PASSWORD, check, shot, geoSite });

    // 8. Users (admin) and password change; the banner goes away.
    await page.goto(`${BASE}/settings/users`);
    await page.locator('table tbody tr').first().waitFor();
    await page.getByRole('button', { name: '+ Add user' }).click();
    await page.fill('.modal input[name=username]', 'e2e-viewer');
    await page.fill('.modal input[name=password]', 'viewer-password');
    await page.selectOption('.modal select[name=role]', 'view-only');
    await page.click('.modal button[type=submit]');
    const row = page.locator('table tbody tr', { hasText: 'e2e-viewer' });
    await row.waitFor();
    check('user added as view only', (await row.innerText()).includes('View only'));
    await row.getByRole('button', { name: 'Edit' }).click();
    await page.selectOption('.modal select[name=role]', 'user');
    await page.click('.modal button[type=submit]');
    await page.waitForFunction(() => [...document.querySelectorAll('table tbody tr')].some((r) => r.textContent.includes('e2e-viewer') && r.textContent.includes('User')));
    check('role edited', true);
    await shot('15-users');
    await row.getByRole('button', { name: 'Delete' }).click();
    await page.locator('.modal').getByRole('button', { name: 'Delete' }).click();
    await row.waitFor({ state: 'detached' });
    check('user deleted', true);
    await page.goto(`${BASE}/settings/profile`);
    await page.fill('input[name=currentPassword]', PASSWORD);
    await page.fill('input[name=newPassword]', NEW_PASSWORD);
    await page.fill('input[name=confirmPassword]', NEW_PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Password changed.').waitFor();
    await page.waitForFunction(() => !document.querySelector('.banner'));
    check('password changed and banner gone', true);
    await shot('16-profile');

    // Delete a website only after typing its name.
    const spare = await fetch(`${BASE}/api/websites`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await page.evaluate(() => localStorage.getItem('footfall.token'))}` },
      body: JSON.stringify({ name: 'Spare', domain: 'spare.example' }),
    }).then((r) => r.json());
    await page.goto(`${BASE}/websites/${spare.id}/settings`);
    await page.getByRole('button', { name: 'Delete website' }).click();
    const confirm = page.locator('.modal button[type=submit]');
    check('delete disabled until the name is typed', await confirm.isDisabled());
    await page.fill('.modal input[name=confirm]', 'Spare');
    await confirm.click();
    await page.waitForURL(/\/websites$/);
    await page.locator('.site-row').first().waitFor();
    check('website deleted', (await page.locator('.site-row', { hasText: 'Spare' }).count()) === 0);

    // An expired or revoked login sends the person to the login page, saying so.
    const token = await page.evaluate(() => localStorage.getItem('footfall.token'));
    await page.evaluate(() => localStorage.setItem('footfall.token', 'expired.token.value'));
    await page.goto(`${BASE}/websites/${website}/events`);
    await page.waitForURL(/\/login\?next=.*expired=1/);
    check('expired token goes to login with a message', (await page.locator('.error-box').innerText()).includes('session has ended'));
    await page.evaluate((t) => localStorage.setItem('footfall.token', t), token);
    await page.goto(`${BASE}/settings/profile`);
    await page.getByRole('button', { name: 'Log out' }).waitFor();

    // 9. Log out, and the old password no longer works.
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL(/\/login$/);
    check('logout lands on login', true);
    const relogin = await fetch(`${BASE}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: NEW_PASSWORD }) });
    check('new password works', relogin.status === 200);
    check('no uncaught page errors', errors.length === 0, errors.join(' | '));
  } catch (e) {
    problems.push(`threw: ${e.message}`);
    log(e);
    await shot('zz-failure').catch(() => {});
  } finally {
    await browser.close();
  }
  console.log(JSON.stringify({ passed: checks.length - problems.length, checks: checks.length, problems }));
  process.exit(problems.length ? 1 : 0);
}

main();
