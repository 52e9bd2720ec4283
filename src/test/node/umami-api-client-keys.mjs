// Drives the real @umami/api-client package through Footfall's API keys, boards, board/link/pixel shares and
// two-factor login. TOTP codes are computed here (RFC 6238, node:crypto), independently of the server's code.
// Usage: node umami-api-client-keys.mjs <server URL>/api; prints one JSON object per call.
import { createHmac } from 'node:crypto';
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

function base32Decode(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  const out = [];
  for (const ch of text.replace(/=+$/, '')) {
    value = (value << 5) | alphabet.indexOf(ch);
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

function totp(secret, step) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const h = createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const offset = h[h.length - 1] & 0x0f;
  const binary = ((h[offset] & 0x7f) << 24) | (h[offset + 1] << 16) | (h[offset + 2] << 8) | h[offset + 3];
  return String(binary % 1_000_000).padStart(6, '0');
}

const step = () => Math.floor(Date.now() / 1000 / 30);

const anonymous = new UmamiClient({ baseUrl });
const admin = anonymous.withToken((await anonymous.login({ username: 'admin', password: 'umami' })).token);
await admin.createUser({ username: 'keeper', password: 'keeper-password', role: 'user' });
const keeper = anonymous.withToken((await anonymous.login({ username: 'keeper', password: 'keeper-password' })).token);
const website = await keeper.createWebsite({ name: 'Keeper site', domain: 'keeper.example' });

// API keys
const created = await call('createMyApiKey', () => keeper.createMyApiKey({ name: 'Client key' }));
await call('getMyApiKeys', () => keeper.getMyApiKeys());
const byKey = new UmamiClient({ baseUrl, apiKey: created.key });
await call('meByApiKey', () => byKey.getMe());
await call('websitesByApiKey', () => byKey.listWebsites());
const byBearerKey = new UmamiClient({ baseUrl, token: created.key });
await call('statsByBearerKey', () => byBearerKey.getWebsiteStats({ websiteId: website.id, startAt: 0, endAt: Date.now() }));
await call('apiKeysByApiKey', () => byKey.getMyApiKeys());
await call('deleteMyApiKey', () => keeper.deleteMyApiKey({ keyId: created.id }));
await call('meByDeletedKey', () => byKey.getMe());

// Boards
const [team] = await keeper.createTeam({ name: 'Board team' });
const board = await call('createBoard', () => keeper.createBoard({ type: 'open', name: 'Client board', description: 'Made by the client',
  parameters: { websiteId: website.id } }));
await call('getBoards', () => keeper.getBoards({ search: 'client' }));
await call('getBoard', () => keeper.getBoard({ boardId: board.id }));
await call('updateBoard', () => keeper.updateBoard({ boardId: board.id, name: 'Client board 2' }));
await call('cloneBoard', () => keeper.cloneBoard({ boardId: board.id, name: 'Client board copy' }));
await call('createTeamBoard', () => keeper.createBoard({ type: 'mixed', name: 'Team board', teamId: team.id }));
await call('getTeamBoards', () => keeper.getTeamBoards({ teamId: team.id }));
const boardShare = await call('createBoardShare', () => keeper.createBoardShare({ boardId: board.id, name: 'Board share',
  parameters: { title: true } }));
await call('getBoardShares', () => keeper.getBoardShares({ boardId: board.id }));
const openedBoard = await call('getShareBySlugBoard', () => anonymous.getShareBySlug({ slug: boardShare.slug }));
// The board share token, as the share page sends it: the board and what it names, read-only.
const boardViewer = new UmamiClient({ baseUrl, headers: { 'x-umami-share-token': openedBoard.token, 'x-umami-share-context': '1' } });
await call('boardSharedBoard', () => boardViewer.getBoard({ boardId: board.id }));
await call('boardSharedStats', () => boardViewer.getWebsiteStats({ websiteId: website.id, startAt: 0, endAt: Date.now() }));
await call('boardSharedUpdate', () => boardViewer.updateBoard({ boardId: board.id, name: 'Hijacked' }));
await call('boardSharedWebsites', () => boardViewer.getWebsites());
const link = await keeper.createLink({ name: 'Link', url: 'https://example.com', slug: 'keys-client-link' });
const pixel = await keeper.createPixel({ name: 'Pixel', slug: 'keys-client-pixel' });
await call('createLinkShare', () => keeper.createLinkShare({ linkId: link.id, name: 'Link share' }));
await call('getLinkShares', () => keeper.getLinkShares({ linkId: link.id }));
await call('createPixelShare', () => keeper.createPixelShare({ pixelId: pixel.id, name: 'Pixel share' }));
await call('getPixelShares', () => keeper.getPixelShares({ pixelId: pixel.id }));
await call('deleteBoard', () => keeper.deleteBoard({ boardId: board.id }));
await call('getBoardAfterDelete', () => keeper.getBoard({ boardId: board.id }));

// Two-factor login
await call('getTwoFactorStatus', () => keeper.getTwoFactorStatus());
await call('initiateTwoFactorSetupToCancel', () => keeper.initiateTwoFactorSetup());
await call('cancelTwoFactorSetup', () => keeper.cancelTwoFactorSetup());
const setup = await call('initiateTwoFactorSetup', () => keeper.initiateTwoFactorSetup());
// Three codes of consecutive steps s-1, s, s+1 are each accepted once while the server's clock is within one
// step of them: start early in a step so that the three calls finish before step s+2.
if (Date.now() / 1000 % 30 > 20) await new Promise(resolve => setTimeout(resolve, (30 - (Date.now() / 1000 % 30)) * 1000 + 100));
const s = step();
await call('confirmTwoFactorSetup', () => keeper.confirmTwoFactorSetup({ token: totp(setup.manualKey, s - 1) }));
await call('getTwoFactorStatusEnabled', () => keeper.getTwoFactorStatus());
const partial = await call('loginTwoFactor', () => anonymous.login({ username: 'keeper', password: 'keeper-password' }));
const verified = await call('verifyTwoFactor', () => anonymous.withToken(partial.partialToken)
  .verifyTwoFactor({ token: totp(setup.manualKey, s) }));
const again = anonymous.withToken(verified.token);
await call('meAfterTwoFactor', () => again.getMe());
await call('disableTwoFactor', () => again.disableTwoFactor({ password: 'keeper-password', token: totp(setup.manualKey, s + 1) }));
await call('loginAfterDisable', () => anonymous.login({ username: 'keeper', password: 'keeper-password' }));
