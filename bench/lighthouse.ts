import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { chromium } from 'playwright-core';

/**
 * Lighthouse (performance and accessibility, desktop and mobile) on a page of the running built server, in
 * Debian's Chromium with the flags of the browser tests: headless, no network of its own (everything is on
 * loopback). The full reports go to `reportDir` (lighthouse-<label>-<form factor>.json, large); the summary —
 * scores, the main metrics and the audits that do not pass — is returned for latest.json. Before that, a plain
 * page load records whether the page exists: it asks for `apiPath` (a not-found page would not).
 */

/** The browser tests' flags (tests/e2e/support/browser.ts); each run also gets a fresh --user-data-dir. */
export const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const METRICS = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index', 'interactive'] as const;

export function chromiumPath(): string {
  try {
    return execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim() || '/usr/bin/chromium';
  } catch {
    return '/usr/bin/chromium';
  }
}

interface AuditSummary {
  id: string;
  title: string;
  score: number | null;
  /** Its weight in the category's score (0: an insight or diagnostic, shown but not scored). */
  weight: number;
  displayValue?: string;
  items?: number;
}

export async function benchLighthouse(url: string, apiPath: string, options: { reportDir: string; label: string; log: (line: string) => void }) {
  const { log } = options;
  const executable = chromiumPath();
  const page = await checkPage(url, apiPath, executable, path.join(options.reportDir, `page-${options.label}.png`));
  log(
    `public plan page ${url}: ${page.exists ? 'exists' : 'NOT FOUND (the route is missing: the scores are those of the not-found page)'}` +
      ('title' in page ? ` — title 「${page.title}」, h1 「${page.heading ?? ''}」 after ${page.headingSeconds} s, ${page.domElements} elements, screenshot after ${page.screenshotSeconds} s` : ` — ${page.error}`),
  );
  log(`  its API: ${page.api.map((entry) => `${entry.path.replace(/^.*\/plans\/[^/]+/, '…')} ${entry.status} at ${entry.atSeconds} s`).join(', ')}`);
  const results: Record<string, unknown> = { url, page };
  for (const formFactor of ['desktop', 'mobile'] as const) {
    const profile = mkdtempSync(path.join(options.reportDir, 'chrome-profile-'));
    const chrome = await launch({ chromePath: executable, chromeFlags: CHROMIUM_FLAGS, userDataDir: profile, logLevel: 'silent' });
    const started = performance.now();
    try {
      const result = await lighthouse(
        url,
        // maxWaitForLoad bounds a page that keeps the network or the main thread busy (the report then says so).
        { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'], maxWaitForLoad: 45_000 },
        formFactor === 'desktop' ? desktopConfig : undefined,
      );
      if (!result) throw new Error('Lighthouse returned nothing');
      const { lhr } = result;
      const file = path.join(options.reportDir, `lighthouse-${options.label}-${formFactor}.json`);
      mkdirSync(options.reportDir, { recursive: true });
      writeFileSync(file, typeof result.report === 'string' ? result.report : JSON.stringify(lhr));
      // Audits that do not pass: weighted ones (the metrics; every accessibility audit) first, then insights and diagnostics.
      const failing = (category: string): AuditSummary[] =>
        (lhr.categories[category]?.auditRefs ?? [])
          .map((ref) => ({ ref, audit: lhr.audits[ref.id]! }))
          .filter(({ audit }) => audit.score !== null && audit.score < 1 && !['notApplicable', 'informative', 'manual'].includes(audit.scoreDisplayMode))
          .sort((a, b) => b.ref.weight - a.ref.weight)
          .map(({ ref, audit }) => ({
            id: audit.id,
            title: audit.title,
            score: audit.score,
            weight: ref.weight,
            ...(audit.displayValue ? { displayValue: audit.displayValue } : {}),
            ...(audit.details && 'items' in audit.details && Array.isArray(audit.details.items) ? { items: audit.details.items.length } : {}),
          }));
      const score = (category: string) => (lhr.categories[category]?.score === null || lhr.categories[category]?.score === undefined ? null : Math.round(lhr.categories[category]!.score! * 100));
      const summary = {
        performance: score('performance'),
        accessibility: score('accessibility'),
        metrics: Object.fromEntries(METRICS.filter((id) => lhr.audits[id]).map((id) => [id, { value: +(lhr.audits[id]!.numericValue ?? NaN).toFixed(id === 'cumulative-layout-shift' ? 3 : 0), display: lhr.audits[id]!.displayValue }])),
        failingPerformance: failing('performance'),
        failingAccessibility: failing('accessibility'),
        runWarnings: lhr.runWarnings,
        runtimeError: lhr.runtimeError?.message ?? null,
        finalUrl: lhr.finalDisplayedUrl,
        seconds: +((performance.now() - started) / 1000).toFixed(1),
        report: path.relative(path.resolve(options.reportDir, '../..'), file),
      };
      results[formFactor] = summary;
      const metric = (id: string) => summary.metrics[id]?.display ?? '–';
      log(
        `Lighthouse ${formFactor}: performance ${summary.performance}, accessibility ${summary.accessibility} ` +
          `(FCP ${metric('first-contentful-paint')}, LCP ${metric('largest-contentful-paint')}, TBT ${metric('total-blocking-time')}, CLS ${metric('cumulative-layout-shift')}; ${summary.seconds} s)`,
      );
      for (const audit of [...summary.failingPerformance, ...summary.failingAccessibility]) {
        log(`  ✗ ${audit.id}: ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''}, score ${audit.score}${audit.weight > 0 ? `, weight ${audit.weight}` : ' (not scored)'}`);
      }
      if (summary.runtimeError) log(`  runtime error: ${summary.runtimeError}${lhr.runtimeError?.artifactKey ? ` (${lhr.runtimeError.artifactKey})` : ''}`);
      if (summary.runWarnings.length > 0) log(`  warnings: ${summary.runWarnings.join(' | ').slice(0, 400)}`);
    } catch (error) {
      results[formFactor] = { error: (error as Error).message };
      log(`Lighthouse ${formFactor} failed: ${(error as Error).message}`);
    } finally {
      chrome.kill();
      rmSync(profile, { recursive: true, force: true });
    }
  }
  return results;
}

/**
 * Loads the page once in Chromium: does it ask for the plan's API (the page exists), what does it show, how long
 * its API answers and its first heading take, how large the DOM grows; and a screenshot. Never fails the step.
 */
async function checkPage(url: string, apiPath: string, executablePath: string, screenshot: string) {
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_FLAGS });
  const started = performance.now();
  const seconds = () => +((performance.now() - started) / 1000).toFixed(2);
  const api: { path: string; status: number; bytes: number | null; atSeconds: number }[] = [];
  const external: string[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const origin = new URL(url).origin;
    page.on('request', (request) => {
      const target = request.url();
      if (!target.startsWith(origin) && !target.startsWith('data:') && !target.startsWith('blob:')) external.push(target);
    });
    page.on('response', (response) => {
      if (!response.url().startsWith(`${origin}/api/`)) return;
      const bytes = Number(response.headers()['content-length'] ?? NaN);
      api.push({ path: new URL(response.url()).pathname, status: response.status(), bytes: Number.isFinite(bytes) ? bytes : null, atSeconds: seconds() });
    });
    const response = await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    const loadSeconds = seconds();
    await page.waitForLoadState('networkidle', { timeout: 120_000 }).catch(() => undefined);
    const title = await page.title().catch(() => '');
    const heading = (await page.locator('h1').first().textContent({ timeout: 120_000 }).catch(() => null))?.trim() ?? null;
    const headingSeconds = seconds();
    const domElements = await page.evaluate(() => document.querySelectorAll('*').length).catch(() => null);
    const settledSeconds = seconds();
    const shot = await page.screenshot({ path: screenshot, timeout: 30_000 }).then(
      () => null,
      (error: Error) => error.message.split('\n')[0],
    );
    return {
      exists: api.some((entry) => entry.path.startsWith(apiPath)),
      status: response?.status() ?? null,
      title,
      heading,
      loadSeconds,
      headingSeconds,
      settledSeconds,
      screenshotSeconds: seconds(),
      domElements,
      api,
      externalRequests: external,
      ...(shot ? { screenshotError: shot } : {}),
    };
  } catch (error) {
    return { exists: api.some((entry) => entry.path.startsWith(apiPath)), error: (error as Error).message.split('\n')[0], api, externalRequests: external };
  } finally {
    await browser.close();
  }
}
