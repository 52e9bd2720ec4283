#!/usr/bin/env node
// Generates src/main/resources/geo/subdivisions.tsv: country \t normalized-name \t ISO 3166-2 code.
//
// Sources (fetched with `npm pack` into a temp dir):
//  - npm `iso-3166` (MIT): the ISO 3166-2 codes with their official, mostly local-language names;
//  - npm `country-region-data` (MIT): English region names with ISO 3166-2 suffixes, used only for
//    codes that iso-3166 confirms;
//  - the hand-written scripts/subdivision-aliases.tsv (names as DB-IP writes them that neither covers).
// Run once after changing any of them:
//
//   node scripts/gen-subdivisions.mjs
//
// Every name is keyed twice: by its full normalized form (rows whose name starts with '=') and by
// that form without the STOP words. Lookups try the full form first, so "City of Zagreb" (HR-21) and
// "Zagreb County" (HR-01) stay distinct although both strip to "zagreb", which is then ambiguous and
// dropped. A key that two sources of equal rank give different codes is dropped (null is better than
// a wrong code).
//
// tokens()/normalize() must stay identical to io.footfall.collect.geo.SubdivisionCodes.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ISO_VERSION = '4.4.0';
const CRD_VERSION = '4.1.0';
const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');

// Words that name the kind of subdivision rather than the subdivision itself.
export const STOP = new Set((
  'the of de del della di du des la le les da do dos das al el ' +
  'province provincia provinsi provincie provinz prefecture region regione regiao ' +
  'county state estado district distrito municipality municipio municipalite ' +
  'department departement departamento governorate oblast oblys oblysy kray krai okrug ' +
  'autonomous republic respublika voivodeship canton kanton parish city shi sheng zizhiqu ' +
  'territory capital federal special administrative area emirate division ' +
  'gouvernorat wilaya vilayeti ili atoll island islands ' +
  'il ix iz is ir it in id ic ' +
  'urban opstina obcina raionul rajons novads atholhu'
).split(/\s+/));

const SYNONYMS = { st: 'saint', ste: 'sainte' };

export function tokens(name) {
  let s = name.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
  s = s.replace(/ß/g, 'ss').replace(/[øǿ]/g, 'o').replace(/æ/g, 'ae').replace(/œ/g, 'oe')
    .replace(/ł/g, 'l').replace(/[đð]/g, 'd').replace(/þ/g, 'th').replace(/ı/g, 'i').replace(/ħ/g, 'h');
  s = s.replace(/['’‘ʼʻ`´]/g, '');
  return s.split(/[^a-z0-9]+/).filter(Boolean).map((t) => SYNONYMS[t] ?? t);
}

/** The full normalized form: case, accents, punctuation and apostrophes folded. */
export function normalizeFull(name) {
  return tokens(name).join(' ');
}

/** The normalized form without STOP words (unless nothing else is left). */
export function normalize(name) {
  const all = tokens(name);
  const kept = all.filter((t) => !STOP.has(t));
  return (kept.length ? kept : all).join(' ');
}

function npmPack(name, version) {
  const dir = mkdtempSync(join(tmpdir(), `${name}-`));
  execFileSync('npm', ['pack', `${name}@${version}`, '--silent'], { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'] });
  execFileSync('tar', ['xzf', `${name}-${version}.tgz`], { cwd: dir });
  return join(dir, 'package');
}

async function main() {
  const iso = (await import(pathToFileURL(join(npmPack('iso-3166', ISO_VERSION), '2.js')).href)).iso31662;
  const crd = JSON.parse(readFileSync(join(npmPack('country-region-data', CRD_VERSION), 'data.json'), 'utf8'));
  const known = new Map(iso.map((e) => [e.code, e]));
  const full = new Map(); // country\tfull-norm -> {code, rank, ambiguous}
  const stripped = new Map(); // country\tnorm -> {code, rank, ambiguous}

  function putKey(rows, key, code, rank) {
    const prev = rows.get(key);
    if (!prev || rank < prev.rank) rows.set(key, { code, rank });
    else if (prev.rank === rank && prev.code !== code) prev.ambiguous = true;
  }

  function put(country, name, code, rank) {
    const f = normalizeFull(name);
    if (!f) return;
    putKey(full, `${country}\t${f}`, code, rank);
    putKey(stripped, `${country}\t${normalize(name)}`, code, rank);
  }

  for (const e of iso) {
    const country = e.code.slice(0, 2);
    const topLevel = e.parent === country;
    put(country, e.name, e.code, topLevel ? 2 : 3);
    // names such as "Bayern [Bavaria]" or "Bruxelles-Capitale, Région de" carry alternatives
    for (const part of e.name.split(/\s*[\[\]\/(),;]\s*/).filter(Boolean)) put(country, part, e.code, topLevel ? 2 : 3);
  }

  for (const c of crd) {
    for (const r of c.regions) {
      const e = known.get(`${c.countryShortCode}-${r.shortCode}`);
      if (!e) continue;
      const rank = e.parent === c.countryShortCode ? 2 : 3;
      put(c.countryShortCode, r.name, e.code, rank);
      for (const part of r.name.split(/\s*[\[\]\/(),;]\s*/).filter(Boolean)) put(c.countryShortCode, part, e.code, rank);
    }
  }

  const aliasFile = join(here, 'subdivision-aliases.tsv');
  if (existsSync(aliasFile)) {
    for (const line of readFileSync(aliasFile, 'utf8').split('\n')) {
      if (!line.trim() || line.startsWith('#')) continue;
      const [country, name, code] = line.split('\t').map((x) => x.trim());
      if (!known.has(code)) {
        console.error(`alias ${country}/${name}: unknown code ${code}, skipped`);
        continue;
      }
      put(country, name, code, 1);
    }
  }

  const out = [...stripped.entries()].filter(([, v]) => !v.ambiguous).map(([k, v]) => `${k}\t${v.code}`);
  for (const [k, v] of full) {
    if (v.ambiguous) continue;
    const s = stripped.get(k); // the stripped lookup already gives this code: no row needed
    if (s && !s.ambiguous && s.code === v.code) continue;
    const [country, name] = k.split('\t');
    out.push(`${country}\t=${name}\t${v.code}`);
  }
  out.sort();
  const header = `# generated by scripts/gen-subdivisions.mjs from npm iso-3166@${ISO_VERSION}, country-region-data@${CRD_VERSION} (both MIT) and scripts/subdivision-aliases.tsv\n# stop: ${[...STOP].join(' ')}\n# country\tnormalized-name\tiso-3166-2\n`;
  writeFileSync(join(root, 'src/main/resources/geo/subdivisions.tsv'), header + out.join('\n') + '\n');
  console.error(`wrote ${out.length} rows`);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await main();
