import { describe, expect, it } from 'vitest';
import { formatBytes, formatRatio, formatShareOfLimit } from './cache-stats';

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [1, '1 B'],
    [1023, '1,023 B'],
    [1024, '1 KB'],
    [1536, '1.5 KB'],
    [11.7 * 1024, '12 KB'],
    [1024 * 1024 - 1, '1 MB'],
    [64 * 1024 * 1024, '64 MB'],
    [3.25 * 1024 ** 3, '3.3 GB'],
    [2 * 1024 ** 5, '2,048 TB'],
  ])('%d bytes read %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });

  it('never shows a negative size, and follows the locale', () => {
    expect(formatBytes(-5)).toBe('0 B');
    expect(formatBytes(1536, 'de')).toBe('1,5 KB');
  });
});

describe('formatRatio', () => {
  it('is a percentage with at most one decimal', () => {
    expect(formatRatio(0)).toBe('0%');
    expect(formatRatio(0.8734)).toBe('87.3%');
    expect(formatRatio(2 / 3)).toBe('66.7%');
    expect(formatRatio(1)).toBe('100%');
  });

  it('is null before any read, so that the page can say so', () => {
    expect(formatRatio(null)).toBeNull();
  });
});

describe('formatShareOfLimit', () => {
  it('rounds to whole percents within 0–100%, and a limit of 0 reads empty', () => {
    expect(formatShareOfLimit(0, 64)).toBe('0%');
    expect(formatShareOfLimit(16, 64)).toBe('25%');
    expect(formatShareOfLimit(1, 3)).toBe('33%');
    expect(formatShareOfLimit(128, 64)).toBe('100%');
    expect(formatShareOfLimit(5, 0)).toBe('0%');
  });

  it('says "< 1%" for a cache that holds something too small to round to 1%', () => {
    expect(formatShareOfLimit(1200, 64 * 1024 * 1024)).toBe('< 1%');
    expect(formatShareOfLimit(1, 200)).toBe('1%');
  });
});
