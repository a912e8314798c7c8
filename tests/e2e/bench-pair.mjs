// Two builds side by side, for a change's before and after on a noisy machine: cold loads of each
// build's demo page, alternating between the two (A, B, A, B, …) so that a slow moment of the machine
// falls on both alike, at CPU 1× and slowed 4×. Prints medians, no pass/fail.
//
//   node tests/e2e/bench-pair.mjs <dist A> <dist B>    (e.g. a build of main against this change's)
//   BENCH_RUNS=25 node tests/e2e/bench-pair.mjs …      more loads per build and CPU (default 15)
//
// What is measured is the benchmark's first row (tests/e2e/bench.mjs): navigation start → the first
// checklist checkbox in the widget's shadow root, and the longest task before it.

import path from 'node:path';
import { startServer } from './server.mjs';
import { launchBrowser } from './harness.mjs';

const RUNS = Math.max(1, Number.parseInt(process.env.BENCH_RUNS ?? '15', 10) || 15);
const dists = process.argv.slice(2, 4).map((d) => path.resolve(d));
if (dists.length !== 2) throw new Error('bench-pair.mjs: give two built folders (dist A, dist B)');

/** Page-side: when the first checkbox appears (in the document or a shadow root), and the long tasks. */
function watch() {
  window.__seen = null;
  window.__longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  const roots = [document];
  const check = () => {
    if (window.__seen === null && roots.some((root) => root.querySelector('.rw-check input'))) {
      window.__seen = performance.now();
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attachShadow.call(this, init);
    roots.push(root);
    new MutationObserver(check).observe(root, { childList: true, subtree: true });
    return root;
  };
}

async function coldLoad(browser, url, cpu) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    await context.route('**/*', (route) =>
      new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort('blockedbyclient'),
    );
    await context.addInitScript(watch);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    if (cpu !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
    await page.goto(url);
    await page.waitForFunction(() => window.__seen !== null, null, { timeout: 60_000 });
    return await page.evaluate(() => ({ seen: window.__seen, longest: Math.max(0, ...window.__longTasks) }));
  } finally {
    await context.close();
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const servers = await Promise.all(dists.map((dist) => startServer(dist)));
const browser = await launchBrowser();
try {
  const results = { 1: [[], []], 4: [[], []] };
  for (let run = 0; run < RUNS; run++) {
    for (const cpu of [1, 4]) {
      // Alternate which build goes first, too.
      const order = run % 2 ? [1, 0] : [0, 1];
      for (const which of order) results[cpu][which].push(await coldLoad(browser, servers[which].url, cpu));
    }
  }
  console.log(`Navigation start → first checklist checkbox, ${RUNS} cold loads of each, alternating (median; longest task before it)`);
  for (const [which, dist] of dists.entries()) {
    const row = [1, 4].map((cpu) => {
      const loads = results[cpu][which];
      const seen = median(loads.map((l) => l.seen)).toFixed(1);
      const longest = median(loads.map((l) => l.longest)).toFixed(0);
      const over50 = loads.filter((l) => l.longest > 50).length;
      return `CPU ${cpu}×: ${seen} ms (longest task ${longest} ms; over 50 ms in ${over50} of ${loads.length})`;
    });
    console.log(`${'AB'[which]} ${dist}\n    ${row.join('\n    ')}`);
  }
} finally {
  await browser.close();
  await Promise.all(servers.map((server) => server.close()));
}
