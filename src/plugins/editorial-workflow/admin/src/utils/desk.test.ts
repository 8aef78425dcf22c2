import { describe, expect, it } from 'vitest';
import { barShare, chartGeometry, formatDuration, toPoints } from './desk';

describe('formatDuration', () => {
  it.each([
    [null, '—'],
    [undefined, '—'],
    [0, '0 s'],
    [45.4, '45 s'],
    [60, '1 min'],
    [7500, '2 h 5 min'],
    [7200, '2 h'],
    [7230, '2 h'],
    [90000, '1 d 1 h'],
    [86400 + 59, '1 d'],
    [-5, '0 s'],
  ])('%s seconds read "%s"', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});

describe('chartGeometry', () => {
  it('spreads days evenly, puts 0 at the bottom and the largest figure at the top', () => {
    const g = chartGeometry(
      [
        { p50: 100, p90: 200 },
        { p50: 50, p90: 100 },
        { p50: 0, p90: 0 },
      ],
      { width: 100, height: 60, pad: 10 }
    );
    expect(g.max).toBe(200);
    expect(g.xs).toEqual([10, 50, 90]);
    expect(g.p90).toEqual([
      [
        { x: 10, y: 10 },
        { x: 50, y: 30 },
        { x: 90, y: 50 },
      ],
    ]);
    expect(toPoints(g.p50[0])).toBe('10,30 50,40 90,50');
  });

  it('breaks a line at a day without rounds, and centres a single day', () => {
    const g = chartGeometry(
      [
        { p50: 10, p90: 10 },
        { p50: null, p90: null },
        { p50: 10, p90: 20 },
      ],
      { width: 100, height: 60, pad: 10 }
    );
    expect(g.p50.map((run) => run.length)).toEqual([1, 1]);
    expect(chartGeometry([{ p50: 5, p90: 5 }], { width: 100, height: 60, pad: 10 }).xs).toEqual([
      50,
    ]);
  });

  it('keeps a scale of at least 1 when there is nothing to draw', () => {
    const g = chartGeometry([{ p50: null, p90: null }]);
    expect(g.max).toBe(1);
    expect(g.p50).toEqual([]);
  });
});

describe('barShare', () => {
  it('is the share of the largest count, 0 when all are 0', () => {
    expect(barShare(5, [10, 5, 2])).toBe(50);
    expect(barShare(10, [10, 5, 2])).toBe(100);
    expect(barShare(0, [0, 0])).toBe(0);
  });
});
