// Drives the real @umami/node package against a Footfall server.
// Usage: node umami-node-client.mjs <hostUrl> <websiteId>; prints one JSON line per call.
import { Umami } from '@umami/node';

const [hostUrl, websiteId] = process.argv.slice(2);
const umami = new Umami({ hostUrl, websiteId });

async function call(label, promise) {
  const res = await promise;
  const body = await res.json();
  console.log(JSON.stringify({ label, status: res.status, body }));
}

await call('pageview', umami.track({ url: '/node/home', title: 'Home', hostname: 'node.example', referrer: 'https://news.ycombinator.com/item?id=1', language: 'en-GB', screen: '1280x800' }));
await call('event', umami.track('signup', { plan: 'pro', seats: 5, trial: false }));
await call('identify', umami.identify({ email: 'dev@example.com', company: 'Acme' }));
await call('event-object', umami.track({ url: '/node/pricing', name: 'cta-click', data: { position: 'hero' } }));
