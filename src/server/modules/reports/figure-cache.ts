/**
 * Report figures computed once per state of a tenant's data. The key carries everything the figures depend on
 * (the programme and its version, the window, the day, and the tenant's data stamp: see findDataStamp), so a
 * change to any of them misses and recomputes; entries also expire after `ttlMs`, which bounds how long a
 * concurrent write that the stamp could not see (on a server, a transaction committing out of order) stays out.
 *
 * Why: on the embedded database a fiscal year of a large desk (50,000 cases) takes PGlite 0.2–1.2 s to count,
 * and the dashboard is opened far more often than the data changes (ADR 0014, Performance).
 */
export function createFigureCache(options: { maxEntries: number; ttlMs: number; now?: () => number }) {
  const entries = new Map<string, { value: unknown; expiresAt: number }>();
  const now = options.now ?? Date.now;
  return {
    async getOrCompute<T>(key: string, compute: () => Promise<T>): Promise<T> {
      const entry = entries.get(key);
      if (entry && entry.expiresAt > now()) {
        entries.delete(key); // most recently used last
        entries.set(key, entry);
        return entry.value as T;
      }
      const value = await compute();
      entries.delete(key);
      if (entries.size >= options.maxEntries) entries.delete(entries.keys().next().value!);
      entries.set(key, { value, expiresAt: now() + options.ttlMs });
      return value;
    },
  };
}

export type FigureCache = ReturnType<typeof createFigureCache>;
