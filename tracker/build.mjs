// Minifies src/tracker.js into dist/script.js (or --out PATH), the Umami-compatible tracker, and
// src/tinytrail.js into tracker.js beside it (TinyTrail's /js/tracker.js); enforces both size budgets.
// Usage: node build.mjs [--out path/to/script.js]
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_GZIP_BYTES = 2000;
const TINYTRAIL_BUDGET_GZIP_BYTES = 1500;

const here = dirname(fileURLToPath(import.meta.url));
const outIndex = process.argv.indexOf('--out');
const outFile = outIndex > 0 ? resolve(process.argv[outIndex + 1]) : resolve(here, 'dist/script.js');

const minify = async (entry) => {
  const result = await build({
    entryPoints: [resolve(here, entry)],
    bundle: false,
    minify: true,
    format: 'iife',
    target: 'es2017',
    legalComments: 'none',
    write: false,
  });
  return result.outputFiles[0].text;
};

/** Writes one script and fails the build when it is over its gzip budget. */
const emit = (file, code, budget) => {
  const gzipped = gzipSync(code, { level: 9 }).length;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, code);
  console.log(`tracker: ${file} ${code.length} bytes, ${gzipped} bytes gzipped (budget ${budget})`);
  if (gzipped > budget) {
    console.error(`tracker: ${file} over budget by ${gzipped - budget} bytes gzipped`);
    process.exit(1);
  }
};

const code = await minify('src/tracker.js');
// The server swaps this literal for COLLECT_API_ENDPOINT when serving the script, so it
// must appear exactly once.
if (code.split('"/api/send"').length !== 2) {
  console.error('tracker: the output must contain the literal "/api/send" exactly once');
  process.exit(1);
}
emit(outFile, code, BUDGET_GZIP_BYTES);
emit(resolve(dirname(outFile), 'tracker.js'), await minify('src/tinytrail.js'), TINYTRAIL_BUDGET_GZIP_BYTES);
