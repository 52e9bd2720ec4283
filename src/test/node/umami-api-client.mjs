// Drives the real @umami/api-client package against a Footfall server.
// Usage: node umami-api-client.mjs <server URL>/api <websiteId> <startAt> <endAt>; prints one JSON object per call.
import { UmamiClient } from '@umami/api-client';

const [baseUrl, websiteId, startAt, endAt] = process.argv.slice(2);
const range = { startAt: Number(startAt), endAt: Number(endAt) };

async function call(label, fn) {
  try {
    const result = await fn();
    console.log(JSON.stringify({ label, ok: true, result }));
  } catch (e) {
    console.log(JSON.stringify({ label, ok: false, status: e.status, error: String(e.message || e) }));
  }
}

const anonymous = new UmamiClient({ baseUrl });
const login = await anonymous.login({ username: 'admin', password: 'umami' });
console.log(JSON.stringify({ label: 'login', ok: true, result: { user: login.user, hasToken: !!login.token } }));
const client = anonymous.withToken(login.token);

await call('verify', () => client.verify());
await call('me', () => client.getMe());
await call('myWebsites', () => client.getMyWebsites({ pageSize: 50 }));
await call('website', () => client.getWebsite({ websiteId }));
await call('stats', () => client.getWebsiteStats({ websiteId, ...range }));
await call('pageviews', () => client.getWebsitePageviews({ websiteId, ...range, unit: 'day', timezone: 'UTC' }));
await call('metricsPath', () => client.getWebsiteMetrics({ websiteId, ...range, type: 'path' }));
await call('metricsBrowser', () => client.getWebsiteMetrics({ websiteId, ...range, type: 'browser' }));
await call('active', () => client.getWebsiteActive({ websiteId }));
await call('realtime', () => client.getRealtime({ websiteId }));
await call('sessions', () => client.getWebsiteSessions({ websiteId, ...range }));
await call('sessionStats', () => client.getWebsiteSessionStats({ websiteId, ...range }));
await call('weekly', () => client.getWebsiteSessionsWeekly({ websiteId, ...range, timezone: 'UTC' }));
await call('events', () => client.getWebsiteEvents({ websiteId, ...range }));
await call('eventDataStats', () => client.getEventDataStats({ websiteId, ...range }));
await call('dateRange', () => client.getWebsiteDateRange({ websiteId }));
await call('valuesPath', () => client.getWebsiteValues({ websiteId, ...range, type: 'path' }));
await call('valuesSearch', () => client.getWebsiteValues({ websiteId, ...range, type: 'path', search: 'PRI' }));
await call('eventData', () => client.getEventData({ websiteId, ...range }));
await call('export', () => client.exportWebsite({ websiteId, ...range }));
await call('revenueSessions', () => client.getWebsiteRevenueSessions({ websiteId, ...range, currency: 'EUR' }));
await call('created', () => client.createWebsite({ name: 'From api-client', domain: 'client.example' }));
