// End-to-end checks of the Compare page (range A against range B) on the report e2e's March 2026 traffic (e2e/reports.mjs):
// both ranges' stats and top lists with exact values and change indicators, the stats' two calls sent before the lists'
// (each call once), a long path cut with its tooltip, an empty previous range, and a phone in the dark theme.

/** 3 March (UTC) against 2 March: a and d came on the 3rd (one page each), a, b and c on the 2nd (two pages each). */
export async function compareChecks({ page, BASE, website, LONG, check, shot, overflow, contrast }) {
  const url = (from, to) => `${BASE}/websites/${website}/compare?range=custom&from=${from}&to=${to}&tz=UTC`;
  const cell = (key, col) => page.locator(`[data-testid=compare-stats] tr[data-stat=${key}] td.${col}`);
  const row = async (key) => (await Promise.all(['a', 'b', 'change'].map((c) => cell(key, c).innerText()))).map((v) => v.trim()).join('|');
  const rows = async (id) => (await page.getByTestId(id).locator('tbody tr').allInnerTexts()).map((r) => r.split('\t').map((c) => c.trim()).join('|'));
  /** Waits until no cell shows "…" and no card is stale, then until the lists have n rows. */
  const settled = async (left, right) => {
    await page.waitForFunction(
      ([l, r]) =>
        ![...document.querySelectorAll('[data-testid=compare-stats] td')].some((td) => td.textContent === '…') &&
        !document.querySelector('.compare-view .stale') &&
        document.querySelectorAll('[data-testid=compare-left] tbody tr').length === l &&
        document.querySelectorAll('[data-testid=compare-right] tbody tr, [data-testid=compare-right] .empty').length === r,
      [left, right],
      { timeout: 15_000 },
    ).catch(() => {});
  };

  // The calls the page sends, in order, with when each answered: the table's two stats calls go first and alone.
  const log = [];
  const onRequest = (r) => /\/api\/websites\/[^/]+\/(stats|metrics)\?/.test(r.url()) && log.push({ url: r.url(), kind: r.url().includes('/stats?') ? 'stats' : 'metrics', sent: Date.now(), done: 0 });
  const onDone = (r) => {
    const e = log.find((x) => x.url === r.url() && !x.done);
    if (e) e.done = Date.now();
  };
  page.on('request', onRequest);
  page.on('requestfinished', onDone);
  await page.goto(url('2026-03-03', '2026-03-03'));
  await settled(3, 1);
  page.off('request', onRequest);
  page.off('requestfinished', onDone);
  const stats = log.filter((e) => e.kind === 'stats');
  const lists = log.filter((e) => e.kind === 'metrics');
  const unique = new Set(log.map((e) => e.url)).size;
  check('compare: 2 stats and 4 list calls, none sent twice', stats.length === 2 && lists.length === 4 && unique === 6, log.map((e) => e.url.replace(/.*\/(stats|metrics)\?/, '$1?')).join(' | '));
  const statsDone = Math.max(...stats.map((e) => e.done));
  check('compare: the lists are asked only once both stats have answered', stats.every((e) => e.done) && lists.every((e) => e.sent >= statsDone), JSON.stringify(log.map((e) => [e.kind, e.sent - log[0].sent, e.done - log[0].sent])));

  check('compare: range A is 3 March', (await page.getByTestId('range-a').innerText()) === 'Mar 3, 2026, 12:00 AM – Mar 3, 2026, 11:59 PM', await page.getByTestId('range-a').innerText());
  check('compare: range B is the day before', (await page.getByTestId('range-b').innerText()) === 'Mar 2, 2026, 12:00 AM – Mar 2, 2026, 11:59 PM', await page.getByTestId('range-b').innerText());
  const want = { visitors: '2|3|▼ 33%', visits: '2|3|▼ 33%', views: '2|6|▼ 67%', bounceRate: '100%|0%|new', visitDuration: '0s|2m 40s|▼ 100%' };
  for (const [key, v] of Object.entries(want)) check(`compare: ${key} A|B|change = ${v}`, (await row(key)) === v, await row(key));
  // Fewer visitors is bad news, a shorter visit too; a bounce rate from nothing is "new" and has no colour.
  const tones = await Promise.all(['visitors', 'visitDuration', 'bounceRate'].map((k) => cell(k, 'change').getAttribute('class')));
  check('compare: change colours (visitors down: bad, duration down: bad, bounce rate new: none)', tones[0] === 'change bad' && tones[1] === 'change bad' && tones[2] === 'change ', JSON.stringify(tones));
  const left = await rows('compare-left');
  check('compare: paths of both days side by side', JSON.stringify(left) === JSON.stringify(['/|1|3|▼ 67%', `${LONG}|1|0|new`, '/pricing|0|3|▼ 100%']), JSON.stringify(left));
  const right = await rows('compare-right');
  check('compare: referrers (google.com only on the 2nd)', JSON.stringify(right) === JSON.stringify(['google.com|0|1|▼ 100%']), JSON.stringify(right));
  const longCell = page.locator(`[data-testid=compare-left] td[title="${LONG}"]`);
  check('compare: the long path is one cut line with its whole name as tooltip', (await longCell.count()) === 1 && (await longCell.evaluate((e) => e.scrollWidth > e.clientWidth && e.getBoundingClientRect().height < 40)));
  await shot('r17-compare');

  // A slow range B does not hold back A: B's stats answer is held until A's numbers are on screen.
  let release;
  const held = new Promise((r) => (release = r));
  const bStats = `**/api/websites/${website}/stats?startAt=${Date.parse('2026-03-02T00:00:00Z')}&*`;
  await page.route(bStats, async (r) => (await held, r.continue()));
  await page.reload();
  const aFirst = await page.waitForFunction(() => document.querySelector('[data-testid=compare-stats] tr[data-stat=views] td.a')?.textContent === '2', null, { timeout: 10_000 }).then(() => true, () => false);
  const bThen = (await cell('views', 'b').innerText()).trim();
  release();
  check('compare: A\'s numbers show while B is still loading (B "…")', aFirst && bThen === '…', `A shown: ${aFirst}, B: ${bThen}`);
  await page.waitForFunction(() => document.querySelector('[data-testid=compare-stats] tr[data-stat=views] td.b')?.textContent === '6', null, { timeout: 10_000 }).catch(() => {});
  await page.unroute(bStats);
  check('compare: then B and the change', (await row('views')) === '2|6|▼ 67%', await row('views'));

  // An empty previous range: March against 29 Jan – 28 Feb (no traffic): zeros and "new", never "…".
  await page.goto(url('2026-03-01', '2026-03-31'));
  await settled(3, 1);
  check('compare: previous range of March is 29 Jan – 28 Feb', (await page.getByTestId('range-b').innerText()) === 'Jan 29, 2026 – Feb 28, 2026', await page.getByTestId('range-b').innerText());
  const empty = { visitors: '4|0|new', visits: '5|0|new', views: '8|0|new', bounceRate: '40%|0%|new' };
  for (const [key, v] of Object.entries(empty)) check(`compare, empty B: ${key} = ${v}`, (await row(key)) === v, await row(key));
  const march = await rows('compare-left');
  // A list counts visitors: a came to / on both days, so March has 3 for /, not 4.
  check('compare, empty B: March paths all "new"', JSON.stringify(march) === JSON.stringify(['/|3|0|new', '/pricing|3|0|new', `${LONG}|1|0|new`]), JSON.stringify(march));
  await shot('r18-compare-empty-previous');

  // Dark theme at phone width: nothing wider than the screen, the long path still one cut line, dates readable.
  await page.getByRole('button', { name: 'Switch theme' }).click();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(url('2026-03-03', '2026-03-03'));
  await settled(3, 1);
  const extra = await overflow();
  check('phone: compare fits 390 px', extra <= 0, `${extra} px too wide`);
  check('phone: compare keeps the long path one cut line', await longCell.evaluate((e) => e.scrollWidth > e.clientWidth && e.getBoundingClientRect().height < 40).catch(() => false));
  check('phone: compare numbers shown', (await row('views')) === '2|6|▼ 67%', await row('views'));
  for (const sel of ['.compare-range .range-text', '.compare-table th', '[data-testid=compare-stats] td.change.bad']) {
    const ratio = await contrast(sel);
    check(`dark: compare ${sel} is readable (contrast ${ratio.toFixed(1)} >= 4.5)`, ratio >= 4.5);
  }
  await shot('r19-compare-phone-dark');
  await page.getByRole('button', { name: 'Switch theme' }).click();
  await page.setViewportSize({ width: 1440, height: 900 });
}
