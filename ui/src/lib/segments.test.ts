import { describe as group, expect, it } from 'vitest';
import { describe, pickChanges, pickedValue, savedParams, segmentParameters } from './segments';

group('segments', () => {
  it('turns the current filters into segment parameters', () => {
    expect(segmentParameters([{ column: 'path', op: 'eq', value: '/pricing' }], true)).toEqual({ filters: [{ name: 'path', operator: 'eq', value: '/pricing' }], match: 'all' });
    expect(
      segmentParameters(
        [
          { column: 'path', op: 'eq', value: '/a' },
          { column: 'browser', op: 'neq', value: 'chrome' },
        ],
        true,
      ).match,
    ).toBe('any');
  });
  it('reads segment and cohort from the URL, one at a time in the picker', () => {
    const q = new URLSearchParams('segment=s1&path=eq./a');
    expect(savedParams(q)).toEqual({ segment: 's1' });
    expect(pickedValue(q)).toBe('segment:s1');
    expect(pickedValue(new URLSearchParams('cohort=c9'))).toBe('cohort:c9');
    expect(pickChanges('cohort:c9')).toEqual({ segment: null, cohort: 'c9' });
    expect(pickChanges('')).toEqual({ segment: null, cohort: null });
  });
  it('describes what is kept', () => {
    expect(describe({ filters: [{ name: 'path', operator: 'eq', value: '/a' }, { name: 'browser', operator: 'neq', value: 'chrome' }], match: 'all' })).toBe('path = /a and browser ≠ chrome');
    expect(describe({ action: { type: 'event', value: 'signup' }, dateRange: '30day', filters: [] })).toBe('event = signup (30day)');
    expect(describe(null)).toBe('');
  });
});
