// Drives Debian's Chromium through pages that embed a Footfall server's TinyTrail tracker (/js/tracker.js).
//
//   node test/run-tinytrail.mjs --base http://127.0.0.1:3000 --website <uuid>
//
// The pages come from a small HTTP server of our own on 127.0.0.1 (another origin than Footfall's, as on a real
// site) and embed <script defer data-id=... src="FOOTFALL/js/tracker.js">. Each step waits until the browser has
// made the sends it must cause (and they were answered); the close_tab beacons of pages going away may escape
// Playwright's notice, so the test waits for those in the store.
// Prints one JSON summary on stdout: every collect body the browser sent, with its answer; logs go to stderr.
// TinyTrailTrackerBrowserTest (JUnit) runs this against a started test server and asserts what was stored.
import { createServer } from 'node:http';
import { chromium } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
// HeadlessChrome in the default UA would make the server keep every hit as a bot (flagged, not counted).
const USER_AGENT =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const VIEWPORT = { width: 1280, height: 720 };
const PAGE_HEIGHT = 4000;

const arg = (name) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const log = (...a) => console.error('[tinytrail]', ...a);

function page(base, website, title, links = '') {
  // scrollRestoration manual: going back must not replay a scroll (it would be a new page's scroll depth).
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title>
<script>history.scrollRestoration = 'manual';</script>
<script defer data-id="${website}" src="${base}/js/tracker.js"></script></head>
<body style="margin:0"><div style="height:${PAGE_HEIGHT}px">${links}</div></body></html>`;
}

function startPageServer(base, website) {
  const server = createServer((req, res) => {
    const { pathname } = new URL(req.url, 'http://localhost');
    const port = server.address().port;
    const pages = {
      '/tt/index.html': page(base, website, 'Index',
        `<a id="out" href="http://localhost:${port}/tt/out.html">elsewhere</a>
         <a id="in" href="/tt/in.html">inside</a>`),
      '/tt/close.html': page(base, website, 'Close'),
      '/tt/out.html': '<!doctype html><title>Out</title><p>no tracker here',
    };
    const body = pages[pathname];
    if (!body || req.method !== 'GET') return res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(body);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ origin: `http://127.0.0.1:${server.address().port}`, close: () => server.close() })));
}

async function main() {
  const base = (arg('base') || '').replace(/\/$/, '');
  const website = arg('website');
  if (!base || !website) {
    console.error('usage: run-tinytrail.mjs --base FOOTFALL_URL --website WEBSITE_ID');
    process.exit(2);
  }
  const pages = await startPageServer(base, website);
  log(`footfall ${base}, pages ${pages.origin}`);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run', '--disable-sync', `--user-agent=${USER_AGENT}`],
  });
  const sent = [];
  const problems = [];
  let answered = 0;
  const context = await browser.newContext({ userAgent: USER_AGENT, viewport: VIEWPORT });
  const isCollect = (r) => r.url() === `${base}/api/v1/collect` && r.method() === 'POST';
  const records = new Map();
  context.on('request', (r) => {
    if (!isCollect(r)) return;
    const record = { body: JSON.parse(r.postData()), contentType: r.headers()['content-type'] };
    records.set(r, record);
    sent.push(record);
  });
  const finished = async (r, failure) => {
    if (!isCollect(r)) return;
    const record = records.get(r);
    if (failure) record.failure = failure;
    else record.status = (await r.response().catch(() => null))?.status();
    answered++;
  };
  context.on('requestfinished', (r) => finished(r));
  context.on('requestfailed', (r) => finished(r, r.failure()?.errorText || 'failed'));

  /** Waits until `n` sends in all were answered; a guard stops a hang, the test then finds rows missing. */
  const sends = async (n, what) => {
    const giveUp = Date.now() + 15_000;
    while (answered < n && Date.now() < giveUp) await new Promise((r) => setTimeout(r, 20));
    if (answered < n) problems.push(`${what}: expected ${n} sends in all, saw ${answered} answered (${sent.length} made)`);
  };
  const frames = (p) => p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const scrollTo = async (p, y) => {
    await p.evaluate((top) => window.scrollTo(0, top), y);
    await frames(p);
  };

  try {
    const tab = await context.newPage();
    tab.on('pageerror', (e) => problems.push(`page error: ${e}`));
    // 1: page_view with the search engine as referrer and the campaign in the URL
    await tab.goto(`${pages.origin}/tt/index.html?utm_source=news#top`, {
      waitUntil: 'load', referer: 'https://www.google.com/search?q=footfall' });
    await sends(1, 'page_view');
    // 2-4: scroll depths, each once: 33 % seen, then the bottom (50 and 75 at once), then up and down again
    await scrollTo(tab, 600);
    await sends(2, 'scroll_25');
    await scrollTo(tab, PAGE_HEIGHT);
    await sends(4, 'scroll_50 and scroll_75');
    await scrollTo(tab, 0);
    await scrollTo(tab, PAGE_HEIGHT);
    // 5: a custom event with properties
    await tab.evaluate(() => window.analytics.track('signup_complete', { plan: 'pro', source: 'pricing_page' }));
    await sends(5, 'custom');
    // 6: SPA navigation; the same URL again and a hash change are not new pages
    await tab.evaluate(() => history.pushState({}, '', '/tt/spa-a'));
    await tab.evaluate(() => history.pushState({}, '', '/tt/spa-a'));
    await tab.evaluate(() => { location.hash = 'section'; });
    await sends(6, 'pushState page_view');
    // 7-9: scroll depths again on the new page
    await scrollTo(tab, 0);
    await scrollTo(tab, PAGE_HEIGHT);
    await sends(9, 'scroll depths of the SPA page');
    await scrollTo(tab, 0);
    // 10: replaceState, 11: back (popstate) to the first page
    await tab.evaluate(() => history.replaceState({}, '', '/tt/spa-b?x=1'));
    await sends(10, 'replaceState page_view');
    await tab.evaluate(() => new Promise((r) => { addEventListener('popstate', () => r(), { once: true }); history.go(-3); }));
    await sends(11, 'popstate page_view');
    // an internal link is no outbound link
    await tab.evaluate(() => document.getElementById('in').addEventListener('click', (e) => e.preventDefault()));
    await tab.click('#in');
    // 12: outbound link; then a close_tab as the page goes away
    await Promise.all([tab.waitForURL('**/tt/out.html'), tab.click('#out')]);
    await sends(12, 'outbound_link');

    // 13: a second tab's page_view; then its close_tab when the tab is closed
    const second = await context.newPage();
    await second.goto(`${pages.origin}/tt/close.html`, { waitUntil: 'load' });
    await sends(13, 'second page_view');
    await second.close({ runBeforeUnload: true });
    // Beacons a page sends while it goes away are not reliably reported to Playwright (the page is gone):
    // the test finds those two close_tab hits in the store instead.
  } catch (e) {
    problems.push(`threw: ${e.stack || e}`);
  } finally {
    await context.close();
    await browser.close();
    pages.close();
  }
  const summary = { base, website, pageOrigin: pages.origin, browser: browser.version(), problems, sent };
  console.log(JSON.stringify(summary, null, 2));
  process.exit(problems.length ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
