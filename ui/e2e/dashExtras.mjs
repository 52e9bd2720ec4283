// End-to-end checks of the map's region drill-down, the Compare page and preferences kept per user,
// called from run.mjs with its page, browser and helpers. Uses its own website so run.mjs's exact numbers
// for the main website stay as they are.

const UAS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/129.0.0.0 Safari/537.36',
  'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
];

async function post(base, path, body, headers = {}) {
  const res = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${path} ${res.status} ${await res.text()}`);
  return res.json();
}

/**
 * Range A (last 24 hours): 4 visitors, 5 views — Bavaria ×2, Berlin ×1 (CDN location headers, trusted from
 * loopback), one French visitor without a region. Range B (the 24 hours before): 2 visitors, 2 views.
 */
async function sendGeoTraffic(base, website) {
  const hit = (ua, url, geo = {}, timestamp) =>
    post(base, '/api/send', { type: 'event', payload: { website, hostname: 'geo.example', url, screen: '1920x1080', language: 'de-DE', ...(timestamp ? { timestamp } : {}) } }, { 'user-agent': ua, ...geo });
  const by = { 'cf-ipcountry': 'DE', 'cf-region-code': 'BY' };
  await hit(UAS[0], '/', by);
  await hit(UAS[0], '/pricing', by);
  await hit(UAS[1], '/', by);
  await hit(UAS[2], '/', { 'cf-ipcountry': 'DE', 'cf-region-code': 'BE' });
  await hit(UAS[3], '/', { 'cf-ipcountry': 'FR' });
  const before = Math.floor(Date.now() / 1000) - 36 * 3600;
  await hit(UAS[4], '/', {}, before);
  await hit(UAS[5], '/old', {}, before + 60);
}

export async function regionsAndCompare({ page, BASE, SHOTS, check, shot, waitStat, statValue }) {
  const token = await page.evaluate(() => localStorage.getItem('footfall.token'));
  const site = await post(BASE, '/api/websites', { name: 'Geo', domain: 'geo.example' }, { authorization: `Bearer ${token}` });
  await sendGeoTraffic(BASE, site.id);

  // Map: pick Germany, see its regions (exact count and visitors from the traffic above), back to the world.
  await page.goto(`${BASE}/websites/${site.id}?range=24h`);
  check('geo: visitors = 4', (await waitStat(page, 'visitors', '4')) === '4', await statValue(page, 'visitors'));
  await page.locator('.chart.map svg').waitFor();
  await page.selectOption('select[aria-label="Regions of…"]', 'DE');
  await page.waitForURL(/map=DE/);
  const count = page.getByTestId('region-count');
  await count.waitFor();
  check('map: Germany has 2 regions with 3 visitors', (await count.innerText()) === '2 regions · 3 visitors', await count.innerText());
  await page.locator('.region-map svg path').first().waitFor();
  check('map: both regions have a shape', (await page.locator('.region-map').getAttribute('data-shaded')) === '2');
  const title = await page.locator('.map-card .card-title').innerText();
  check('map: title names the country', title === 'Regions of Germany', title);
  await page.locator('.map-card').scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
  await page.locator('.map-card').screenshot({ path: `${SHOTS}/17-map-regions.png` });
  await page.getByRole('button', { name: '‹ World' }).click();
  await page.waitForURL((u) => !u.search.includes('map='));
  check('map: back to the world', (await page.locator('.map-card .card-title').innerText()) === 'Visitors by country');
  // The world map: Germany's tooltip under the pointer, the keyboard goes through the countries with data
  // (largest first) and Enter drills into one; a click on a country drills into it too.
  await page.locator('.world-map path[data-code="DE"]').hover();
  check('map: tooltip names the country and its visitors', (await page.locator('.map-card .chart-tip').innerText()) === 'Germany: 3', await page.locator('.map-card .chart-tip').innerText());
  await page.mouse.move(0, 0);
  await page.locator('.world-map').focus();
  await page.keyboard.press('ArrowRight');
  const first = await page.locator('.map-card .chart-tip').innerText();
  await page.keyboard.press('ArrowRight');
  const second = await page.locator('.map-card .chart-tip').innerText();
  check('map: arrow keys go through the countries with data', first === 'Germany: 3' && second === 'France: 1', `${first} / ${second}`);
  await page.keyboard.press('Enter');
  await page.waitForURL(/map=FR/);
  await page.getByRole('button', { name: '‹ World' }).click();
  await page.waitForURL((u) => !u.search.includes('map='));
  await page.locator('.world-map path[data-code="DE"]').click();
  await page.waitForURL(/map=DE/);
  await page.getByTestId('region-count').waitFor();
  await page.locator('.region-map path[data-code="DE-BY"]').hover();
  check('map: region tooltip', (await page.locator('.map-card .chart-tip').innerText()) === 'Bayern: 2', await page.locator('.map-card .chart-tip').innerText());
  await page.getByRole('button', { name: '‹ World' }).click();
  await page.waitForURL((u) => !u.search.includes('map='));

  // Compare: last 24 hours against the 24 hours before.
  await page.goto(`${BASE}/websites/${site.id}/compare?range=24h`);
  const cell = (key, col) => page.locator(`[data-testid=compare-stats] tr[data-stat=${key}] td.${col}`);
  const waitCell = async (key, col, want) => {
    for (let i = 0; i < 80; i++) {
      const v = (await cell(key, col).innerText().catch(() => '')).trim();
      if (v === want) return v;
      await page.waitForTimeout(100);
    }
    return (await cell(key, col).innerText().catch(() => '')).trim();
  };
  check('compare: visitors A = 4', (await waitCell('visitors', 'a', '4')) === '4');
  check('compare: visitors B = 2', (await waitCell('visitors', 'b', '2')) === '2');
  check('compare: visitors change ▲ 100%', (await waitCell('visitors', 'change', '▲ 100%')) === '▲ 100%');
  check('compare: views 5 vs 2, ▲ 150%', (await waitCell('views', 'a', '5')) === '5' && (await waitCell('views', 'b', '2')) === '2' && (await waitCell('views', 'change', '▲ 150%')) === '▲ 150%');
  const list = page.getByTestId('compare-left').locator('tbody tr');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=compare-left] tbody tr').length === 3, null, { timeout: 8000 }).catch(() => {});
  const rows = (await list.allInnerTexts()).map((r) => r.split('\t').map((c) => c.trim()).join('|'));
  check('compare: paths side by side', JSON.stringify(rows) === JSON.stringify(['/|4|1|▲ 300%', '/pricing|1|0|new', '/old|0|1|▼ 100%']), JSON.stringify(rows));
  await shot('18-compare');
  await page.selectOption('select[aria-label="Range B"]', 'yoy');
  await page.waitForURL(/cmp=yoy/);
  check('compare: previous year is empty, visitors "new"', (await waitCell('visitors', 'b', '0')) === '0' && (await waitCell('visitors', 'change', 'new')) === 'new');
  return site.id;
}

/** Preferences set on the profile page follow the person to a new browser (fresh context, new login). */
export async function preferencesFollow({ page, browser, BASE, SHOTS, PASSWORD, check, shot, geoSite }) {
  await page.goto(`${BASE}/settings/profile`);
  const pick = (label) => page.locator('label', { hasText: label }).locator('select');
  const saved = (field, value) =>
    page.waitForResponse((r) => r.url().endsWith('/api/me/preferences') && r.request().method() === 'POST' && (r.request().postData() ?? '').includes(`"${field}":"${value}"`));
  await Promise.all([saved('dateRange', '7d'), pick('Default date range').selectOption('7d')]);
  await Promise.all([saved('timezone', 'Asia/Tokyo'), pick('Time zone').selectOption('Asia/Tokyo')]);
  await Promise.all([saved('theme', 'dark'), pick('Theme').selectOption('dark')]);
  await shot('19-profile-preferences-dark');

  const other = await browser.newContext({ viewport: { width: 390, height: 844 }, timezoneId: 'America/New_York', locale: 'en-US', colorScheme: 'light' });
  const p2 = await other.newPage();
  p2.setDefaultTimeout(30_000);
  await p2.goto(`${BASE}/websites/${geoSite}`);
  await p2.waitForURL(/\/login/);
  await p2.fill('input[name=username]', 'admin');
  await p2.fill('input[name=password]', PASSWORD);
  await p2.click('button[type=submit]');
  await p2.waitForURL(new RegExp(`/websites/${geoSite}$`));
  await p2.locator('[data-stat=visitors] .stat-value', { hasText: /^[0-9]/ }).waitFor();
  check('preferences: default range 7d in a new browser', (await p2.inputValue('select[aria-label="date range"]')) === '7d');
  check('preferences: dark theme in a new browser', (await p2.evaluate(() => document.documentElement.dataset.theme)) === 'dark');
  check('preferences: time zone in a new browser', (await p2.evaluate(() => localStorage.getItem('footfall.timezone'))) === 'Asia/Tokyo');
  check('preferences: geo site 7-day visitors = 6', (await p2.locator('[data-stat=visitors] .stat-value').innerText()) === '6');
  await p2.screenshot({ path: `${SHOTS}/20-new-browser-prefs-phone-dark.png`, fullPage: true });
  await other.close();

  // Back to the defaults the rest of the run expects.
  await Promise.all([saved('dateRange', '24h'), pick('Default date range').selectOption('24h')]);
  await Promise.all([saved('theme', 'system'), pick('Theme').selectOption('system')]);
  await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/me/preferences') && (r.request().postData() ?? '').includes('"timezone":null')),
    pick('Time zone').selectOption(''),
  ]);
}
