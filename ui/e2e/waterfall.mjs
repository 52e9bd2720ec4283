// The overview's request waterfall, from the Resource Timing API: when each request started and ended
// (ms after navigation start), for one cold and one warm load. By hand:
//   node e2e/waterfall.mjs --base http://127.0.0.1:3113 --site <id> --end <iso> [--days 90]
import { chromium } from 'playwright-core';

const arg = (n, d) => {
  const i = process.argv.indexOf(`--${n}`);
  return i > 0 ? process.argv[i + 1] : d;
};
const BASE = arg('base').replace(/\/$/, '');
const SITE = arg('site');
const END = Date.parse(arg('end', new Date().toISOString()));
const DAYS = Number(arg('days', '90'));
const ymd = (ms) => new Date(ms).toISOString().slice(0, 10);
const path = arg('path', `/websites/${SITE}?range=custom&from=${ymd(END - (DAYS - 1) * 86400000)}&to=${ymd(END - 1)}&tz=UTC`);

function overviewDrawn() {
  const cards = [...document.querySelectorAll('.stat-value')];
  if (cards.length < 5 || cards.some((c) => c.textContent === '…')) return false;
  if (document.querySelector('.loading, .chart-placeholder')) return false;
  if (!document.querySelector('.chart-card .chart svg') || !document.querySelector('.chart.map svg path')) return false;
  const panels = [...document.querySelectorAll('.panel')];
  if (panels.length < 6 || panels.some((p) => !p.querySelector('.metric-row, .empty'))) return false;
  return document.querySelectorAll('.hm-dot').length === 168;
}

const res = await fetch(`${BASE}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'umami' }) });
const token = (await res.json()).token;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
let page;
for (const label of ['warmup', 'cold', 'warm']) {
  // warmup and cold: a new context (empty HTTP cache); warm: a reload in the cold one's context.
  if (label !== 'warm') {
    if (page) await page.context().close();
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addInitScript((t) => localStorage.setItem('footfall.token', t), token);
    page = await context.newPage();
    await page.goto(BASE + path);
  } else await page.reload();
  await page.waitForFunction(overviewDrawn, null, { timeout: 60_000, polling: 'raf' });
  const out = await page.evaluate(() => ({
    drawn: performance.now(),
    nav: performance.getEntriesByType('navigation').map((e) => [e.name, e.startTime, e.responseEnd]),
    paints: performance.getEntriesByType('paint').map((e) => [e.name, e.startTime]),
    res: performance.getEntriesByType('resource').map((e) => [e.name, e.startTime, e.requestStart, e.responseStart, e.responseEnd, e.transferSize]),
  }));
  console.log(`--- ${label}: drawn at ${out.drawn.toFixed(0)} ms; paints ${out.paints.map((p) => p.join(' ') ).join(', ')}`);
  for (const [n, s, rq, rs, e, sz] of out.res.sort((a, b) => a[1] - b[1]))
    console.log(`${s.toFixed(0).padStart(6)} ${rq.toFixed(0).padStart(6)} ${rs.toFixed(0).padStart(6)} ${e.toFixed(0).padStart(6)}  ttfb ${(rs - rq).toFixed(0).padStart(5)}  ${String(sz).padStart(7)}  ${n.replace(BASE, '').replace(SITE, ':id').slice(0, 150)}`);
}
await browser.close();
