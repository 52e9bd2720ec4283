// Dashboard speed: navigation → overview fully drawn (7 and 90 days ending at --end), and → realtime
// drawn, in Debian's Chromium. Run by `./footfall bench ui` (UiBench), or by hand:
//   node e2e/bench.mjs --base http://127.0.0.1:3106 --site <website id> --end 2026-12-02T15:00:00Z [--runs 5]
// "Cold" is a fresh browser context (nothing cached, login token set); "warm" reloads in the same context
// (hashed assets from the HTTP cache, API answers fetched again). Medians in milliseconds.
import { chromium } from 'playwright-core';

const arg = (n, d) => {
  const i = process.argv.indexOf(`--${n}`);
  return i > 0 ? process.argv[i + 1] : d;
};
const BASE = arg('base').replace(/\/$/, '');
const SITE = arg('site');
const END = Date.parse(arg('end', new Date().toISOString()));
const RUNS = Number(arg('runs', '5'));
const ymd = (ms) => new Date(ms).toISOString().slice(0, 10);

/** True once everything on the overview has its data: cards, chart, panels, map, heatmap. */
function overviewDrawn() {
  const cards = [...document.querySelectorAll('.stat-value')];
  if (cards.length < 5 || cards.some((c) => c.textContent === '…')) return false;
  if (document.querySelector('.loading, .chart-placeholder')) return false;
  if (!document.querySelector('.chart-card .chart svg') || !document.querySelector('.chart.map svg path')) return false;
  const panels = [...document.querySelectorAll('.panel')];
  if (panels.length < 6 || panels.some((p) => !p.querySelector('.metric-row, .empty'))) return false;
  return document.querySelectorAll('.hm-dot').length === 168;
}

function realtimeDrawn() {
  if (document.querySelector('.loading, .chart-placeholder')) return false;
  return !!document.querySelector('.realtime .chart svg') && !!document.querySelector('[data-testid=feed] li, .realtime .empty');
}

async function login() {
  const res = await fetch(`${BASE}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'umami' }) });
  if (!res.ok) throw new Error(`login ${res.status}`);
  return (await res.json()).token;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const token = await login();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  const scenarios = [
    ['overview, 7 days', `/websites/${SITE}?range=custom&from=${ymd(END - 6 * 86400000)}&to=${ymd(END - 1)}&tz=UTC`, overviewDrawn],
    ['overview, 90 days', `/websites/${SITE}?range=custom&from=${ymd(END - 89 * 86400000)}&to=${ymd(END - 1)}&tz=UTC`, overviewDrawn],
    ['realtime', `/websites/${SITE}/realtime`, realtimeDrawn],
  ];
  console.log(`${'screen (median of ' + RUNS + ', ms)'.padEnd(34)} ${'cold'.padStart(8)} ${'warm'.padStart(8)}`);
  for (const [name, path, drawn] of scenarios) {
    const cold = [];
    const warm = [];
    for (let i = 0; i < RUNS + 1; i++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      await context.addInitScript((t) => localStorage.setItem('footfall.token', t), token);
      const page = await context.newPage();
      for (const [list, label] of [[cold, 'cold'], [warm, 'warm']]) {
        if (label === 'cold') await page.goto(BASE + path);
        else await page.reload();
        await page.waitForFunction(drawn, null, { timeout: 60_000, polling: 'raf' });
        const ms = await page.evaluate(() => performance.now());
        if (i > 0) list.push(ms); // the first round warms the server and the JIT
      }
      await context.close();
    }
    console.log(`${name.padEnd(34)} ${median(cold).toFixed(0).padStart(8)} ${median(warm).toFixed(0).padStart(8)}`);
  }
  await browser.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
