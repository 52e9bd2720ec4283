import { describe, expect, it } from 'vitest';
import { barPath, clampLabel, labelStep, niceTicks, shade, shadeAll, shownLabels } from './chartMath';

describe('niceTicks', () => {
  it('covers the largest value with round, whole steps', () => {
    expect(niceTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(100)).toEqual([0, 25, 50, 75, 100]);
    expect(niceTicks(1234)).toEqual([0, 500, 1000, 1500]);
    expect(niceTicks(98_765)).toEqual([0, 25_000, 50_000, 75_000, 100_000]);
    expect(niceTicks(3)).toEqual([0, 1, 2, 3]);
  });
  it('never steps below one (counts) and never 2.5 below ten', () => {
    expect(niceTicks(1)).toEqual([0, 1]);
    expect(niceTicks(9)).toEqual([0, 5, 10]);
    expect(niceTicks(0.4)).toEqual([0, 1]);
  });
  it('draws 0..1 for an empty or broken series', () => {
    expect(niceTicks(0)).toEqual([0, 1]);
    expect(niceTicks(NaN)).toEqual([0, 1]);
    expect(niceTicks(-5)).toEqual([0, 1]);
  });
  it('ends at or above the value, with at most count + 1 intervals', () => {
    for (const max of [1, 2, 5, 11, 19, 37, 99, 101, 555, 999, 1001, 4321, 77_777, 1e6 + 1]) {
      const t = niceTicks(max);
      expect(t[t.length - 1]).toBeGreaterThanOrEqual(max);
      expect(t.length - 1).toBeLessThanOrEqual(5);
      expect(t.every((v) => Number.isInteger(v))).toBe(true);
    }
  });
});

describe('x-axis label thinning', () => {
  it('keeps every label when the widest fits its bucket', () => {
    expect(labelStep([30, 40, 35], 60)).toBe(1);
  });
  it('draws every k-th label so that the widest plus a gap fits k buckets', () => {
    // 90 days on a 700 px plot: 7.8 px a bucket, "Sep 30" ~33 px + 8 px gap → every 6th.
    expect(labelStep(Array(90).fill(33), 700 / 90)).toBe(6);
    expect(shownLabels(90, 6)).toEqual([0, 6, 12, 18, 24, 30, 36, 42, 48, 54, 60, 66, 72, 78, 84]);
    // A phone: 24 hours on 300 px, "13:00" 28 px.
    expect(labelStep(Array(24).fill(28), 300 / 24)).toBe(3);
  });
  it('labels drawn with the step never overlap', () => {
    for (const [n, plot, w] of [[90, 700, 33], [31, 320, 40], [720, 1200, 28], [12, 250, 50], [30, 1400, 30]]) {
      const band = plot / n;
      const step = labelStep(Array(n).fill(w), band);
      const xs = shownLabels(n, step).map((i) => band * i + band / 2);
      for (let i = 1; i < xs.length; i++) expect(xs[i] - xs[i - 1]).toBeGreaterThanOrEqual(w + 8);
    }
  });
  it('handles no labels and a zero-width plot', () => {
    expect(labelStep([], 10)).toBe(1);
    expect(labelStep([20], 0)).toBe(1);
    expect(shownLabels(0, 3)).toEqual([]);
  });
  it('keeps the first and last labels inside the chart', () => {
    expect(clampLabel(5, 40, 500)).toBe(20);
    expect(clampLabel(495, 40, 500)).toBe(480);
    expect(clampLabel(250, 40, 500)).toBe(250);
    expect(clampLabel(10, 600, 500)).toBe(250);
  });
});

describe('shade', () => {
  it('goes linearly in RGB from the low colour at 0 to the high colour at the maximum', () => {
    expect(shade(0, 100, '#cfe0ff', '#2f6feb')).toBe('rgb(207,224,255)');
    expect(shade(100, 100, '#cfe0ff', '#2f6feb')).toBe('rgb(47,111,235)');
    expect(shade(50, 100, '#000000', '#ffffff')).toBe('rgb(128,128,128)');
    expect(shade(25, 100, '#000000', '#ff0000')).toBe('rgb(64,0,0)');
  });
  it('clamps values outside 0..max and non-numbers', () => {
    expect(shade(-3, 10, '#000000', '#ffffff')).toBe('rgb(0,0,0)');
    expect(shade(30, 10, '#000000', '#ffffff')).toBe('rgb(255,255,255)');
    expect(shade(NaN, 10, '#000000', '#ffffff')).toBe('rgb(0,0,0)');
  });
  it('shades every area against the largest value (at least 1)', () => {
    const m = shadeAll([{ x: 'DE', y: 40 }, { x: 'FR', y: 10 }, { x: 'IT', y: 0 }], '#000000', '#ffffff');
    expect(m.get('DE')).toEqual({ value: 40, fill: 'rgb(255,255,255)' });
    expect(m.get('FR')).toEqual({ value: 10, fill: 'rgb(64,64,64)' });
    expect(m.get('IT')).toEqual({ value: 0, fill: 'rgb(0,0,0)' });
    // One visitor in total is the full colour, not a division by zero.
    expect(shadeAll([{ x: 'US', y: 1 }], '#000000', '#ffffff').get('US')?.fill).toBe('rgb(255,255,255)');
    expect(shadeAll([{ x: 'US', y: 0.5 }], '#000000', '#ffffff').get('US')?.fill).toBe('rgb(128,128,128)');
  });
});

describe('barPath', () => {
  it('rounds the two top corners of a bar from the baseline up', () => {
    expect(barPath(10, 20, 50, 150)).toBe('M10,150V53Q10,50 13,50H27Q30,50 30,53V150Z');
  });
  it('makes the radius fit a thin or short bar, and draws nothing for a zero', () => {
    expect(barPath(0, 4, 148, 150)).toBe('M0,150V150Q0,148 2,148H2Q4,148 4,150V150Z');
    expect(barPath(0, 10, 150, 150)).toBe('');
  });
});
