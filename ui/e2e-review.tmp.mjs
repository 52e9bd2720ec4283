import { chromium } from 'playwright-core';
const BASE = 'http://127.0.0.1:3105';
const OUT = '../target/review';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const token = (await (await fetch(`${BASE}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'e2e-new-password-1' }) })).json()).token;
const sites = (await (await fetch(`${BASE}/api/websites?pageSize=50`, { headers: { authorization: `Bearer ${token}` } })).json()).data;
const geo = sites.find((s) => s.name === 'Geo').id;
for (const [name, vp, scheme] of [['phone-dark', { width: 390, height: 844 }, 'dark'], ['phone-light', { width: 390, height: 844 }, 'light'], ['desk-dark', { width: 1440, height: 900 }, 'dark']]) {
  const ctx = await browser.newContext({ viewport: vp, colorScheme: scheme });
  await ctx.addInitScript((t) => localStorage.setItem('footfall.token', t), token);
  const page = await ctx.newPage();
  const go = async (path, file, sel, scrollSel) => {
    await page.goto(BASE + path);
    if (sel) await page.locator(sel).first().waitFor({ timeout: 15000 }).catch(() => {});
    await page.waitForTimeout(1200);
    if (scrollSel) await page.locator(scrollSel).first().scrollIntoViewIfNeeded().catch(() => {});
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${OUT}/${name}-${file}.png` });
  };
  await go(`/websites/${geo}/compare?range=7d`, 'compare', '[data-testid=compare-stats] td.a');
  await go(`/websites/${geo}/compare?range=7d&cmp=custom&bfrom=2026-11-01&bto=2026-11-07`, 'compare-custom', '[data-testid=compare-stats] td.a');
  await go(`/websites/${geo}/compare?range=7d`, 'compare-lists', '[data-testid=compare-left] td', '[data-testid=compare-right]');
  await go(`/websites/${geo}?range=7d&map=DE`, 'map-de', '.region-map svg', '.map-card');
  await go(`/websites/${geo}?range=7d&map=FR`, 'map-fr', '.map-card', '.map-card');
  await go(`/websites/${geo}?range=7d`, 'map-world', '.chart.map svg', '.map-card');
  await go(`/websites/${geo}?range=7d`, 'cards', '[data-stat=visitors]');
  await go(`/settings/profile`, 'profile', 'select', 'select');
  await go(`/websites/${geo}/performance`, 'coming', '.empty');
  await ctx.close();
}
await browser.close();
