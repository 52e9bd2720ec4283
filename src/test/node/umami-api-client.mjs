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

// Segments and cohorts: saved, listed, read, changed, applied to statistics, deleted.
const firefox = { filters: [{ name: 'browser', operator: 'eq', value: 'firefox' }], match: 'all' };
const signedUp = { action: { type: 'event', value: 'signup' }, dateRange: 'all', filters: [] };
let segmentId;
let cohortId;
await call('segmentCreated', async () => {
  const r = await client.createWebsiteSegment({ websiteId, type: 'segment', name: 'Firefox', parameters: firefox });
  segmentId = r.id;
  return r;
});
await call('cohortCreated', async () => {
  const r = await client.createWebsiteSegment({ websiteId, type: 'cohort', name: 'Signed up', parameters: signedUp });
  cohortId = r.id;
  return r;
});
await call('segments', () => client.getWebsiteSegments({ websiteId, type: 'segment' }));
await call('cohortsSearch', () => client.getWebsiteSegments({ websiteId, type: 'cohort', search: 'SIGNED' }));
await call('segment', () => client.getWebsiteSegment({ websiteId, segmentId }));
await call('segmentUpdated', () => client.updateWebsiteSegment({ websiteId, segmentId, type: 'segment', name: 'Firefox users', parameters: firefox }));
await call('statsSegment', () => client.getWebsiteStats({ websiteId, ...range, segment: segmentId }));
await call('statsCohort', () => client.getWebsiteStats({ websiteId, ...range, cohort: cohortId }));
await call('metricsCohort', () => client.getWebsiteMetrics({ websiteId, ...range, type: 'path', cohort: cohortId }));
await call('segmentDeleted', () => client.deleteWebsiteSegment({ websiteId, segmentId }));
await call('segmentsAfterDelete', () => client.getWebsiteSegments({ websiteId, type: 'segment' }));
await call('created', () => client.createWebsite({ name: 'From api-client', domain: 'client.example' }));
