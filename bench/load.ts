/** A closed-loop load: `concurrency` workers each repeat `request` until `durationMs` has passed. */
export async function measureLoad(options: { concurrency: number; durationMs: number; warmupMs?: number; request: (worker: number) => Promise<void> }) {
  const { concurrency, durationMs, warmupMs = 1000, request } = options;
  const warmupEnd = performance.now() + warmupMs;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (performance.now() < warmupEnd) await request(worker);
    }),
  );
  const latencies: number[] = [];
  let errors = 0;
  const start = performance.now();
  const end = start + durationMs;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (performance.now() < end) {
        const before = performance.now();
        try {
          await request(worker);
          latencies.push(performance.now() - before);
        } catch {
          errors++;
        }
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  const quantile = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return { requests: latencies.length, errors, rps: latencies.length / elapsed, p50: quantile(0.5), p95: quantile(0.95), p99: quantile(0.99) };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * An open-loop load: requests start at a fixed rate whatever the server does (as a crowd of requesters
 * would), so a slow server shows up as latency and a backlog rather than as a politely lower rate.
 */
export async function measureRate(options: { ratePerSecond: number; durationMs: number; request: (index: number) => Promise<void> }) {
  const { ratePerSecond, durationMs, request } = options;
  const total = Math.round((ratePerSecond * durationMs) / 1000);
  const latencies: number[] = [];
  let errors = 0;
  const start = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let index = 0; index < total; index++) {
    const due = start + (index * 1000) / ratePerSecond;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const before = performance.now();
    inFlight.push(
      request(index).then(
        () => void latencies.push(performance.now() - before),
        () => void errors++,
      ),
    );
  }
  await Promise.all(inFlight);
  const elapsed = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  const quantile = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return { offered: total, completed: latencies.length, errors, rps: latencies.length / elapsed, p50: quantile(0.5), p95: quantile(0.95), p99: quantile(0.99) };
}
