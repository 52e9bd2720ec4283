// Minifies src/tracker.js into dist/script.js (or --out PATH) and enforces the size budget.
// Usage: node build.mjs [--out path/to/script.js]
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_GZIP_BYTES = 2000;

const here = dirname(fileURLToPath(import.meta.url));
const outIndex = process.argv.indexOf('--out');
const outFile = outIndex > 0 ? resolve(process.argv[outIndex + 1]) : resolve(here, 'dist/script.js');

const result = await build({
  entryPoints: [resolve(here, 'src/tracker.js')],
  bundle: false,
  minify: true,
  format: 'iife',
  target: 'es2017',
  legalComments: 'none',
  write: false,
});
const code = result.outputFiles[0].text;
// The server swaps this literal for COLLECT_API_ENDPOINT when serving the script, so it
// must appear exactly once.
if (code.split('"/api/send"').length !== 2) {
  console.error('tracker: the output must contain the literal "/api/send" exactly once');
  process.exit(1);
}
const gzipped = gzipSync(code, { level: 9 }).length;

mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, code);
console.log(`tracker: ${outFile} ${code.length} bytes, ${gzipped} bytes gzipped (budget ${BUDGET_GZIP_BYTES})`);
if (gzipped > BUDGET_GZIP_BYTES) {
  console.error(`tracker: over budget by ${gzipped - BUDGET_GZIP_BYTES} bytes gzipped`);
  process.exit(1);
}
