// What a first visit to the dashboard loads as JavaScript before its first screen can be drawn: the
// scripts and module preloads index.html names, plus every chunk those import statically (transitively).
// Lazy chunks (`import()`) are left out unless index.html preloads them. Sizes are the .gz/.br files the
// build writes beside each asset (gzip -9, brotli 11), or computed the same way when they are missing.
//   node scripts/firstLoad.mjs [dir]      (default dist/)
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

function sizes(path) {
  const raw = readFileSync(path);
  const gz = existsSync(path + '.gz') ? readFileSync(path + '.gz').length : gzipSync(raw, { level: 9 }).length;
  const br = existsSync(path + '.br') ? readFileSync(path + '.br').length : brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  return { raw: raw.length, gz, br };
}

/** The chunks loaded up front, in the order found, with their sizes; `total` sums them. */
export function firstLoad(dir) {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const start = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\.?\/?([^"]+\.js)"/g)].map((m) => m[1]);
  const seen = new Set();
  const queue = [...start];
  while (queue.length) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(dir, file), 'utf8');
    // Static imports only: `import … from"./x.js"` and `import"./x.js"` (not `import("./x.js")`).
    for (const m of code.matchAll(/\bimport\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']\.\/([^"']+\.js)["']/g)) queue.push('assets/' + m[1]);
  }
  const chunks = [...seen].map((file) => ({ file, ...sizes(join(dir, file)) }));
  const total = chunks.reduce((a, c) => ({ raw: a.raw + c.raw, gz: a.gz + c.gz, br: a.br + c.br }), { raw: 0, gz: 0, br: 0 });
  return { chunks, total };
}

export function report(dir) {
  const { chunks, total } = firstLoad(dir);
  const kb = (n) => (n / 1000).toFixed(1).padStart(7) + ' KB';
  const lines = chunks.map((c) => `  ${c.file.padEnd(40)} ${kb(c.raw)} ${kb(c.gz)} gz ${kb(c.br)} br`);
  lines.push(`  ${'first-load JavaScript'.padEnd(40)} ${kb(total.raw)} ${kb(total.gz)} gz ${kb(total.br)} br`);
  return lines.join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(report(resolve(process.argv[2] || 'dist')));
}
