// Drives the real @umami/api-client package through Footfall's team and share operations.
// Usage: node umami-api-client-teams.mjs <server URL>/api; prints one JSON object per call.
import { UmamiClient } from '@umami/api-client';

const [baseUrl] = process.argv.slice(2);

async function call(label, fn) {
  try {
    const result = await fn();
    console.log(JSON.stringify({ label, ok: true, result }));
    return result;
  } catch (e) {
    console.log(JSON.stringify({ label, ok: false, status: e.status, error: String(e.message || e) }));
    return undefined;
  }
}

const anonymous = new UmamiClient({ baseUrl });
const admin = anonymous.withToken((await anonymous.login({ username: 'admin', password: 'umami' })).token);

async function account(username) {
  const user = await admin.createUser({ username, password: `${username}-password`, role: 'user' });
  const { token } = await anonymous.login({ username, password: `${username}-password` });
  return { id: user.id, client: anonymous.withToken(token) };
}

const owner = await account('owner');
const joiner = await account('joiner');
const added = await account('added');

const [team] = await call('createTeam', () => owner.client.createTeam({ name: 'Client team' }));
const teamId = team.id;
await call('getTeams', () => owner.client.getTeams());
await call('getMyTeams', () => owner.client.getMyTeams());
await call('getUserTeams', () => owner.client.getUserTeams({ userId: owner.id }));
await call('getTeam', () => owner.client.getTeam({ teamId }));
await call('updateTeam', () => owner.client.updateTeam({ teamId, name: 'Renamed team' }));
await call('joinTeam', () => joiner.client.joinTeam({ accessCode: team.accessCode }));
await call('joinTeamAgain', () => joiner.client.joinTeam({ accessCode: team.accessCode }));
await call('createTeamUser', () => owner.client.createTeamUser({ teamId, userId: added.id, role: 'team-view-only' }));
await call('getTeamUser', () => owner.client.getTeamUser({ teamId, userId: added.id }));
await call('updateTeamUser', () => owner.client.updateTeamUser({ teamId, userId: added.id, role: 'team-manager' }));
await call('getTeamUsers', () => owner.client.getTeamUsers({ teamId }));
await call('deleteTeamUser', () => owner.client.deleteTeamUser({ teamId, userId: added.id }));
const site = await call('createTeamWebsite', () => joiner.client.createWebsite({ name: 'Team site', domain: 'team.example', teamId }));
await call('getTeamWebsites', () => joiner.client.getTeamWebsites({ teamId }));
await call('myWebsitesWithTeams', () => joiner.client.getMyWebsites({ includeTeams: true }));
await call('transferToUser', () => owner.client.transferWebsite({ websiteId: site.id, userId: owner.id }));
await call('transferToTeam', () => owner.client.transferWebsite({ websiteId: site.id, teamId }));

await call('setShareId', () => owner.client.updateWebsite({ websiteId: site.id, shareId: 'client-share' }));
const opened = await call('getShareBySlug', () => anonymous.getShareBySlug({ slug: 'client-share' }));
const viewer = new UmamiClient({
  baseUrl,
  headers: { 'x-umami-share-token': opened.token, 'x-umami-share-context': '1' },
});
await call('sharedStats', () => viewer.getWebsiteStats({ websiteId: site.id, startAt: 0, endAt: Date.now() }));
await call('sharedWebsite', () => viewer.getWebsite({ websiteId: site.id }));
await call('sharedMe', () => viewer.getMe());
await call('sharedUpdate', () => viewer.updateWebsite({ websiteId: site.id, name: 'Hijacked' }));

const share = await call('createWebsiteShare', () => owner.client.createWebsiteShare({ websiteId: site.id, name: 'Board', parameters: { overview: true } }));
await call('getWebsiteShares', () => owner.client.getWebsiteShares({ websiteId: site.id }));
await call('getShare', () => owner.client.getShare({ shareId: share.id }));
await call('updateShare', () => owner.client.updateShare({ shareId: share.id, name: 'Board 2', slug: 'board-two', parameters: {} }));
await call('deleteShare', () => owner.client.deleteShare({ shareId: share.id }));
await call('createShare', () => owner.client.createShare({ entityId: site.id, shareType: 1, name: 'Direct', parameters: {}, slug: 'direct-slug' }));
await call('createTeamLink', () => owner.client.createLink({ name: 'Team docs', url: 'https://example.com/team', slug: 'client-team-link', teamId }));
await call('getTeamLinks', () => owner.client.getTeamLinks({ teamId }));
await call('createTeamPixel', () => owner.client.createPixel({ name: 'Team mail', slug: 'client-team-pixel', teamId }));
await call('getTeamPixels', () => owner.client.getTeamPixels({ teamId }));
await call('deleteTeam', () => owner.client.deleteTeam({ teamId }));
await call('getTeamAfterDelete', () => owner.client.getTeam({ teamId }));

const link = await call('createLink', () => owner.client.createLink({ name: 'Docs', url: 'https://example.com/docs', slug: 'client-docs' }));
await call('getLinks', () => owner.client.getLinks());
await call('getLinksCharts', () => owner.client.getLinksCharts({ ids: link.id, startAt: 0, endAt: 86_400_000 - 1, timezone: 'UTC' }));
await call('getLink', () => owner.client.getLink({ linkId: link.id }));
await call('updateLink', () => owner.client.updateLink({ linkId: link.id, url: 'https://example.com/v2' }));
await call('deleteLink', () => owner.client.deleteLink({ linkId: link.id }));
const pixel = await call('createPixel', () => owner.client.createPixel({ name: 'Mail', slug: 'client-pixel' }));
await call('getPixels', () => owner.client.getPixels());
await call('getPixelsCharts', () => owner.client.getPixelsCharts({ ids: pixel.id }));
const ownSite = await call('createOwnWebsite', () => owner.client.createWebsite({ name: 'Own site', domain: 'own.example' }));
await call('getWebsitesCharts', () => owner.client.getWebsitesCharts({ ids: ownSite.id, startAt: 0, endAt: 86_400_000 - 1 }));
await call('getPixel', () => owner.client.getPixel({ pixelId: pixel.id }));
await call('updatePixel', () => owner.client.updatePixel({ pixelId: pixel.id, name: 'Mail 2' }));
await call('deletePixel', () => owner.client.deletePixel({ pixelId: pixel.id }));
