import { describe, expect, it } from 'vitest';
import { isoCode } from './regionShapes';

describe('region shape codes', () => {
  it('HASC-style ids become ISO 3166-2 codes of the same country', () => {
    expect(isoCode('DE', 'DE.BY')).toBe('DE-BY');
    expect(isoCode('US', 'CA')).toBe('US-CA');
    expect(isoCode('CH', 'CH.ZH')).toBe('CH-ZH');
  });
  it('ids that are incomplete or of another country match nothing', () => {
    expect(isoCode('FR', 'MQ.')).toBeNull();
    expect(isoCode('ES', '-99')).toBeNull();
    expect(isoCode('FR', 'GF.GF')).toBeNull();
    expect(isoCode('DE', undefined)).toBeNull();
  });
});
