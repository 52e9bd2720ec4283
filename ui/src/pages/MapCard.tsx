import { t } from '../i18n';
import './mapAndCompare.css';
import { useApi } from '../lib/cache';
import { countryName, formatNumber } from '../lib/format';
import { setSearch, useLocation } from '../lib/router';
import type { RangeState } from '../lib/useRange';
import { COUNTRY_LIMIT, filterBy } from '../components/MetricPanel';
import { RegionMap, WorldMap } from '../components/charts';
import { ErrorBox } from '../components/ui';
import type { Website } from './WebsitesPage';

type Row = { x: string; y: number };

/**
 * The overview's map: countries, and a click drills into the country's regions (map=DE in the URL, so a
 * link reproduces it). A click on a region filters the page by it; "World" goes back.
 */
export function MapCard({ site, range, fp }: { site: Website; range: RangeState; fp: Record<string, string> }) {
  const { search } = useLocation();
  const drill = /^[A-Z]{2}$/.test(search.get('map') ?? '') ? search.get('map')! : null;
  const countries = useApi<Row[]>(`/websites/${site.id}/metrics`, { ...range.params, ...fp, type: 'country', limit: COUNTRY_LIMIT });
  const regions = useApi<Row[]>(drill ? `/websites/${site.id}/metrics` : null, { ...range.params, ...fp, country: `eq.${drill}`, type: 'region', limit: 500 });
  const q = drill ? regions : countries;
  const rows = (q.data ?? []).filter((r) => r.x);
  const visitors = rows.reduce((n, r) => n + r.y, 0);
  return (
    <section className="card map-card" aria-label={t('overview.map')}>
      <div className="map-head">
        {drill ? (
          <>
            <button className="btn small" onClick={() => setSearch({ map: null })}>
              ‹ {t('map.world')}
            </button>
            <h2 className="card-title">{t('map.regionsOf', { country: countryName(drill) })}</h2>
          </>
        ) : (
          <>
            <h2 className="card-title">{t('overview.map')}</h2>
            {rows.length > 0 && (
              // The keyboard's way into a country (the map itself is pointer only).
              <select className="map-drill" aria-label={t('map.drill')} value="" onChange={(e) => e.target.value && setSearch({ map: e.target.value })}>
                <option value="">{t('map.drill')}</option>
                {rows.filter((r) => /^[A-Z]{2}$/.test(r.x)).map((r) => (
                  <option key={r.x} value={r.x}>
                    {countryName(r.x)}
                  </option>
                ))}
              </select>
            )}
          </>
        )}
        {drill && q.data && (
          <span className="muted small map-count" data-testid="region-count">
            {t('map.regionCount', { n: rows.length, visitors: formatNumber(visitors) })}
          </span>
        )}
      </div>
      {q.error && <ErrorBox error={q.error} onRetry={q.reload} />}
      {drill ? (
        <RegionMap country={drill} data={rows} empty={t('map.noShapes')} onSelect={(code) => /^[A-Z]{2}-/.test(code) && filterBy('region', code, { loc: 'region' })} />
      ) : (
        <WorldMap data={countries.data ?? []} label={countryName} onSelect={(code) => /^[A-Z]{2}$/.test(code) && setSearch({ map: code })} />
      )}
    </section>
  );
}
