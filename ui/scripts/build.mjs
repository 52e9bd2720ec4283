// Builds the dashboard into the directory given (default dist/) and leaves a .gz and a .br beside every
// compressible file plus files.txt listing what the server should serve (it reads them from the jar).
//   node scripts/build.mjs [outDir]
import { build } from 'vite';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { report } from './firstLoad.mjs';

const outDir = resolve(process.argv[2] || 'dist');
await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } });

const walk = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
const files = walk(outDir).filter((p) => !p.endsWith('.gz') && !p.endsWith('.br'));
let js = 0;
let jsGz = 0;
for (const p of files) {
  if (!/\.(js|css|html|svg|json|txt)$/.test(p)) continue;
  const data = readFileSync(p);
  const gz = gzipSync(data, { level: 9 });
  writeFileSync(p + '.gz', gz);
  writeFileSync(p + '.br', brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  if (p.endsWith('.js')) {
    js += data.length;
    jsGz += gz.length;
  }
}
writeFileSync(join(outDir, 'files.txt'), files.map((p) => relative(outDir, p).split('\\').join('/')).join('\n') + '\n');
console.error(`ui: ${files.length} files in ${outDir}; all JS ${(js / 1024).toFixed(0)} KiB, ${(jsGz / 1024).toFixed(0)} KiB gzipped`);
// The budget is on this figure (≤ 250 KB gzipped for the overview); see ui/README.md "Size".
console.error(`ui: first-load JavaScript (index.html's scripts and preloads, and what they import statically):\n${report(outDir)}`);
