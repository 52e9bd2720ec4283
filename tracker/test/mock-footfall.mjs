// A stand-in for Footfall's collect side, for running the scenarios without the Java server:
// serves dist/script.js at /script.js and answers POST /api/send like Umami (with a cache token).
// It stores nothing; run-scenarios.mjs checks what the browser sent.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const scriptPath = fileURLToPath(new URL('../dist/script.js', import.meta.url));

/** Starts the mock on 127.0.0.1 (random port); resolves to {baseUrl, hits, close}. */
export function startMockFootfall() {
  const hits = [];
  let counter = 0;
  const server = createServer((req, res) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Headers', '*');
    if (req.method === 'OPTIONS') return res.writeHead(204).end();
    if (req.method === 'GET' && req.url === '/script.js') {
      res.writeHead(200, { 'Content-Type': 'application/javascript' });
      return res.end(readFileSync(scriptPath));
    }
    if (req.method === 'POST' && req.url === '/api/send') {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        hits.push({ headers: req.headers, body: JSON.parse(body) });
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ cache: `mock-cache-${++counter}`, sessionId: 's', visitId: 'v' }));
      });
      return;
    }
    res.writeHead(404).end();
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        baseUrl: `http://127.0.0.1:${server.address().port}`,
        hits,
        close: () => new Promise((r) => server.close(r)),
      }),
    ),
  );
}
