import { describe, expect, it } from 'vitest';
import { acceptsGzip } from '../../src/server/platform/encoded-json';
import { createFigureCache } from '../../src/server/platform/figure-cache';

describe('acceptsGzip', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['gzip', true],
    ['gzip, deflate, br', true],
    ['br;q=1.0, gzip;q=0.8', true],
    ['GZIP', true],
    ['*', true],
    ['gzip;q=0', false],
    ['br, gzip; q=0', false],
    ['identity', false],
    ['x-gzip', false],
  ])('%s → %s', (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });
});

describe('the figure cache within a byte budget', () => {
  const sized = (bytes: number) => ({ bytes });
  const sizeOf = (value: unknown) => (value as { bytes: number }).bytes;

  it('lets the least recently used entries go when the budget is spent, and keeps nothing larger than the budget', async () => {
    const cache = createFigureCache({ maxEntries: 100, ttlMs: 60_000, maxBytes: 10, sizeOf });
    let computed = 0;
    const get = (key: string, bytes: number) => cache.getOrCompute(key, async () => (computed++, sized(bytes)));
    await get('a', 4);
    await get('b', 4);
    await get('a', 4); // a is now the most recently used
    expect(computed).toBe(2);
    await get('c', 4); // 12 > 10: b goes, not a
    await get('a', 4);
    expect(computed).toBe(3);
    await get('b', 4);
    expect(computed).toBe(4);
    await get('huge', 11);
    await get('huge', 11);
    expect(computed).toBe(6);
  });

  it('counts entries when no size is given, and recomputes after the time to live', async () => {
    let clock = 0;
    const cache = createFigureCache({ maxEntries: 2, ttlMs: 1_000, now: () => clock });
    let computed = 0;
    const get = (key: string) => cache.getOrCompute(key, async () => ++computed);
    await get('a');
    await get('b');
    await get('c'); // a goes
    expect(await get('b')).toBe(2);
    expect(await get('a')).toBe(4);
    clock = 1_001;
    expect(await get('a')).toBe(5);
  });
});
