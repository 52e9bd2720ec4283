// Drives Debian's Chromium through the tracker scenarios (scenarios.mjs) against a Footfall server.
//
//   node test/run-scenarios.mjs --base http://127.0.0.1:3000 --website <uuid>
//   FOOTFALL_URL=... FOOTFALL_WEBSITE_ID=... node test/run-scenarios.mjs
//   node test/run-scenarios.mjs --mock          (no server: a stand-in collector, see mock-footfall.mjs)
//   --only spa,click                            (run a subset)
//   --script dist/script.js                     (pages load this build from the page server and
//                                                send to Footfall through data-host-url)
//
// Test pages come from a small HTTP server of our own on 127.0.0.1 (random port) and embed
// <script defer src="FOOTFALL/script.js" data-website-id=...>. Prints one JSON summary on stdout
// (logs go to stderr) and exits 1 if a scenario threw or the browser sent something unexpected.
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { scenarios } from './scenarios.mjs';
import { startMockFootfall } from './mock-footfall.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
// HeadlessChrome in the default UA would make the server drop every hit as a bot.
const USER_AGENT =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
// Longer than the tracker's 300 ms navigation delay, so a pending pageview has left.
const QUIET_MS = 600;

const arg = (name) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const log = (...a) => console.error('[scenarios]', ...a);

const escapeHtml = (s) => String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

async function main() {
  let mock;
  let base = arg('base') || process.env.FOOTFALL_URL;
  let website = arg('website') || process.env.FOOTFALL_WEBSITE_ID;
  if (process.argv.includes('--mock')) {
    mock = await startMockFootfall();
    base = mock.baseUrl;
    website = website || '00000000-0000-4000-8000-000000000001';
  }
  if (!base || !website) {
    console.error('usage: run-scenarios.mjs --base FOOTFALL_URL --website WEBSITE_ID | --mock');
    process.exit(2);
  }
  base = base.replace(/\/$/, '');
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}`);
  const only = arg('only')?.split(',');
  const selected = scenarios.filter((s) => !only || only.includes(s.name));

  const localScript = arg('script');
  let trackerSource;
  if (localScript) {
    trackerSource = readFileSync(localScript, 'utf8');
  } else {
    const res = await fetch(`${base}/script.js`);
    if (!res.ok) throw new Error(`GET ${base}/script.js answered ${res.status}: is the tracker served?`);
    trackerSource = await res.text();
  }
  const spied = [];
  const pages = await startPageServer(selected, { base, website, trackerSource, spied, localScript: !!localScript });
  log(`footfall ${base}, pages ${pages.origin}, website ${website}`);

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      // The context-level override does not reach keepalive sends that outlive their page
      // (performance metrics on unload); without this they carry HeadlessChrome and count as a bot.
      `--user-agent=${USER_AGENT}`,
    ],
  });
  const results = [];
  try {
    for (const scenario of selected) {
      spied.length = 0;
      results.push(await runScenario(browser, scenario, { base, origin: pages.origin, spied }));
      const r = results.at(-1);
      log(`${r.ok ? 'ok  ' : 'FAIL'} ${scenario.name} (${r.sent.length} sent)${r.ok ? '' : ' ' + r.problems.join('; ')}`);
    }
  } finally {
    await browser.close();
    pages.close();
    if (mock) await mock.close();
  }
  const summary = {
    footfall: base,
    website,
    pageOrigin: pages.origin,
    browser: browser.version(),
    userAgent: USER_AGENT,
    mock: !!mock,
    mockHits: mock ? mock.hits.length : undefined,
    passed: results.filter((r) => r.ok).length,
    failed: results.filter((r) => !r.ok).length,
    scenarios: results,
  };
  console.log(JSON.stringify(summary, null, 2));
  console.error(`${summary.passed} passed, ${summary.failed} failed`);
  process.exit(summary.failed ? 1 : 0);
}

/** Runs one scenario in a fresh context; records every /api/send request the browser made. */
async function runScenario(browser, scenario, { base, origin, spied }) {
  const context = await browser.newContext({
    userAgent: USER_AGENT,
    locale: 'en-US',
    viewport: { width: 1280, height: 800 },
    screen: { width: 2560, height: 1440 },
  });
  if (scenario.doNotTrack !== undefined) {
    await context.addInitScript((value) => {
      Object.defineProperty(Navigator.prototype, 'doNotTrack', { get: () => value, configurable: true });
    }, scenario.doNotTrack);
  }
  if (scenario.localStorage) {
    await context.addInitScript((entries) => {
      for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
    }, scenario.localStorage);
  }

  const sent = [];
  let pending = 0;
  let lastActivity = Date.now();
  const isCollect = (request) => request.url() === `${base}/api/send` && request.method() === 'POST';
  const records = new Map();
  context.on('request', (request) => {
    if (!isCollect(request)) return;
    pending++;
    lastActivity = Date.now();
    let body;
    try {
      body = JSON.parse(request.postData());
    } catch (e) {
      body = { raw: request.postData() };
    }
    const headers = request.headers();
    const record = {
      type: body.type,
      payload: body.payload,
      contentType: headers['content-type'],
      cacheHeader: headers['x-umami-cache'],
      cacheBody: body.cache,
    };
    records.set(request, record);
    sent.push(record);
  });
  const done = async (request, failure) => {
    if (!isCollect(request)) return;
    pending--;
    lastActivity = Date.now();
    const record = records.get(request);
    if (failure) record.failure = failure;
    const response = failure ? null : await request.response().catch(() => null);
    if (response) {
      record.status = response.status();
      record.response = await response.json().catch(() => undefined);
    }
  };
  context.on('requestfinished', (r) => done(r));
  context.on('requestfailed', (r) => done(r, r.failure()?.errorText || 'failed'));

  /** Waits until no send is in flight and none started for quietMs (counted from now at the earliest). */
  const settle = async (quietMs = QUIET_MS) => {
    const deadline = Date.now() + 10_000;
    lastActivity = Math.max(lastActivity, Date.now());
    while (Date.now() < deadline && (pending > 0 || Date.now() - lastActivity < quietMs)) {
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const url = `${origin}/${scenario.name}/${scenario.page || 'index.html'}`;
  const started = new Date().toISOString();
  let problems = [];
  try {
    await page.goto(url, { waitUntil: 'load', referer: scenario.referer });
    await settle();
    if (scenario.run) await scenario.run(page, { settle });
    await settle();
    problems = scenario.expect(sent, spied);
  } catch (e) {
    problems = [`scenario threw: ${e.stack || e}`];
  }
  await context.close();
  problems.push(...errors.map((e) => `page error: ${e}`));
  return {
    name: scenario.name,
    tag: `t-${scenario.name}`,
    path: `/${scenario.name}/`,
    description: scenario.description,
    url,
    started,
    finished: new Date().toISOString(),
    ok: problems.length === 0,
    problems,
    sent,
    ...(scenario.spy ? { spied: spied.slice() } : {}),
  };
}

/** Serves /<scenario>/<file> as a test page embedding the tracker; /local/script.js is a copy of it. */
function startPageServer(list, { base, website, trackerSource, spied, localScript }) {
  const byName = new Map(list.map((s) => [s.name, s]));
  const server = createServer((req, res) => {
    const { pathname } = new URL(req.url, 'http://localhost');
    if (pathname === '/local/script.js') {
      res.writeHead(200, { 'Content-Type': 'application/javascript' });
      return res.end(trackerSource);
    }
    if (pathname === '/spy' && req.method === 'POST') {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        spied.push(JSON.parse(body));
        res.writeHead(204).end();
      });
      return;
    }
    const [, name, file] = pathname.split('/');
    const scenario = byName.get(name);
    if (!scenario || req.method !== 'GET') return res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(file === 'blank.html' ? plainPage(name) : testPage(scenario, file, { base, website, localScript }));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ origin: `http://127.0.0.1:${server.address().port}`, close: () => server.close() }),
    ),
  );
}

function testPage(scenario, file, { base, website, localScript }) {
  const attrs = {
    'website-id': website,
    tag: `t-${scenario.name}`,
    ...(scenario.hostUrlAttr || localScript ? { 'host-url': base } : {}),
    ...scenario.attrs,
  };
  const src = scenario.localScript || localScript ? '/local/script.js' : `${base}/script.js`;
  const dataAttrs = Object.entries(attrs)
    .map(([k, v]) => ` data-${k}="${escapeHtml(v)}"`)
    .join('');
  const title = file === 'index.html' || !file ? scenario.title || `${scenario.name} page` : `${scenario.name} ${file}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
${scenario.spy ? SPY : ''}${scenario.head || ''}
<script defer src="${escapeHtml(src)}"${dataAttrs}></script>
</head><body>
<h1>${escapeHtml(scenario.name)}</h1>
${scenario.body || ''}
</body></html>`;
}

// Requests sent while a page unloads never reach Playwright's network events, so spy
// scenarios also beacon each /api/send body to the page server.
const SPY = `<script>(() => {
  const send = window.fetch;
  window.fetch = (url, init) => {
    if (String(url).endsWith('/api/send')) navigator.sendBeacon('/spy', new Blob([init.body], { type: 'text/plain' }));
    return send(url, init);
  };
})();</script>
`;

function plainPage(name) {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(name)} plain</title></head><body>plain</body></html>`;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
