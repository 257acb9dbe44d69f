/**
 * Figures computed once per state of a tenant's data. The key carries everything the figures depend on (for
 * reports: the programme and its version, the window, the day, and the tenant's data stamp, see findDataStamp;
 * for public plans: the plan's updated_at and version), so a change to any of them misses and recomputes;
 * entries also expire after `ttlMs`, which bounds how long a concurrent write that the stamp could not see (on a
 * server, a transaction committing out of order) stays out.
 *
 * The least recently used entry goes first when there are `maxEntries`, or, given `sizeOf`, when the entries
 * weigh more than `maxBytes` (a 2,000-node public plan's body is 2 MB; a whole plan's indicators 23 MB).
 *
 * Why: on the embedded database a fiscal year of a large desk (50,000 cases) takes PGlite 0.2–1.2 s to count,
 * and the dashboard is opened far more often than the data changes (ADR 0014, Performance).
 */
export function createFigureCache(options: { maxEntries: number; ttlMs: number; now?: () => number; maxBytes?: number; sizeOf?: (value: unknown) => number }) {
  const entries = new Map<string, { value: unknown; expiresAt: number; bytes: number }>();
  const now = options.now ?? Date.now;
  let totalBytes = 0;
  const remove = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    totalBytes -= entry.bytes;
  };
  return {
    async getOrCompute<T>(key: string, compute: () => Promise<T>): Promise<T> {
      const entry = entries.get(key);
      if (entry && entry.expiresAt > now()) {
        entries.delete(key); // most recently used last
        entries.set(key, entry);
        return entry.value as T;
      }
      const value = await compute();
      remove(key);
      const bytes = options.sizeOf?.(value) ?? 0;
      while (entries.size > 0 && (entries.size >= options.maxEntries || (options.maxBytes !== undefined && totalBytes + bytes > options.maxBytes))) {
        remove(entries.keys().next().value!);
      }
      // A value larger than the whole budget is answered but not kept.
      if (options.maxBytes === undefined || bytes <= options.maxBytes) {
        entries.set(key, { value, expiresAt: now() + options.ttlMs, bytes });
        totalBytes += bytes;
      }
      return value;
    },
  };
}

export type FigureCache = ReturnType<typeof createFigureCache>;
