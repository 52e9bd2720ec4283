// End-to-end run of the report pages in Debian's Chromium against a started Footfall server.
//
//   node e2e/reports.mjs --base http://127.0.0.1:3106 [--shots ../target/ui-shots] [--password umami]
//
// Adds a website through the API, sends known March 2026 traffic through /api/send, then opens the funnel,
// retention, journey, goal, UTM, revenue, attribution and breakdown pages over that month (UTC) and checks the
// exact numbers each shows; saves a funnel, changes it, reopens the saved one from its chip and from its URL,
// and deletes it. Then the look: at 390 px no page is wider than the screen and lists are as tall as their rows;
// long names are cut with an ellipsis and keep the whole name in a tooltip; a website without traffic gets empty
// states that say what to do; a 400 from the server shows its message and a Retry that works; the dark theme keeps
// muted text readable. Screenshots of every page (light; some dark and at phone width) go to --shots. Prints one
// JSON line {passed, checks, problems} on stdout; exits 1 when something failed.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { compareChecks } from './compare.mjs';

const arg = (n, d) => {
  const i = process.argv.indexOf(`--${n}`);
  return i > 0 ? process.argv[i + 1] : d;
};
const BASE = arg('base', 'http://127.0.0.1:3106').replace(/\/$/, '');
const SHOTS = arg('shots', '../target/ui-shots');
const PASSWORD = arg('password', 'umami');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const log = (...a) => console.error('[reports-e2e]', ...a);
mkdirSync(SHOTS, { recursive: true });

const UA = {
  chrome: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  firefox: 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
  safari: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
};
const LONG = '/docs/a-very-long-path/that/keeps/going/and/going/to-check-that-labels-wrap-cleanly-in-every-report';
const LONG_UTM = 'spring_sale_2026_newsletter_variant_b_with_an_extra_long_campaign_identifier';
const LONG_EVENT = 'checkout_completed_with_a_long_event_name_for_test';

const T0 = Date.now();
const checks = [];
const problems = [];
function check(name, ok, detail = '') {
  checks.push(name);
  if (!ok) problems.push(`${name}${detail ? ': ' + detail : ''}`);
  log(ok ? 'ok  ' : 'FAIL', `${((Date.now() - T0) / 1000).toFixed(1)}s`, name, detail);
}

async function call(method, path, body, token) {
  const res = await fetch(`${BASE}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path} ${res.status} ${await res.text()}`);
  return res.json();
}

/** One hit of visitor `id` (its own session) at a UTC time of March 2026. */
async function send(website, id, ua, country, at, url, extra = {}) {
  const res = await fetch(`${BASE}/api/send`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': ua, 'cf-ipcountry': country },
    body: JSON.stringify({ type: 'event', payload: { website, id, hostname: 'shop.example', url, screen: '1920x1080', language: 'en-US', title: 'Shop', timestamp: Math.floor(Date.parse(at) / 1000), ...extra } }),
  });
  if (!res.ok) throw new Error(`/api/send ${res.status} ${await res.text()}`);
}

/**
 * The known traffic (UTC):
 *  a (Chrome, DE): 03-02 10:00 / from www.google.com, 10:05 /pricing, 10:10 signup paying 20 USD; 03-03 10:00 / (a new visit).
 *  b (Firefox, US): 03-02 11:00 /?utm_source=news&utm_medium=email&utm_campaign=spring, 11:02 /pricing.
 *  c (Safari, FR): 03-02 12:00 /pricing, 12:01 / (the funnel's steps in the wrong order).
 *  d (Chrome, DE): 03-03 09:00 LONG, 09:01 signup paying 5.5 usd.
 */
async function sendTraffic(website) {
  const s = (...a) => send(website, ...a);
  await s('a', UA.chrome, 'DE', '2026-03-02T10:00:00Z', '/', { referrer: 'https://www.google.com/search?q=shop' });
  await s('a', UA.chrome, 'DE', '2026-03-02T10:05:00Z', '/pricing');
  await s('a', UA.chrome, 'DE', '2026-03-02T10:10:00Z', '/pricing', { name: 'signup', data: { revenue: 20, currency: 'USD' } });
  await s('a', UA.chrome, 'DE', '2026-03-03T10:00:00Z', '/');
  await s('b', UA.firefox, 'US', '2026-03-02T11:00:00Z', '/?utm_source=news&utm_medium=email&utm_campaign=spring');
  await s('b', UA.firefox, 'US', '2026-03-02T11:02:00Z', '/pricing');
  await s('c', UA.safari, 'FR', '2026-03-02T12:00:00Z', '/pricing');
  await s('c', UA.safari, 'FR', '2026-03-02T12:01:00Z', '/');
  await s('d', UA.chrome, 'DE', '2026-03-03T09:00:00Z', LONG);
  await s('d', UA.chrome, 'DE', '2026-03-03T09:01:00Z', LONG, { name: 'signup', data: { revenue: 5.5, currency: 'usd' } });
}

const text = async (loc) => (await loc.innerText()).replace(/\s+/g, ' ').trim();

async function main() {
  const login = await call('POST', '/api/auth/login', { username: 'admin', password: PASSWORD });
  const token = login.token;
  const site = await call('POST', '/api/websites', { name: 'Reports shop with a long name to see how the header copes', domain: 'shop.example' }, token);
  const website = site.id;
  const emptySite = (await call('POST', '/api/websites', { name: 'No traffic yet', domain: 'quiet.example' }, token)).id;
  // A site with one visit of long names only (a campaign, an event name at the 50-character limit) for the layout.
  const longSite = (await call('POST', '/api/websites', { name: 'Long names', domain: 'shop.example' }, token)).id;
  await sendTraffic(website);
  await send(longSite, 'x', UA.chrome, 'DE', '2026-03-04T08:00:00Z', `/?utm_source=newsletter&utm_campaign=${LONG_UTM}`);
  await send(longSite, 'x', UA.chrome, 'DE', '2026-03-04T08:01:00Z', LONG, { name: LONG_EVENT, data: { revenue: 9.99, currency: 'USD' } });
  log('traffic sent');

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, timezoneId: 'Europe/Berlin', locale: 'en-US', colorScheme: 'light' });
  await context.addInitScript((t) => localStorage.setItem('footfall.token', t), token);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.setDefaultTimeout(30_000);
  const RANGE = 'range=custom&from=2026-03-01&to=2026-03-31&tz=UTC';
  const open = async (view, extra = '', site = website) => {
    await page.goto(`${BASE}/websites/${site}/${view}?${RANGE}${extra}`);
    await page.locator('.report-result').waitFor();
    await page.waitForFunction(() => !document.querySelector('.report-result [aria-busy=true], .report-result .stale, .report-result .loading'), null, { timeout: 10_000 }).catch(() => {});
  };
  const shot = async (name) => {
    await page.waitForFunction(() => !document.querySelector('.stale, .loading, .chart-placeholder'), null, { timeout: 10_000 }).catch(() => {});
    await page.waitForTimeout(150);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  };

  /** Whether the page is wider than the window (a sideways scroll of the whole page). */
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  /** The contrast ratio (WCAG) of an element's text against the card it sits on. */
  const contrast = (selector) =>
    page.evaluate((sel) => {
      const el = document.querySelector(sel);
      if (!el) return 0;
      const rgb = (c) => c.match(/[\d.]+/g).slice(0, 3).map(Number);
      const lum = ([r, g, b]) => [r, g, b].map((v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)).reduce((a, v, i) => a + v * [0.2126, 0.7152, 0.0722][i], 0);
      let bgEl = el;
      while (bgEl && getComputedStyle(bgEl).backgroundColor.match(/rgba\(.*, 0\)|transparent/)) bgEl = bgEl.parentElement;
      const a = lum(rgb(getComputedStyle(el).color));
      const b = lum(rgb(getComputedStyle(bgEl ?? document.body).backgroundColor));
      return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }, selector);

  try {
    // Funnel: / then /pricing within 60 minutes — a, b, c reach /; a and b then /pricing (c saw it before /).
    await open('funnels');
    const funnel = page.locator('[data-report=funnel]');
    await funnel.waitFor();
    check('funnel step 1: 3 visitors', (await text(funnel.locator('[data-step="1"] [data-value=visitors]'))) === '3 visitors', await text(funnel));
    check('funnel step 2: 2 visitors, 1 dropped (33%)', (await text(funnel.locator('[data-step="2"] .report-sub'))) === '2 visitors · 67% of step 1 · 1 dropped (33%)', await text(funnel.locator('[data-step="2"]')));
    await shot('r01-funnel');

    // Save it, change the window so no one converts, reopen the saved one (chip, then URL).
    await page.fill('input[aria-label="Report name"]', 'Pricing funnel with a name long enough to be cut off in its chip');
    await page.getByRole('button', { name: 'Save report' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved as Pricing funnel' }).waitFor();
    await page.waitForURL(/report=[0-9a-f-]{36}/);
    const reportId = page.url().match(/report=([0-9a-f-]{36})/)[1];
    const saved = await call('GET', `/api/reports/${reportId}`, undefined, token);
    check('saved report holds the funnel', saved.type === 'funnel' && saved.parameters.window === 60 && saved.parameters.steps[1].value === '/pricing', JSON.stringify(saved));
    await page.fill('input[aria-label="Step 2"]', '/nowhere');
    await page.waitForFunction(() => document.querySelector('[data-step="2"] [data-value=visitors]')?.textContent === '0 visitors');
    check('changed funnel shows 0 at step 2', true);
    await page.getByRole('button', { name: /^Open Pricing funnel/ }).click();
    await page.waitForFunction(() => document.querySelector('[data-step="2"] [data-value=visitors]')?.textContent === '2 visitors', null, { timeout: 8000 }).catch(() => {});
    check('reopened from its chip: step 2 back to 2 visitors', (await page.inputValue('input[aria-label="Step 2"]')) === '/pricing' && (await text(funnel.locator('[data-step="2"] [data-value=visitors]'))) === '2 visitors');
    await open('journeys');
    await open('funnels', `&report=${reportId}`);
    await page.waitForFunction(() => document.querySelector('[data-step="2"] [data-value=visitors]')?.textContent === '2 visitors', null, { timeout: 8000 }).catch(() => {});
    check('reopened from its URL', (await page.inputValue('input[aria-label="Report name"]')).startsWith('Pricing funnel') && (await page.inputValue('input[aria-label="Step 2"]')) === '/pricing');
    await shot('r02-funnel-saved');

    // Retention (UTC): cohort 03-02 = a, b, c; a came back on 03-03 (day 1, 33%); cohort 03-03 = d.
    await open('retention');
    const ret = page.locator('[data-report=retention]');
    await ret.waitFor();
    const row2 = ret.locator('tr[data-date="2026-03-02"]');
    check('retention 03-02: 3 visitors, day 0 100%, day 1 33%', (await text(row2.locator('td').nth(1))) === '3' && (await text(row2.locator('[data-day="0"]'))) === '100%' && (await text(row2.locator('[data-day="1"]'))) === '33%', await text(row2));
    const row3 = ret.locator('tr[data-date="2026-03-03"]');
    check('retention 03-03: 1 visitor, day 0 100%', (await text(row3.locator('td').nth(1))) === '1' && (await text(row3.locator('[data-day="0"]'))) === '100%', await text(row3));
    await shot('r03-retention');

    // Journey, 3 steps: the five visits' paths, one each, Umami's order (count, then the steps).
    await open('journeys');
    const journey = page.locator('[data-report=journey] li');
    await journey.first().waitFor();
    const paths = await journey.evaluateAll((li) => li.map((l) => [...l.querySelectorAll('.report-path-item')].map((x) => x.textContent).join(' > ') + ' = ' + l.querySelector('[data-value=count]').textContent));
    const expectedPaths = ['/ > /pricing > signup = 1', '/ > /pricing = 1', '/ = 1', `${LONG} > signup = 1`, '/pricing > / = 1'];
    check('journey: the five visit paths', JSON.stringify(paths) === JSON.stringify(expectedPaths), JSON.stringify(paths));
    const longItem = page.locator(`[data-report=journey] .report-path-item[title="${LONG}"]`);
    check('journey: a long path is cut with an ellipsis and keeps its name in the tooltip', (await longItem.count()) === 1 && (await longItem.evaluate((e) => e.scrollWidth > e.clientWidth && getComputedStyle(e).textOverflow === 'ellipsis')));
    await shot('r04-journey');
    await page.fill('input[placeholder="/ or event name"]', '/pricing');
    await page.waitForFunction(() => document.querySelectorAll('[data-report=journey] li').length === 1, null, { timeout: 8000 }).catch(() => {});
    check('journey from /pricing: one path', (await journey.count()) === 1 && (await text(journey.first().locator('.report-path'))).includes('/pricing'));

    // Goal: 3 pageviews of /pricing among 4 visitors with pageviews.
    await open('goals', '');
    await page.fill('input[aria-label="Goal"]', '/pricing');
    await page.locator('[data-report=goal]').getByText('3 of 4 reached the goal').waitFor({ timeout: 8000 }).catch(() => {});
    check('goal /pricing: 3 of 4', (await text(page.locator('[data-report=goal] .report-totals'))) === '3 of 4 reached the goal', await text(page.locator('.report-result')));
    check('goal /pricing: 75% shown large, with the goal', (await text(page.locator('[data-report=goal] [data-value=share]'))) === '75%' && (await page.locator('[data-report=goal] [title="Page /pricing"]').count()) === 1);
    await shot('r05-goal');

    // UTM: b's landing page carries source news, medium email, campaign spring (1 view each).
    await open('utm');
    for (const [k, v] of [['utm_source', 'news'], ['utm_medium', 'email'], ['utm_campaign', 'spring']]) {
      check(`utm ${k}: ${v} 1`, (await text(page.locator(`[data-table=${k}] tbody tr`).first())) === `${v} 1`, await text(page.locator(`[data-list=${k}]`)));
    }
    check('utm content: empty list says so', (await text(page.locator('[data-list=utm_content]'))).includes('None in this range'));
    const utmHeights = await page.locator('[data-list]').evaluateAll((l) => l.map((e) => Math.round(e.getBoundingClientRect().height)));
    check('utm lists are as tall as their rows (one row: < 200 px)', utmHeights.length === 5 && utmHeights.every((h) => h < 200), JSON.stringify(utmHeights));
    await shot('r06-utm');

    // Revenue USD: 20 + 5.5 from two German customers; nothing in February (compared: "new").
    await open('revenue');
    const rev = page.locator('[data-report=revenue]');
    await rev.waitFor();
    const fig = async (id) => text(rev.locator(`[data-figure=${id}] .report-figure-value`));
    check('revenue sum $25.50', (await fig('sum')) === '$25.50', await fig('sum'));
    check('revenue payments 2, customers 2, average $12.75', (await fig('count')) === '2' && (await fig('unique_count')) === '2' && (await fig('average')) === '$12.75');
    check('revenue compared with the previous period (none then)', (await text(rev.locator('[data-figure=sum] .badge'))) === 'new' && (await text(rev.locator('[data-figure=sum] .report-figure-note'))) === '$0.00 in the previous period');
    check('revenue by country: Germany $25.50', (await text(rev.locator('[data-table=country] tbody tr').first())) === 'Germany $25.50', await text(rev.locator('[data-list=country]')));
    check('revenue by channel: Organic search $20.00 (the label, not the key organicSearch), Direct $5.50',
      (await text(rev.locator('[data-table=channel] tbody'))) === 'Organic search $20.00 Direct $5.50', await text(rev.locator('[data-list=channel]')));
    await rev.locator('.chart-card .chart svg').first().waitFor();
    await rev.locator('.chart.map svg').first().waitFor();
    check('revenue chart and map drawn', (await rev.locator('.chart-card .chart svg').count()) > 0 && (await rev.locator('.chart.map svg').count()) > 0);
    await shot('r07-revenue');
    await page.selectOption('.report-compare select', 'none');
    await page.waitForURL(/compare=none/);
    check('revenue without comparison hides the badges', (await rev.locator('.badge').count()) === 0);
    await page.fill('.report-form input', 'EUR');
    await rev.getByText('No payments in EUR').waitFor({ timeout: 8000 }).catch(() => {});
    check('revenue in EUR: empty state', (await text(page.locator('.report-result'))).includes('No payments in EUR in this range'));

    // Attribution, first click, conversion = a view of /pricing (a, b, c): google.com for a, news for b.
    await open('attribution');
    const attr = page.locator('[data-report=attribution-total]');
    await attr.waitFor();
    // The default step / : a's two visits, b and c — 4 conversions by 3 visitors in 4 visits.
    check('attribution of / : totals 4 / 3 / 4', (await text(attr)) === 'Conversions 4 Visitors 3 Visits 4', await text(attr));
    await page.fill('input[aria-label="Conversion step"]', '/pricing');
    await page.waitForFunction(() => document.querySelector('[data-report=attribution-total] [data-figure=pageviews] .report-figure-value')?.textContent === '3', null, { timeout: 8000 }).catch(() => {});
    check('attribution of /pricing: totals 3 / 3 / 3', (await text(attr)) === 'Conversions 3 Visitors 3 Visits 3', await text(attr));
    check('attribution referrer google.com 1', (await text(page.locator('[data-table=referrer] tbody tr').first())) === 'google.com 1', await text(page.locator('[data-list=referrer]')));
    check('attribution utm_source news 1', (await text(page.locator('[data-table=utm_source] tbody tr').first())) === 'news 1', await text(page.locator('[data-list=utm_source]')));
    await shot('r08-attribution');

    // Breakdown path × browser: / in Chrome is a's two visits (2 views, 1 visitor), the other six one view each.
    await open('breakdown');
    const rows = page.locator('[data-table=breakdown] tbody tr');
    await rows.first().waitFor();
    check('breakdown rows: 7 combinations', (await rows.count()) === 7, String(await rows.count()));
    const first = await rows.first().locator('td').allInnerTexts();
    check('breakdown first row: / Chrome 2 views, 1 visitor, 2 visits', JSON.stringify(first.slice(0, 5)) === JSON.stringify(['/', 'Chrome', '2', '1', '2']) || JSON.stringify(first.slice(0, 5)) === JSON.stringify(['/', 'chrome', '2', '1', '2']), JSON.stringify(first));
    const longCell = page.locator(`[data-table=breakdown] .report-cell-label[title="${LONG}"]`);
    check('breakdown: the long path is one cut line with a tooltip', (await longCell.count()) === 1 && (await longCell.evaluate((e) => e.scrollWidth > e.clientWidth && e.getBoundingClientRect().height < 30)));
    await shot('r09-breakdown');

    // Compare: two ranges side by side (e2e/compare.mjs).
    await compareChecks({ page, BASE, website, LONG, check, shot, overflow, contrast });

    // Dark theme and a phone.
    await page.getByRole('button', { name: 'Switch theme' }).click();
    await open('revenue');
    await shot('r10-revenue-dark');
    for (const sel of ['[data-report=revenue] .report-figure dt', '[data-report=revenue] .report-figure-note', '[data-list=region] .report-list-empty']) {
      const ratio = await contrast(sel);
      check(`dark: ${sel} is readable (contrast ${ratio.toFixed(1)} >= 4.5)`, ratio >= 4.5);
    }
    await open('journeys');
    await shot('r11-journey-dark');
    await page.setViewportSize({ width: 390, height: 844 });
    await open('funnels');
    await shot('r12-funnel-phone-dark');
    await open('breakdown');
    await shot('r13-breakdown-phone-dark');
    const longRow = page.locator(`[data-table=breakdown] tr:has(.report-cell-label[title="${LONG}"])`);
    check('phone: the long path keeps its breakdown row one line tall', (await longRow.evaluate((e) => e.getBoundingClientRect().height)) < 50, String(await longRow.evaluate((e) => e.getBoundingClientRect().height)));
    // At phone width no report page scrolls sideways (a wide table scrolls inside its own card).
    for (const view of ['funnels', 'retention', 'journeys', 'goals', 'utm', 'revenue', 'attribution', 'breakdown']) {
      await open(view);
      if (view === 'revenue') await page.locator('[data-report=revenue] .chart-card .chart svg').first().waitFor();
      const extra = await overflow();
      check(`phone: ${view} fits 390 px`, extra <= 0, `${extra} px too wide`);
    }
    for (const view of ['revenue', 'utm', 'journeys', 'breakdown', 'funnels']) {
      await open(view, '', longSite);
      if (view === 'revenue') await page.locator('[data-report=revenue] .chart-card .chart svg').first().waitFor();
      const extra = await overflow();
      check(`phone: ${view} with long names fits 390 px`, extra <= 0, `${extra} px too wide`);
    }
    await open('utm');
    const phoneHeights = await page.locator('[data-list]').evaluateAll((l) => l.map((e) => Math.round(e.getBoundingClientRect().height)));
    check('phone: utm lists without tall empty space (< 200 px each)', phoneHeights.length === 5 && phoneHeights.every((h) => h < 200), JSON.stringify(phoneHeights));
    await shot('r15-utm-phone-dark');
    await page.getByRole('button', { name: 'Switch theme' }).click();
    await open('revenue', '&compare=none');
    await shot('r14-revenue-phone');

    // A website without traffic: each page says what is missing and what to do, instead of empty boxes.
    await page.setViewportSize({ width: 1440, height: 900 });
    await open('funnels', '', emptySite);
    check('no traffic: funnel says step 1 was not reached and how steps match', (await text(page.locator('.report-result'))).startsWith('No visitor reached step 1 (Page /) in this range. A page step matches the whole path'), await text(page.locator('.report-result')));
    await open('utm', '', emptySite);
    check('no traffic: utm is one empty state with how to tag links (no empty lists)', (await text(page.locator('.report-result'))).includes('No visits with UTM tags in this range.') && (await page.locator('[data-list]').count()) === 0, await text(page.locator('.report-result')));
    await shot('r16-utm-no-traffic');
    await open('attribution', '', emptySite);
    check('no traffic: attribution says no conversion', (await text(page.locator('.report-result'))).startsWith('No conversion (Page /) in this range.'), await text(page.locator('.report-result')));

    // The server refuses (400): its message and a Retry that runs the report again.
    await page.route('**/api/reports/funnel', (r) => r.fulfill({ status: 400, contentType: 'application/json', body: JSON.stringify({ error: { status: 400, message: 'window must be positive' } }) }));
    await page.goto(`${BASE}/websites/${website}/funnels?${RANGE}`);
    const alert = page.locator('.report-result [role=alert]');
    await alert.waitFor();
    check('400: the server\'s message is shown', (await text(alert)).includes('window must be positive'), await text(alert));
    await page.unroute('**/api/reports/funnel');
    await alert.getByRole('button', { name: 'Try again' }).click();
    await page.locator('[data-report=funnel] [data-step="1"] [data-value=visitors]').waitFor({ timeout: 8000 }).catch(() => {});
    check('400: Retry runs the report again', (await page.locator('.report-result [role=alert]').count()) === 0 && (await text(page.locator('[data-step="1"] [data-value=visitors]'))) === '3 visitors');

    // Delete the saved report from its chip.
    await open('funnels');
    await page.getByRole('button', { name: /^Delete Pricing funnel/ }).click();
    await page.getByText('No saved reports of this kind yet.').waitFor({ timeout: 8000 }).catch(() => {});
    const left = await call('GET', `/api/reports?websiteId=${website}`, undefined, token);
    check('saved report deleted', left.count === 0 || (left.data ?? []).length === 0, JSON.stringify(left));

    check('no page errors', errors.length === 0, errors.join(' | '));
  } catch (e) {
    problems.push(`aborted: ${e.message}`);
    log('aborted', e);
    await page.screenshot({ path: `${SHOTS}/r99-failure.png`, fullPage: true }).catch(() => {});
  } finally {
    await browser.close();
  }
  console.log(JSON.stringify({ passed: problems.length === 0, checks: checks.length, problems }));
  process.exit(problems.length === 0 ? 0 : 1);
}

main().catch((e) => {
  console.log(JSON.stringify({ passed: false, checks: checks.length, problems: [`crashed: ${e.message}`] }));
  process.exit(1);
});
